//! CheckboxButtonGroup and RadioButtonGroup: buttons, one per label. A checkbox button is
//! a toggle (`aria-pressed`), any number pressed; radio buttons are ARIA radios in a
//! radiogroup: one tab stop, the arrow keys move the choice.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::watch;

/// What a button group shows.
#[derive(Clone, PartialEq)]
struct Shown {
    labels: Vec<String>,
    active: Vec<i64>,
    button_type: String,
    vertical: bool,
}

fn shown(page: Page, model: AnyId) -> Memo<Shown> {
    watch(page, model, |a| Shown {
        labels: a.texts("labels"),
        active: match a.value("active") {
            Value::Int(i) => vec![i],
            _ => a.ints("active"),
        },
        button_type: a.text("button_type"),
        vertical: a.text("orientation") == "vertical",
    })
}

fn choices(shown: Memo<Shown>) -> Vec<(usize, String)> {
    shown.with(|s| s.labels.clone().into_iter().enumerate().collect())
}

pub fn checkbox_button_group(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = shown(page, model);
    let id = page.element_id(model);
    let group_id_attr = id.clone();
    let toggle = move |i: i64| {
        let mut active = shown.with_untracked(|s| s.active.clone());
        if active.contains(&i) {
            active.retain(|a| *a != i);
        } else {
            active.push(i);
        }
        active.sort_unstable();
        let active = active.into_iter().map(Value::Int).collect();
        page.edit(model, "active", Value::List(active));
    };
    view! {
        <div
            class="rk-button-group"
            class:rk-vertical=move || shown.with(|s| s.vertical)
            role="group"
            id=group_id_attr
        >
            <For each=move || choices(shown) key=|choice| choice.clone() let:choice>
                {
                    let (i, label) = choice;
                    let i = i as i64;
                    let pressed = move || shown.with(|s| s.active.contains(&i));
                    view! {
                        <button
                            type="button"
                            id=format!("{id}-{i}")
                            class=move || shown.with(|s| format!("rk-button rk-button-{}", s.button_type))
                            class:rk-active=pressed
                            aria-pressed=move || pressed().to_string()
                            disabled=disabled
                            on:click=move |_| toggle(i)
                        >
                            {label}
                        </button>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}

pub fn radio_button_group(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = shown(page, model);
    let id = page.element_id(model);
    let group_id_attr = id.clone();
    let choose = move |i: i64| page.edit(model, "active", Value::Int(i));
    let group_id = id.clone();
    let on_key = move |ev: KeyboardEvent| {
        let count = shown.with_untracked(|s| s.labels.len() as i64);
        if count == 0 {
            return;
        }
        let current = shown.with_untracked(|s| s.active.first().copied());
        // Both pairs of arrows move the choice, as in a browser's own radio group.
        let step = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let next = (current.unwrap_or(0) + step).rem_euclid(count);
        choose(next);
        let button = document().get_element_by_id(&format!("{group_id}-{next}"));
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    };
    view! {
        <div
            class="rk-button-group"
            class:rk-vertical=move || shown.with(|s| s.vertical)
            role="radiogroup"
            aria-orientation=move || if shown.with(|s| s.vertical) { "vertical" } else { "horizontal" }
            id=group_id_attr
            on:keydown=on_key
        >
            <For each=move || choices(shown) key=|choice| choice.clone() let:choice>
                {
                    let (i, label) = choice;
                    let i = i as i64;
                    let checked = move || shown.with(|s| s.active.first() == Some(&i));
                    // One tab stop: the chosen button, or the first when none is.
                    let tab_stop = move || shown.with(|s| match s.active.first() {
                        Some(a) => *a == i,
                        None => i == 0,
                    });
                    view! {
                        <button
                            type="button"
                            role="radio"
                            id=format!("{id}-{i}")
                            class=move || shown.with(|s| format!("rk-button rk-button-{}", s.button_type))
                            class:rk-active=checked
                            aria-checked=move || checked().to_string()
                            tabindex=move || if tab_stop() { "0" } else { "-1" }
                            disabled=disabled
                            on:click=move |_| choose(i)
                        >
                            {label}
                        </button>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}
