//! A Slider: its title and value as text, and a range input the keyboard can move.

use leptos::prelude::*;

use crate::document::{AnyId, Value};
use crate::models::Slider;

use super::page::Page;

/// What the widget shows, read from the document.
#[derive(Clone, PartialEq)]
struct Shown {
    title: String,
    value: f64,
    start: f64,
    end: f64,
    step: f64,
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let Some(slider) = page.typed::<Slider>(model) else {
        return ().into_any();
    };
    let shown = Memo::new(move |_| {
        page.track(model);
        page.read(|d| Shown {
            title: d.get(slider, Slider::TITLE).unwrap_or_default(),
            value: d.get(slider, Slider::VALUE),
            start: d.get(slider, Slider::START),
            end: d.get(slider, Slider::END),
            step: d.get(slider, Slider::STEP),
        })
    });
    let input_id = page.element_id(model);
    let label =
        move || shown.with(|s| format!("{}: {}", s.title, with_step_decimals(s.value, s.step)));
    // As Bokeh's slider: `value` follows every move, `value_throttled` takes it when the
    // move is committed (mouse released, key pressed).
    let set_from = move |ev: &leptos::ev::Event, attr: &'static str| {
        // A range input always holds a number.
        let Ok(value) = event_target_value(ev).parse::<f64>() else {
            return;
        };
        if let Err(e) = page.update(|d| d.set_attr(model, attr, Value::Float(value))) {
            web_sys::console::error_1(&format!("rokeh: slider {attr}: {e}").into());
        }
    };
    view! {
        <div class="rk-slider">
            <label for=input_id.clone()>{label}</label>
            <input
                type="range"
                id=input_id
                aria-label=move || shown.with(|s| s.title.clone())
                min=move || shown.with(|s| s.start)
                max=move || shown.with(|s| s.end)
                step=move || shown.with(|s| s.step)
                prop:value=move || shown.with(|s| s.value.to_string())
                on:input=move |ev| set_from(&ev, "value")
                on:change=move |ev| set_from(&ev, "value_throttled")
            />
        </div>
    }
    .into_any()
}

/// `value` with as many decimals as `step` has, as Bokeh shows "frequency: 1.0".
fn with_step_decimals(value: f64, step: f64) -> String {
    let step = step.to_string();
    let decimals = step
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    format!("{value:.decimals$}")
}
