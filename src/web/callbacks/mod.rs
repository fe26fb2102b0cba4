//! The callbacks the page runs, as BokehJS runs them: those attached to a model's property
//! changes (`js_property_callbacks`: run just after each change of it, whoever made it —
//! the page's user, a callback, the session's server), to its UI events
//! (`js_event_callbacks`: run before the event goes to `on_event` callbacks and peers), to
//! a tool (its `callback`: told what it hit) and to the document (`document_ready`, its
//! session's link lost and back). One file per callback model type, each a [`Runner`],
//! which `views::CUSTOM_JS`, `views::SET_VALUE`, … bring; a page built without them
//! carries none of this but the hooks ([`on_events`], [`on_tool`], …) that the page, its
//! tools and its session link call, which then find nothing to do.

mod code;
mod compare;
mod custom_js;
mod dialogs;
mod expr;
mod filter;
mod hover;
mod open_url;
mod proxy;
mod set_value;
mod tick_formatter;
mod ticker;
mod toggle_visibility;
mod transform;

pub(crate) use compare::SCRIPT as CUSTOM_JS_COMPARE;
pub(crate) use expr::SCRIPT as CUSTOM_JS_EXPR;
pub(crate) use filter::SCRIPT as CUSTOM_JS_FILTER;
pub(crate) use hover::SCRIPT as CUSTOM_JS_HOVER;
pub(crate) use tick_formatter::PARTS as CUSTOM_JS_TICK_FORMATTER;
pub(crate) use ticker::PARTS as CUSTOM_JS_TICKER;
pub(crate) use transform::SCRIPT as CUSTOM_JS_TRANSFORM;

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use crate::document::{
    AnyId, Change, Event, EventKind, UiEvent, Value, JS_EVENT_CALLBACKS, JS_PROPERTY_CALLBACKS,
};

use super::page::Page;

/// What a callback is run for: the model whose property changed, a UI event, or a tool
/// that hit something (its `callback`).
pub(crate) enum Target<'a> {
    Model(AnyId),
    Event(&'a UiEvent),
    Tool { tool: AnyId, hit: &'a ToolHit },
}

/// What a tool's callback is told of a hit (BokehJS's `cb_data`): where, as a point in
/// CSS pixels of the canvas (`sx`, `sy`) and data units (`x`, `y`), and what.
pub(crate) struct ToolHit {
    pub(crate) at: [f64; 4],
    pub(crate) what: Hit,
}

pub(crate) enum Hit {
    /// A TapTool's: the source whose rows it selected.
    Source(AnyId),
    /// A HoverTool's: a renderer it inspects and the rows of it under the pointer.
    Rows { renderer: AnyId, rows: Vec<usize> },
}

/// What resets a figure shown, as its ResetTool does.
pub(crate) type Reset = Rc<dyn Fn()>;

/// How a callback model type runs: its view.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Runner {
    run: fn(Page, AnyId, &Target) -> Result<(), String>,
    /// What finds and runs callbacks, shared by every runner: reached only through a
    /// runner, so a page without one does not carry it.
    dispatch: &'static Dispatch,
}

#[derive(Debug)]
struct Dispatch {
    events: fn(Page, Vec<UiEvent>),
    tool: fn(Page, AnyId, &ToolHit),
    // Only a session's link is lost and back.
    #[cfg_attr(not(feature = "session"), allow(dead_code))]
    document: fn(Page, EventKind),
    listen: fn(Page),
    figure: fn(AnyId, Option<Reset>),
}

const DISPATCH: Dispatch = Dispatch {
    events,
    tool,
    document,
    listen: start,
    figure: custom_js::figure_view,
};

pub(crate) const CUSTOM_JS: Runner = Runner {
    run: custom_js::run,
    dispatch: &DISPATCH,
};
pub(crate) const SET_VALUE: Runner = Runner {
    run: set_value::run,
    dispatch: &DISPATCH,
};
pub(crate) const OPEN_URL: Runner = Runner {
    run: open_url::run,
    dispatch: &DISPATCH,
};
pub(crate) const TOGGLE_VISIBILITY: Runner = Runner {
    run: toggle_visibility::run,
    dispatch: &DISPATCH,
};
pub(crate) const OPEN_DIALOG: Runner = Runner {
    run: dialogs::open,
    dispatch: &DISPATCH,
};
pub(crate) const CLOSE_DIALOG: Runner = Runner {
    run: dialogs::close,
    dispatch: &DISPATCH,
};

/// Callbacks run inside callbacks at most this deep: two callbacks that set each other's
/// properties to new values forever stop here, with an error, instead of the page.
const MAX_DEPTH: u32 = 16;

thread_local! {
    static RUNNERS: RefCell<Vec<(&'static str, Runner)>> = const { RefCell::new(Vec::new()) };
    static SHOWN: Cell<Option<&'static Dispatch>> = const { Cell::new(None) };
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// The page whose models the code sees.
    static PAGE: Cell<Option<Page>> = const { Cell::new(None) };
    /// Whether code runs as the page reads the document (see [`read_only`]).
    static READ_ONLY: Cell<bool> = const { Cell::new(false) };
    /// The models whose code's failure was reported, with what it said.
    static REPORTED: RefCell<HashSet<(AnyId, String)>> = RefCell::new(HashSet::new());
    /// The document's `document_ready` callbacks run so far: each runs once, when the
    /// page first shows a document that has it (its own, or one its session sent).
    static READY: RefCell<HashSet<AnyId>> = RefCell::new(HashSet::new());
}

/// The callback model types the page runs, by their views' names.
pub(crate) fn show(runners: Vec<(&'static str, Runner)>) {
    SHOWN.set(runners.first().map(|(_, r)| r.dispatch));
    RUNNERS.set(runners);
}

/// Starts running the callbacks attached to property changes of `page`'s document, and
/// its `document_ready` ones once it is shown.
pub(crate) fn listen(page: Page) {
    PAGE.set(Some(page));
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.listen)(page);
    }
}

/// The page whose models code sees.
fn page() -> Result<Page, String> {
    PAGE.get()
        .ok_or_else(|| "no page shows the document yet".to_owned())
}

/// Runs `run`, code run as the page reads the document (a figure drawn, a tooltip filled):
/// it may read the document, not change it (see [`writable`]).
fn read_only<R>(run: impl FnOnce() -> R) -> R {
    let outer = READ_ONLY.replace(true);
    let result = run();
    READ_ONLY.set(outer);
    result
}

/// Whether code may change the document now: not while the page reads it.
fn writable() -> Result<(), String> {
    if READ_ONLY.get() {
        return Err(
            "a formatter's, transform's, filter's or expression's code cannot change \
                    the document"
                .into(),
        );
    }
    Ok(())
}

/// Says in the console that model `model`'s code failed with `message`, once per message.
fn report_once(model: AnyId, message: &str) {
    if !REPORTED.with_borrow_mut(|r| r.insert((model, message.to_owned()))) {
        return;
    }
    let named = PAGE.get().and_then(|page| {
        page.read(|d| {
            d.try_model(model)
                .map(|m| format!("{}({})", m.type_name, m.id))
        })
    });
    let named = named.unwrap_or_default();
    web_sys::console::error_1(&format!("rokeh: {named}: {message}").into());
}

/// Whether the page runs callbacks at all.
pub(crate) fn shown() -> bool {
    SHOWN.get().is_some()
}

/// Figure `figure` is shown, reset by `reset`: callbacks' code finds its view.
pub(crate) fn show_figure(figure: AnyId, reset: Reset) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.figure)(figure, Some(reset));
    }
}

/// Figure `figure` is no longer shown.
pub(crate) fn hide_figure(figure: AnyId) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.figure)(figure, None);
    }
}

/// Runs the document's callbacks of document event `kind` (a session's connection lost,
/// or back).
#[cfg(feature = "session")]
pub(crate) fn on_document_event(page: Page, kind: EventKind) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.document)(page, kind);
    }
}

/// Runs the callbacks attached to UI events `events` (each on its model), just after the
/// update that emitted them.
pub(crate) fn on_events(page: Page, events: Vec<UiEvent>) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.events)(page, events);
    }
}

/// Runs tool `tool`'s `callback`, if it has one, for what it hit.
pub(crate) fn on_tool(page: Page, tool: AnyId, hit: &ToolHit) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.tool)(page, tool, hit);
    }
}

/// The callbacks each change runs, with the model they run for, under the names BokehJS's
/// models signal a change by: `change:<attr>` and `change` for a property, a source's
/// `streaming` and `patching`. Columns a callback was handed are forgotten here, at once,
/// when they changed.
fn attached(page: Page, changes: &[Change]) -> Vec<(AnyId, Vec<AnyId>)> {
    let mut due = Vec::new();
    for change in changes {
        let model = match &change.event {
            Event::ModelChanged { model, .. }
            | Event::ColumnDataChanged { model, .. }
            | Event::ColumnsStreamed { model, .. }
            | Event::ColumnsPatched { model, .. } => model,
            _ => continue,
        };
        let Some(any) = page.read(|d| d.lookup(model)) else {
            continue;
        };
        if change.event.changes_columns_only() {
            proxy::forget_data(any);
        }
        // Most models have none attached: no signal's name is made for them.
        if !page.read(|d| d.has_js_callbacks(any, JS_PROPERTY_CALLBACKS)) {
            continue;
        }
        let signals: Vec<String> = match &change.event {
            Event::ModelChanged { attr, .. } | Event::ColumnDataChanged { attr, .. } => {
                vec![format!("change:{attr}"), "change".into()]
            }
            Event::ColumnsStreamed { .. } => vec!["streaming".into()],
            _ => vec!["patching".into()],
        };
        for signal in &signals {
            let callbacks = page.read(|d| d.js_callbacks(any, JS_PROPERTY_CALLBACKS, signal));
            if !callbacks.is_empty() {
                due.push((any, callbacks));
            }
        }
    }
    due
}

/// Runs `run` just after the update under way, not inside it (a change may be the
/// session's, applied while the page's link to it is busy, and what callbacks change must
/// go out as the page's own edits), at the depth of the callback running now, so that
/// cascades still end.
fn later(run: impl FnOnce() + 'static) {
    let depth = DEPTH.get();
    wasm_bindgen_futures::spawn_local(async move {
        let outer = DEPTH.replace(depth);
        run();
        DEPTH.set(outer);
    });
}

/// Runs the callbacks of UI events (see [`later`]).
fn events(page: Page, events: Vec<UiEvent>) {
    later(move || {
        for event in &events {
            let Some(model) = event
                .model
                .as_ref()
                .and_then(|id| page.read(|d| d.lookup(id)))
            else {
                continue;
            };
            let name = event.kind.name();
            let callbacks = page.read(|d| d.js_callbacks(model, JS_EVENT_CALLBACKS, name));
            run_all(page, &callbacks, &Target::Event(event));
        }
    });
}

/// Listens to the document's changes, to run their callbacks (see [`later`]) and the
/// `document_ready` ones of a document the page shows now.
fn start(page: Page) {
    page.on_changes(move |changes| {
        let due = attached(page, changes);
        let ready = not_ready(page);
        if due.is_empty() && ready.is_empty() {
            return;
        }
        later(move || {
            for (model, callbacks) in due {
                run_all(page, &callbacks, &Target::Model(model));
            }
            run_ready(page, &ready);
        });
    });
    // Once the page is mounted: the document is shown then.
    wasm_bindgen_futures::spawn_local(async move { run_ready(page, &not_ready(page)) });
}

/// The document's `document_ready` callbacks not run yet, taken as run.
fn not_ready(page: Page) -> Vec<AnyId> {
    let mut due = page.read(|d| d.document_js_callbacks(EventKind::DocumentReady.name()));
    if !due.is_empty() {
        READY.with_borrow_mut(|ran| due.retain(|c| ran.insert(*c)));
    }
    due
}

fn run_ready(page: Page, due: &[AnyId]) {
    let event = UiEvent::new(EventKind::DocumentReady, None);
    run_all(page, due, &Target::Event(&event));
}

fn document(page: Page, kind: EventKind) {
    let callbacks = page.read(|d| d.document_js_callbacks(kind.name()));
    let event = UiEvent::new(kind, None);
    run_all(page, &callbacks, &Target::Event(&event));
}

fn tool(page: Page, tool: AnyId, hit: &ToolHit) {
    let callbacks: Vec<AnyId> = page.read(|d| match d.get_attr(tool, "callback") {
        Ok(Value::Ref(id)) => d.lookup(&id).into_iter().collect(),
        Ok(Value::List(items)) => items
            .iter()
            .filter_map(|v| d.lookup(v.as_ref_id()?))
            .collect(),
        _ => Vec::new(),
    });
    run_all(page, &callbacks, &Target::Tool { tool, hit });
}

fn run_all(page: Page, callbacks: &[AnyId], target: &Target) {
    if callbacks.is_empty() {
        return;
    }
    let depth = DEPTH.get();
    if depth >= MAX_DEPTH {
        web_sys::console::error_1(
            &format!(
                "rokeh: callbacks ran {MAX_DEPTH} deep (callbacks setting each other?); stopped"
            )
            .into(),
        );
        return;
    }
    DEPTH.set(depth + 1);
    for &callback in callbacks {
        let named = page.read(|d| {
            d.try_model(callback)
                .map(|m| (m.type_name.clone(), m.id.clone()))
        });
        let Some((type_name, id)) = named else {
            continue;
        };
        let runner = RUNNERS.with_borrow(|runners| {
            runners
                .iter()
                .find(|(name, _)| *name == type_name)
                .map(|(_, r)| *r)
        });
        let result = match runner {
            Some(runner) => (runner.run)(page, callback, target),
            None => Err("this page has no view of it (see rokeh::views); not run".into()),
        };
        if let Err(e) = result {
            web_sys::console::error_1(&format!("rokeh: {type_name} {id}: {e}").into());
        }
    }
    DEPTH.set(depth);
}
