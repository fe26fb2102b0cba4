//! Bokeh's toggle inputs, each one check box flipping `active`, its `label` beside it:
//! Switch (the ARIA role "switch", drawn as a track) and Checkbox (a plain check box).
//! Space flips either.

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::watch;

pub fn switch(page: Page, model: AnyId) -> AnyView {
    toggle(page, model, true)
}

pub fn checkbox(page: Page, model: AnyId) -> AnyView {
    toggle(page, model, false)
}

fn toggle(page: Page, model: AnyId, switch: bool) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| (a.text("label"), a.flag("active")));
    view! {
        <label class=if switch { "rk-switch" } else { "rk-choice rk-checkbox" }>
            <input
                type="checkbox"
                role=switch.then_some("switch")
                id=page.element_id(model)
                prop:checked=move || shown.with(|s| s.1)
                aria-checked=move || switch.then(|| shown.with(|s| s.1.to_string()))
                disabled=disabled
                on:change=move |ev| page.edit(model, "active", Value::Bool(event_target_checked(&ev)))
            />
            <span class=if switch { "rk-switch-label" } else { "rk-checkbox-label" }>
                {move || shown.with(|s| s.0.clone())}
            </span>
        </label>
    }
    .into_any()
}
