//! Switch: a check box with the ARIA role "switch", its `label` beside it; Space flips
//! `active`.

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::watch;

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| (a.text("label"), a.flag("active")));
    view! {
        <label class="rk-switch">
            <input
                type="checkbox"
                role="switch"
                id=page.element_id(model)
                prop:checked=move || shown.with(|s| s.1)
                aria-checked=move || shown.with(|s| s.1.to_string())
                disabled=disabled
                on:change=move |ev| page.edit(model, "active", Value::Bool(event_target_checked(&ev)))
            />
            <span class="rk-switch-track" aria-hidden="true"></span>
            <span class="rk-switch-label">{move || shown.with(|s| s.0.clone())}</span>
        </label>
    }
    .into_any()
}
