//! A Button: a real `<button>` whose click is Bokeh's `button_click` event, handed to the
//! app's `on_event` callbacks here and sent to the session.

use leptos::prelude::*;

use crate::core::AnyId;
use crate::document::{EventKind, UiEvent};
use crate::models::Button;

use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    let Some(button) = page.typed::<Button>(model) else {
        return ().into_any();
    };
    let shown = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            (
                d.get(button, Button::LABEL),
                d.get(button, Button::DISABLED),
            )
        })
    });
    let click = move |_| {
        let id = page.read(|d| d.model_id(model).clone());
        let event = UiEvent::new(EventKind::ButtonClick, Some(id));
        if let Err(e) = page.update(|d| d.trigger(event)) {
            web_sys::console::error_1(&format!("rokeh: button click: {e}").into());
        }
    };
    view! {
        <button
            type="button"
            class="rk-button"
            disabled=move || shown.with(|s| s.1)
            on:click=click
        >
            {move || shown.with(|s| s.0.clone())}
        </button>
    }
    .into_any()
}
