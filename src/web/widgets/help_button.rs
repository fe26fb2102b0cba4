//! HelpButton: a "?" button (its `label`, if it has one) and its Tooltip's text, shown as
//! BokehJS shows it: while the pointer is over the button (here also while it has focus),
//! kept open by a click until another click or Escape. The tooltip is the button's
//! description (`aria-describedby`); that it is open is the page's own state, not the
//! document's.

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::format::escape_html;
use crate::interact::dom_markup;

use super::super::element;
use super::super::page::Page;
use super::control::{watch, Attrs};

/// What the button's tooltip shows: its text, or the HTML of its DOM content.
#[derive(Clone, PartialEq)]
enum Tip {
    Text(String),
    Html(String),
}

fn tooltip(a: &Attrs) -> Tip {
    let tooltip = match a.value("tooltip") {
        Value::Ref(id) => a.doc.lookup(&id),
        _ => None,
    };
    let Some(tooltip) = tooltip else {
        return Tip::Text(String::new());
    };
    match a.doc.get_attr(tooltip, "content") {
        Ok(Value::Ref(node)) => match a.doc.lookup(&node) {
            Some(node) => Tip::Html(dom_markup(a.doc, node)),
            None => Tip::Text(String::new()),
        },
        _ => Tip::Text(Attrs::new(a.doc, tooltip).text("content")),
    }
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| (a.text("label"), tooltip(a)));
    let (hovered, pinned) = (RwSignal::new(false), RwSignal::new(false));
    let open = move || hovered.get() || pinned.get();
    let id = page.element_id(model);
    let tip = format!("{id}-tooltip");
    view! {
        <span class="rk-help">
            <button
                type="button"
                id=id
                class="rk-button rk-help-button"
                aria-label="Help"
                aria-describedby=tip.clone()
                aria-expanded=move || open().to_string()
                disabled=disabled
                on:mouseenter=move |_| hovered.set(true)
                on:mouseleave=move |_| hovered.set(false)
                on:focus=move |_| hovered.set(true)
                on:blur=move |_| hovered.set(false)
                on:click=move |_| pinned.update(|p| *p = !*p)
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        hovered.set(false);
                        pinned.set(false);
                    }
                }
            >
                {move || shown.with(|s| if s.0.is_empty() { "?".to_owned() } else { s.0.clone() })}
            </button>
            <div
                role="tooltip"
                id=tip
                class="rk-tooltip"
                hidden=move || !open()
                inner_html=move || shown.with(|s| match &s.1 {
                    Tip::Html(html) => html.clone(),
                    Tip::Text(text) => escape_html(text),
                })
            ></div>
        </span>
    }
    .into_any()
}
