//! The callbacks the page runs, as BokehJS runs them: those attached to a model's property
//! changes (`js_property_callbacks`: run after each change of it, whoever made it — the
//! page's user, a callback, the session's server) and to its UI events
//! (`js_event_callbacks`: run before the event goes to `on_event` callbacks and peers).
//! One file per callback model type, each a [`Runner`], which `views::CUSTOM_JS`,
//! `views::SET_VALUE`, … bring; a page built without them carries none of this but the
//! two hooks [`Page`] calls, which then find nothing to do.

mod custom_js;
mod open_url;
mod proxy;
mod set_value;
mod toggle_visibility;

use std::cell::{Cell, RefCell};

use crate::document::{
    AnyId, Change, Document, Event, EventKind, UiEvent, Value, JS_EVENT_CALLBACKS,
    JS_PROPERTY_CALLBACKS,
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
    changed: fn(Page, &[Change]),
    event: fn(Page, &UiEvent),
    tool: fn(Page, AnyId, &ToolHit),
    wants: fn(&Document, AnyId, EventKind) -> bool,
}

const DISPATCH: Dispatch = Dispatch {
    changed,
    event,
    tool,
    wants: attached_to_event,
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

/// Callbacks run inside callbacks at most this deep: two callbacks that set each other's
/// properties to new values forever stop here, with an error, instead of the page.
const MAX_DEPTH: u32 = 16;

thread_local! {
    static RUNNERS: RefCell<Vec<(&'static str, Runner)>> = const { RefCell::new(Vec::new()) };
    static SHOWN: Cell<Option<&'static Dispatch>> = const { Cell::new(None) };
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// The callback model types the page runs, by their views' names.
pub(crate) fn show(runners: Vec<(&'static str, Runner)>) {
    SHOWN.set(runners.first().map(|(_, r)| r.dispatch));
    RUNNERS.set(runners);
}

/// Starts running the callbacks attached to property changes of `page`'s document.
pub(crate) fn listen(page: Page) {
    if let Some(dispatch) = SHOWN.get() {
        let changed = dispatch.changed;
        page.on_changes(move |changes| changed(page, changes));
    }
}

/// Runs the callbacks attached to UI event `event` on its model.
pub(crate) fn on_event(page: Page, event: &UiEvent) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.event)(page, event);
    }
}

/// Runs tool `tool`'s `callback`, if it has one, for what it hit.
pub(crate) fn on_tool(page: Page, tool: AnyId, hit: &ToolHit) {
    if let Some(dispatch) = SHOWN.get() {
        (dispatch.tool)(page, tool, hit);
    }
}

/// Whether callbacks are attached to UI events of `kind` on `model` (so that the page
/// makes them).
pub(crate) fn wants(doc: &Document, model: AnyId, kind: EventKind) -> bool {
    SHOWN.get().is_some_and(|d| (d.wants)(doc, model, kind))
}

fn attached_to_event(doc: &Document, model: AnyId, kind: EventKind) -> bool {
    !doc.js_callbacks(model, JS_EVENT_CALLBACKS, kind.name())
        .is_empty()
}

/// Runs the callbacks of each change, under the names BokehJS's models signal it by:
/// `change:<attr>` and `change` for a property, a source's `streaming` and `patching`.
fn changed(page: Page, changes: &[Change]) {
    for change in changes {
        let (model, signals): (_, Vec<String>) = match &change.event {
            Event::ModelChanged { model, attr, .. }
            | Event::ColumnDataChanged { model, attr, .. } => {
                (model, vec![format!("change:{attr}"), "change".into()])
            }
            Event::ColumnsStreamed { model, .. } => (model, vec!["streaming".into()]),
            Event::ColumnsPatched { model, .. } => (model, vec!["patching".into()]),
            _ => continue,
        };
        let Some(any) = page.read(|d| d.lookup(model)) else {
            continue;
        };
        if change.event.changes_columns_only() {
            // Its columns as a callback handed them out are old now.
            proxy::forget_data(any);
        }
        for signal in &signals {
            let callbacks = page.read(|d| d.js_callbacks(any, JS_PROPERTY_CALLBACKS, signal));
            run_all(page, &callbacks, &Target::Model(any));
        }
    }
}

fn event(page: Page, event: &UiEvent) {
    let Some(model) = event
        .model
        .as_ref()
        .and_then(|id| page.read(|d| d.lookup(id)))
    else {
        return;
    };
    let callbacks = page.read(|d| d.js_callbacks(model, JS_EVENT_CALLBACKS, event.kind.name()));
    run_all(page, &callbacks, &Target::Event(event));
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
        let type_name = page.read(|d| d.try_model(callback).map(|m| m.type_name.clone()));
        let Some(type_name) = type_name else { continue };
        let runner = RUNNERS.with_borrow(|runners| {
            runners
                .iter()
                .find(|(name, _)| *name == type_name)
                .map(|(_, r)| *r)
        });
        let id = page.read(|d| d.model_id(callback).clone());
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
