//! A Tooltip model's content as the widgets show it: the HelpButton's tooltip and an
//! input's `description`. Shown while the pointer is over (or focus is on) what it
//! describes, kept open by a click until another click or Escape, as BokehJS's; that it
//! is open is the page's own state, not the document's.

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::Document;
use crate::format::escape_html;
use crate::interact::dom_markup;

/// What a tooltip shows: text, or the HTML of its DOM content.
#[derive(Clone, PartialEq)]
pub enum Tip {
    Text(String),
    Html(String),
}

impl Tip {
    /// The content of Tooltip `tooltip`.
    pub fn of(doc: &Document, tooltip: AnyId) -> Tip {
        match doc.get_attr(tooltip, "content") {
            Ok(Value::Ref(node)) => match doc.lookup(&node) {
                Some(node) => Tip::Html(dom_markup(doc, node)),
                None => Tip::Text(String::new()),
            },
            Ok(Value::Str(text)) => Tip::Text(text),
            _ => Tip::Text(String::new()),
        }
    }

    /// As markup.
    fn markup(&self) -> String {
        match self {
            Tip::Html(html) => html.clone(),
            Tip::Text(text) => escape_html(text),
        }
    }
}

/// Whether a tooltip is open: hovered (or focused), or pinned by a click.
#[derive(Clone, Copy)]
pub struct Shown {
    pub hovered: RwSignal<bool>,
    pub pinned: RwSignal<bool>,
}

impl Shown {
    pub fn new() -> Shown {
        Shown {
            hovered: RwSignal::new(false),
            pinned: RwSignal::new(false),
        }
    }

    pub fn open(self) -> bool {
        self.hovered.get() || self.pinned.get()
    }

    /// Escape closes it.
    pub fn key(self, ev: &leptos::ev::KeyboardEvent) {
        if ev.key() == "Escape" {
            self.hovered.set(false);
            self.pinned.set(false);
        }
    }
}

/// The tooltip's box, `id` (what it describes names it with `aria-describedby`),
/// showing `tip` while `shown` is open.
pub fn popup(
    id: String,
    shown: Shown,
    tip: impl Fn() -> Tip + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div
            role="tooltip"
            id=id
            class="rk-tooltip"
            hidden=move || !shown.open()
            inner_html=move || tip().markup()
        ></div>
    }
}
