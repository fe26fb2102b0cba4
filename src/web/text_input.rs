//! A TextInput: its title as the label, its value in a text box; typing sets the value.

use leptos::prelude::*;

use crate::document::AnyId;
use crate::models::TextInput;

use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    let Some(input) = page.typed::<TextInput>(model) else {
        return ().into_any();
    };
    let title = Memo::new(move |_| {
        page.track(model);
        page.read(|d| d.get(input, TextInput::TITLE))
    });
    let value = Memo::new(move |_| {
        page.track(model);
        page.read(|d| d.get(input, TextInput::VALUE))
    });
    let input_id = page.element_id(model);
    // Every keystroke sets `value`, so the plot follows the typing (Bokeh waits for Enter).
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Err(e) = page.update(|d| d.set(input, TextInput::VALUE, text)) {
            web_sys::console::error_1(&format!("rokeh: text input: {e}").into());
        }
    };
    view! {
        <div class="rk-text-input">
            <label for=input_id.clone()>{title}</label>
            <input type="text" id=input_id prop:value=value on:input=on_input />
        </div>
    }
    .into_any()
}
