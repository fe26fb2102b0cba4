//! HelpButton: a "?" button (its `label`, if it has one) and its Tooltip's content,
//! shown as BokehJS shows it (`tip`): while the pointer is over the button (here also
//! while it has focus), kept open by a click. The tooltip is the button's description
//! (`aria-describedby`).

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{watch, HELP_ICON};
use super::tip::{self, popup, Shown};

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let label = watch(page, model, |a| a.text("label"));
    let tooltip = watch(page, model, |a| match a.value("tooltip") {
        Value::Ref(id) => a.doc.lookup(&id),
        _ => None,
    });
    let shown = Shown::new();
    let id = page.element_id(model);
    let tip_id = format!("{id}-tooltip");
    view! {
        <span class="rk-help">
            <button
                type="button"
                id=id
                class="rk-button rk-help-button"
                aria-label="Help"
                aria-describedby=tip_id.clone()
                aria-expanded=move || shown.open().to_string()
                disabled=disabled
                on:mouseenter=move |_| shown.hovered.set(true)
                on:mouseleave=move |_| shown.hovered.set(false)
                on:focus=move |_| shown.hovered.set(true)
                on:blur=move |_| shown.hovered.set(false)
                on:click=move |_| shown.pinned.update(|p| *p = !*p)
                on:keydown=move |ev| shown.key(&ev)
            >
                // BokehJS's help icon, unless it has a label.
                {move || label.with(|l| {
                    if l.is_empty() {
                        view! { <span class="rk-help-icon" inner_html=HELP_ICON></span> }.into_any()
                    } else {
                        l.clone().into_any()
                    }
                })}
            </button>
            {popup(tip_id, shown, move || tooltip.get().map(|t| tip::content(page, t)))}
        </span>
    }
    .into_any()
}
