//! A Slider: its title and value as text, and a range input the keyboard can move.

use leptos::prelude::*;

use crate::document::AnyId;
use crate::models::Slider;

use super::layout::{text_attr, typed};
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
    let Some(slider) = typed::<Slider>(page, model) else {
        return ().into_any();
    };
    let shown = Memo::new(move |_| {
        page.track(model);
        let title = text_attr(page, model, "title");
        page.read(|d| Shown {
            title,
            value: d.get(slider, Slider::VALUE),
            start: d.get(slider, Slider::START),
            end: d.get(slider, Slider::END),
            step: d.get(slider, Slider::STEP),
        })
    });
    let input_id = page.read(|d| format!("rk-{}", d.model_id(model)));
    let label =
        move || shown.with(|s| format!("{}: {}", s.title, with_step_decimals(s.value, s.step)));
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let result = match raw.parse::<f64>() {
            Ok(value) => page.update(|d| d.set(slider, Slider::VALUE, value)),
            Err(_) => Ok(()),
        };
        if let Err(e) = result {
            web_sys::console::error_1(&format!("rokeh: slider: {e}").into());
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
                on:input=on_input
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
