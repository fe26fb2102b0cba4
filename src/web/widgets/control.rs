//! What the widgets share: reading a model's attributes by name, the title label of an
//! input (with its description), writing a value into a text control without moving the
//! user's caret, and Bokeh's UI events of a model.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Value};
use crate::document::{Document, EventKind, UiEvent};
use crate::format::escape_html;

use super::super::icons;
use super::super::layout::{component, left_out};
use super::super::page::Page;

/// How the page writes a DOM model as markup, with the views that show DOM models (see
/// [`crate::views`]).
pub type DomWriter = fn(&Document, AnyId) -> String;

thread_local! {
    static DOM: Cell<Option<DomWriter>> = const { Cell::new(None) };
    /// Whether a DOM model was left out for want of a writer (said once).
    static DOM_MISSED: Cell<bool> = const { Cell::new(false) };
}

/// Sets how the page writes DOM models (none: it has no view that shows them).
pub fn write_dom_with(write: Option<DomWriter>) {
    DOM.set(write);
}

/// A model's attributes read by name, each with a fallback for a value of another kind
/// (a type that lacks the property reads as its fallback too).
pub struct Attrs<'d> {
    pub doc: &'d Document,
    pub model: AnyId,
}

impl<'d> Attrs<'d> {
    pub fn new(doc: &'d Document, model: AnyId) -> Attrs<'d> {
        Attrs { doc, model }
    }

    pub fn value(&self, name: &str) -> Value {
        self.doc.get_attr(self.model, name).unwrap_or(Value::Null)
    }

    pub fn text(&self, name: &str) -> String {
        self.value(name).as_str().unwrap_or_default().to_owned()
    }

    /// Text or a DOM node ([`crate::models::RichText`]: a button's label, an input's
    /// title, a tooltip's content) as markup: the text escaped, the node's HTML as the
    /// hover tooltips write it, where the page has a view that writes DOM models (see
    /// [`write_dom_with`]); without one, nothing, said once.
    pub fn markup(&self, name: &str) -> String {
        match self.value(name) {
            Value::Ref(node) => {
                let Some(node) = self.doc.lookup(&node) else {
                    return String::new();
                };
                match DOM.get() {
                    Some(write) => write(self.doc, node),
                    None => {
                        if !DOM_MISSED.replace(true) {
                            let message = "rokeh: this page has no view that writes Bokeh's DOM models (views::TOOLTIP, views::DOM_DIV, ...); a title, label or content given as one is left out";
                            web_sys::console::warn_1(&message.into());
                        }
                        String::new()
                    }
                }
            }
            Value::Str(text) => escape_html(&text),
            _ => String::new(),
        }
    }

    pub fn opt_text(&self, name: &str) -> Option<String> {
        self.value(name).as_str().map(str::to_owned)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.value(name).as_bool().unwrap_or(false)
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        self.value(name).as_f64()
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.value(name) {
            Value::Int(i) => Some(i),
            Value::Float(f) if f.fract() == 0.0 => Some(f as i64),
            _ => None,
        }
    }

    /// A list of strings (labels, options' values).
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.value(name)
            .as_list()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A list of whole numbers (a group's `active`, a selection's `indices`), from a list
    /// or a typed array.
    pub fn ints(&self, name: &str) -> Vec<i64> {
        match self.value(name) {
            Value::List(items) => items
                .iter()
                .filter_map(Value::as_f64)
                .map(|f| f as i64)
                .collect(),
            Value::Array(array) => (0..array.len())
                .filter_map(|i| array.data.get_f64(i))
                .map(|f| f as i64)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// What `read` says of `model`'s attributes, kept up to date.
pub fn watch<T>(
    page: Page,
    model: AnyId,
    read: impl Fn(&Attrs) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    watching(page, model, Page::track, read)
}

/// As [`watch`], for what `read` says of the attributes other than the value a user's
/// input sets ([`Page::track_box`]): not read again at each of the user's moves.
pub fn watch_box<T>(
    page: Page,
    model: AnyId,
    read: impl Fn(&Attrs) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    watching(page, model, Page::track_box, read)
}

/// A memo of `read` over `model`'s attributes, following the revision `track` subscribes
/// to.
fn watching<T>(
    page: Page,
    model: AnyId,
    track: fn(&Page, AnyId),
    read: impl Fn(&Attrs) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        track(&page, model);
        page.read(|d| read(&Attrs::new(d, model)))
    })
}

/// A widget's pop-up menu: whether it is open, the widget holding it (a click outside it
/// closes the menu), the button that opens it, and whether the menu opens above it.
#[derive(Clone, Copy)]
pub struct Popup {
    pub open: RwSignal<bool>,
    pub root: NodeRef<leptos::html::Div>,
    pub opener: NodeRef<leptos::html::Button>,
    pub above: RwSignal<bool>,
}

impl Popup {
    /// A closed menu, closed again by any click outside its widget.
    pub fn new() -> Popup {
        let popup = Popup {
            open: RwSignal::new(false),
            root: NodeRef::new(),
            opener: NodeRef::new(),
            above: RwSignal::new(false),
        };
        let outside = window_event_listener(leptos::ev::click, move |ev| {
            if !popup.open.get_untracked() {
                return;
            }
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = (popup.root.get_untracked()).is_some_and(|r| r.contains(target.as_ref()));
            if !inside {
                popup.open.set(false);
            }
        });
        on_cleanup(move || outside.remove());
        popup
    }

    /// Opens `menu` (shown, not yet painted) above its button when it does not fit in the
    /// window below it and there is more room above, as BokehJS's drop-down panes do.
    pub fn place(self, menu: Option<web_sys::Element>) {
        let (Some(menu), Some(opener)) = (menu, self.opener.get_untracked()) else {
            return;
        };
        let height = menu.get_bounding_client_rect().height();
        let at = opener.get_bounding_client_rect();
        let window = window().inner_height().ok().and_then(|h| h.as_f64());
        let below = window.map_or(f64::INFINITY, |h| h - at.bottom());
        self.above.set(height > below && at.top() > below);
    }

    /// Closes the menu, giving its button the focus back when `refocus`.
    pub fn close(self, refocus: bool) {
        self.open.set(false);
        if let Some(button) = self.opener.get_untracked().filter(|_| refocus) {
            let _ = button.focus();
        }
    }

    /// The elements `selector` matches in `menu`, in order (the items the keys move
    /// between).
    pub fn items(menu: Option<web_sys::Element>, selector: &str) -> Vec<web_sys::HtmlElement> {
        let Some(nodes) = menu.and_then(|m| m.query_selector_all(selector).ok()) else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }
}

/// A button's face as markup, kept up to date (its icon's changes too): its `icon`, if
/// any, then a space and its `label` (see [`Attrs::markup`]), as BokehJS lays them out.
pub fn face(page: Page, model: AnyId) -> Memo<String> {
    watch(page, model, move |a| {
        let label = a.markup("label");
        let Some(icon) = a.value("icon").as_ref_id().and_then(|id| a.doc.lookup(id)) else {
            return label;
        };
        page.track(icon);
        let gap = if label.is_empty() { "" } else { "&nbsp;" };
        format!("{}{gap}{label}", icons::markup(a.doc, icon))
    })
}

/// An input's title as its label (none when the title is empty, as Bokeh shows none; a
/// DOM node's markup as BokehJS shows it), with its `description` after the title as
/// BokehJS shows it: a help icon, the text its tooltip, or a Tooltip model's content
/// shown as the HelpButton's is. The icon is beside the label, not in it (BokehJS's
/// place), so that it is no part of the input's name.
pub fn title_label(page: Page, model: AnyId, for_id: String) -> impl IntoView {
    let title = watch(page, model, |a| a.markup("title"));
    let described = watch(page, model, description);
    // Rebuilt whole when the title or the description changes (neither changes often).
    move || {
        let title = title.get();
        let icon = description_icon(page, described.get());
        (!title.is_empty()).then(|| {
            view! {
                <div class="rk-title-row">
                    <label class="rk-title" for=for_id.clone() inner_html=title></label>
                    {icon}
                </div>
            }
        })
    }
}

/// An input's `description`: none, text, or a Tooltip model.
#[derive(Clone, PartialEq)]
enum Description {
    None,
    Text(String),
    Tooltip(AnyId),
}

fn description(a: &Attrs) -> Description {
    match a.value("description") {
        Value::Str(text) => Description::Text(text),
        Value::Ref(id) => a
            .doc
            .lookup(&id)
            .map_or(Description::None, Description::Tooltip),
        _ => Description::None,
    }
}

/// A circled question mark, drawn as the toolbar's icons are (a description's and the
/// HelpButton's icon).
pub const HELP_ICON: &str = r#"<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"><circle cx="12" cy="12" r="9"></circle><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.6v.4M12 17h.01"></path></svg>"#;

fn description_icon(page: Page, described: Description) -> Option<AnyView> {
    match described {
        Description::None => None,
        Description::Text(text) => Some(
            view! {
                <span class="rk-description" role="img" title=text.clone() aria-label=text inner_html=HELP_ICON></span>
            }
            .into_any(),
        ),
        // The Tooltip's view (`views::TOOLTIP`), which a page may be built without; not
        // in a layout's box (a Tooltip's `visible` is whether it is open).
        Description::Tooltip(tooltip) => Some(match component("Tooltip") {
            Some(view) => view.show(page, tooltip),
            None => left_out("Tooltip".to_owned()),
        }),
    }
}

/// The UI event `kind` on `model`, with `values`.
pub fn ui_event(
    page: Page,
    model: AnyId,
    kind: EventKind,
    values: Vec<(String, Value)>,
) -> UiEvent {
    let id = page.read(|d| d.model_id(model).clone());
    UiEvent {
        kind,
        model: Some(id),
        values,
    }
}

/// A control whose text the page writes: `<input>` or `<textarea>`.
pub trait TextControl: Clone + 'static {
    fn text(&self) -> String;
    fn set_text(&self, text: &str);
    fn selection(&self) -> Option<(u32, u32)>;
    fn select(&self, start: u32, end: u32);
    fn element(&self) -> &web_sys::Element;
}

impl TextControl for web_sys::HtmlInputElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
    fn selection(&self) -> Option<(u32, u32)> {
        Some((self.selection_start().ok()??, self.selection_end().ok()??))
    }
    fn select(&self, start: u32, end: u32) {
        let _ = self.set_selection_range(start, end);
    }
    fn element(&self) -> &web_sys::Element {
        self
    }
}

impl TextControl for web_sys::HtmlTextAreaElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
    fn selection(&self) -> Option<(u32, u32)> {
        Some((self.selection_start().ok()??, self.selection_end().ok()??))
    }
    fn select(&self, start: u32, end: u32) {
        let _ = self.set_selection_range(start, end);
    }
    fn element(&self) -> &web_sys::Element {
        self
    }
}

/// Keeps the control's text at `text` (the document's value): a change made elsewhere (a
/// callback, another client) shows at once; when the control has the focus, the user's
/// caret and selection stay where they were. With `from_start` false, only changes after
/// the first are written (a text input's `value_input` must not replace its `value`).
pub fn keep_text<E: TextControl>(
    control: impl Fn() -> Option<E> + 'static,
    text: Memo<String>,
    from_start: bool,
) {
    Effect::new(move |ran: Option<()>| {
        let text = text.get();
        if ran.is_none() && !from_start {
            return;
        }
        let Some(el) = control() else { return };
        if el.text() == text {
            return;
        }
        let focused = document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(el.element())));
        let selection = focused.then(|| el.selection()).flatten();
        el.set_text(&text);
        if let Some((start, end)) = selection {
            let len = text.encode_utf16().count() as u32;
            el.select(start.min(len), end.min(len));
        }
    });
}
