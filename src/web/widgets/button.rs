//! Button and Toggle: real `<button>`s, labelled with text or Bokeh's DOM models after
//! their icon, if any. A Button's click is Bokeh's `button_click` event,
//! handed to the app's `on_event` callbacks here and sent to the session; a Toggle's
//! flips `active`, shown as `aria-pressed`.

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::EventKind;

use super::super::element;
use super::super::page::Page;
use super::control::{face, ui_event, watch};

pub fn button(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let face = face(page, model);
    let shown = watch(page, model, |a| a.text("button_type"));
    let click = move |_| page.trigger(ui_event(page, model, EventKind::ButtonClick, Vec::new()));
    view! {
        <button
            type="button"
            id=page.element_id(model)
            class=move || shown.with(|s| format!("rk-button rk-button-{s}"))
            disabled=disabled
            on:click=click
            inner_html=face
        ></button>
    }
    .into_any()
}

pub fn toggle(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let face = face(page, model);
    let shown = watch(page, model, |a| (a.text("button_type"), a.flag("active")));
    let click = move |_| {
        let active = shown.with_untracked(|s| s.1);
        page.edit(model, "active", Value::Bool(!active));
    };
    view! {
        <button
            type="button"
            id=page.element_id(model)
            class=move || shown.with(|s| format!("rk-button rk-button-{}", s.0))
            class:rk-active=move || shown.with(|s| s.1)
            aria-pressed=move || shown.with(|s| s.1.to_string())
            disabled=disabled
            on:click=click
            inner_html=face
        ></button>
    }
    .into_any()
}
