//! A Tooltip model as the widgets show it: the HelpButton's tooltip, and an input's
//! `description` (`views::TOOLTIP`: a help icon and its tooltip). Shown while the pointer is over (or focus is on)
//! what it describes, kept open by a click until another click or Escape, as BokehJS's;
//! that it is open is the page's own state, not the document's. Its content may be
//! Bokeh's DOM models, written as the hover tooltips write them: a page without this view
//! (or the HelpButton's) carries none of that.

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::Document;
use crate::format::escape_html;
use crate::interact::dom_markup;

use super::super::page::Page;
use super::control::{watch, HELP_ICON};

/// The markup of Tooltip `tooltip`'s content: its text, or the HTML of its DOM models.
fn markup(doc: &Document, tooltip: AnyId) -> String {
    match doc.get_attr(tooltip, "content") {
        Ok(Value::Ref(node)) => doc
            .lookup(&node)
            .map(|node| dom_markup(doc, node))
            .unwrap_or_default(),
        Ok(Value::Str(text)) => escape_html(&text),
        _ => String::new(),
    }
}

/// Tooltip `tooltip`'s content, kept up to date.
pub fn content(page: Page, tooltip: AnyId) -> impl IntoView {
    let content = watch(page, tooltip, |a| markup(a.doc, a.model));
    view! { <div inner_html=move || content.get()></div> }
}

/// Tooltip `tooltip` as an input's `description` (`views::TOOLTIP`): BokehJS's help icon,
/// its content shown while the icon is hovered or focused, kept by a click.
pub fn view(page: Page, tooltip: AnyId) -> AnyView {
    let shown = Shown::new();
    let id = format!("{}-tip", page.element_id(tooltip));
    let described_by = id.clone();
    view! {
        <span
            class="rk-description"
            tabindex="0"
            aria-label="Description"
            aria-describedby=described_by
            on:mouseenter=move |_| shown.hovered.set(true)
            on:mouseleave=move |_| shown.hovered.set(false)
            on:focus=move |_| shown.hovered.set(true)
            on:blur=move |_| shown.hovered.set(false)
            on:click=move |_| shown.pinned.update(|p| *p = !*p)
            on:keydown=move |ev| shown.key(&ev)
        >
            <span inner_html=HELP_ICON></span>
            {popup(id, shown, content(page, tooltip))}
        </span>
    }
    .into_any()
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
/// showing `content` while `shown` is open.
pub fn popup(id: String, shown: Shown, content: impl IntoView) -> impl IntoView {
    view! {
        <div role="tooltip" id=id class="rk-tooltip" hidden=move || !shown.open()>
            {content}
        </div>
    }
}
