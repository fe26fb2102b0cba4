//! The text inputs: TextInput, PasswordInput and TextAreaInput, each its title as the
//! label of a real text control. As Bokeh's: every keystroke sets `value_input`, the
//! committed edit (Enter, or leaving the control) sets `value`, and Enter in a one-line
//! input is also Bokeh's `value_submit` event. A value set elsewhere shows at once
//! without moving the caret.

use std::rc::Rc;

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::EventKind;

use super::super::bind::{self, bind, Writer};
use super::super::element;
use super::super::page::Page;
use super::control::{keep_text, title_label, ui_event, watch};

/// What a text input shows besides its text.
#[derive(Clone, PartialEq)]
struct Shown {
    placeholder: String,
    max_length: Option<i64>,
    prefix: Option<String>,
    suffix: Option<String>,
    rows: Option<i64>,
    cols: Option<i64>,
}

pub fn text_input(page: Page, model: AnyId) -> AnyView {
    one_line(page, model, "text")
}

pub fn password_input(page: Page, model: AnyId) -> AnyView {
    one_line(page, model, "password")
}

fn shown(page: Page, model: AnyId) -> Memo<Shown> {
    watch(page, model, |a| Shown {
        placeholder: a.text("placeholder"),
        max_length: a.int("max_length"),
        prefix: a.opt_text("prefix"),
        suffix: a.opt_text("suffix"),
        rows: a.int("rows"),
        cols: a.int("cols"),
    })
}

/// `value_input` on every keystroke, `value` when the edit is committed.
fn handlers(page: Page, model: AnyId) -> (impl Fn(String) + Copy, impl Fn(String) + Copy) {
    let typed = move |text: String| page.edit(model, "value_input", Value::Str(text));
    let committed = move |text: String| page.edit(model, "value", Value::Str(text));
    (typed, committed)
}

fn one_line(page: Page, model: AnyId, input_type: &'static str) -> AnyView {
    let disabled = element::disabled();
    let shown = shown(page, model);
    let value = watch(page, model, |a| a.text("value"));
    let value_input = watch(page, model, |a| a.text("value_input"));
    let input = NodeRef::<html::Input>::new();
    keep_text(move || input.get(), value, true);
    keep_text(move || input.get(), value_input, false);
    let (typed, committed) = handlers(page, model);
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !(ev.shift_key() || ev.ctrl_key() || ev.alt_key()) {
            let text = event_target_value(&ev);
            committed(text.clone());
            let values = vec![("value".to_owned(), Value::Str(text))];
            page.trigger(ui_event(page, model, EventKind::ValueSubmit, values));
        }
    };
    let id = page.element_id(model);
    // Its placeholder, length and state, in one effect.
    let write: Writer = Rc::new(move |el| {
        shown.with(|s| {
            bind::attr(el, "placeholder", Some(&s.placeholder));
            let max_length = s.max_length.map(|n| n.to_string());
            bind::attr(el, "maxlength", max_length.as_deref());
        });
        bind::flag(el, "disabled", disabled.get());
    });
    view! {
        <div class="rk-input-widget rk-text-input">
            {title_label(page, model, id.clone())}
            <div class="rk-input-group">
                {move || shown.with(|s| s.prefix.clone()).map(|p| view! { <span class="rk-prefix">{p}</span> })}
                <input
                    type=input_type
                    id=id
                    node_ref=input
                    use:bind=write
                    on:input=move |ev| typed(event_target_value(&ev))
                    on:change=move |ev| committed(event_target_value(&ev))
                    on:keydown=on_key
                />
                {move || shown.with(|s| s.suffix.clone()).map(|s| view! { <span class="rk-suffix">{s}</span> })}
            </div>
        </div>
    }
    .into_any()
}

pub fn text_area_input(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = shown(page, model);
    let value = watch(page, model, |a| a.text("value"));
    let value_input = watch(page, model, |a| a.text("value_input"));
    let area = NodeRef::<html::Textarea>::new();
    keep_text(move || area.get(), value, true);
    keep_text(move || area.get(), value_input, false);
    let (typed, committed) = handlers(page, model);
    let id = page.element_id(model);
    view! {
        <div class="rk-input-widget rk-text-area-input">
            {title_label(page, model, id.clone())}
            <textarea
                id=id
                node_ref=area
                placeholder=move || shown.with(|s| s.placeholder.clone())
                maxlength=move || shown.with(|s| s.max_length)
                rows=move || shown.with(|s| s.rows)
                cols=move || shown.with(|s| s.cols)
                disabled=disabled
                on:input=move |ev| typed(event_target_value(&ev))
                on:change=move |ev| committed(event_target_value(&ev))
            ></textarea>
        </div>
    }
    .into_any()
}
