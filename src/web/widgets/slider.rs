//! Slider, DateSlider and CategoricalSlider: the title and value as the label of a range
//! input the keyboard and the pointer move (a categorical one over the categories'
//! positions, 0, 1, …, writing the category). As Bokeh's: `value` follows every move,
//! `value_throttled` takes it when the move is committed (pointer released, key
//! pressed). The range slider (range_slider.rs) shares the reading of a slider's scale
//! from here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Datetime, Value, DAY_MS};
use crate::format::{js_number, numbro, strftime};
use crate::render::math;

use super::super::bind::{self, bind, Writer};
use super::super::element;
use super::super::page::Page;
use super::control::{watch, watch_box, Attrs};

/// What a slider's numbers are.
#[derive(Clone, Copy, PartialEq)]
pub enum Scale {
    Number,
    /// Milliseconds since the epoch, `step` in days.
    Date,
    /// Milliseconds since the epoch, `step` in milliseconds.
    Datetime,
    /// Positions in `categories`, a step apart.
    Categorical,
}

/// A slider's range, step and how it writes its values, read from its model.
#[derive(Clone, PartialEq)]
pub struct Spec {
    pub title: Option<String>,
    pub start: f64,
    pub end: f64,
    /// In the units of the values.
    pub step: f64,
    pub show_value: bool,
    /// The colour of the part of the track up to the handle (between the handles), as
    /// BokehJS's noUiSlider "connect"; a CSS color.
    pub bar_color: String,
    scale: Scale,
    /// A categorical slider's categories (else empty).
    categories: Vec<String>,
    /// numbro for numbers ("0[.]00", Bokeh's default), strftime for dates; empty when it
    /// is a TickFormatter model, which rokeh does not run.
    format: String,
}

impl Spec {
    pub fn read(a: &Attrs, scale: Scale) -> Spec {
        let step = a.number("step").unwrap_or(1.0);
        let categories = match scale {
            Scale::Categorical => a.texts("categories"),
            _ => Vec::new(),
        };
        let (start, end) = match scale {
            Scale::Categorical => (0.0, categories.len().saturating_sub(1) as f64),
            _ => (
                position(&a.value("start")).unwrap_or(0.0),
                position(&a.value("end")).unwrap_or(1.0),
            ),
        };
        Spec {
            title: a.opt_text("title"),
            start,
            end,
            step: match scale {
                Scale::Date => step * DAY_MS,
                Scale::Categorical => 1.0,
                _ => step,
            },
            show_value: a.value("show_value").as_bool().unwrap_or(true),
            bar_color: a
                .opt_text("bar_color")
                .unwrap_or_else(|| "#e6e6e6".to_owned()),
            scale,
            categories,
            format: a.text("format"),
        }
    }

    /// The value a slider whose handle is at `at` holds: the number, or the category
    /// there.
    fn value_at(&self, at: f64) -> Option<Value> {
        match self.scale {
            Scale::Categorical => {
                let category = self.categories.get(at.round() as usize)?;
                Some(Value::str(category.as_str()))
            }
            _ => Some(Value::Float(at)),
        }
    }

    /// Where `value` is along the track, in percent of it from the start.
    pub fn percent(&self, value: f64) -> f64 {
        let span = self.end - self.start;
        if span > 0.0 {
            ((value - self.start) / span * 100.0).clamp(0.0, 100.0)
        } else {
            0.0
        }
    }

    /// `value` as the slider shows it, in its format as BokehJS writes it ("frequency: 1",
    /// "frequency: 1.10" with numbro's "0[.]00"; "10 Mar 2024" with "%d %b %Y").
    pub fn pretty(&self, value: f64) -> String {
        match self.scale {
            Scale::Categorical => (self.categories.get(value.round() as usize))
                .cloned()
                .unwrap_or_default(),
            _ if self.format.is_empty() => js_number(value),
            Scale::Number => numbro(value, &self.format),
            Scale::Date | Scale::Datetime => strftime(Datetime(value), &self.format),
        }
    }

    /// The header: the title and the shown values (none when there is no title, or it
    /// is empty and no value shows, as Bokeh's).
    pub fn header(&self, values: &[f64]) -> Option<(String, String)> {
        let title = self.title.as_ref()?;
        if title.is_empty() && !self.show_value {
            return None;
        }
        let title = if title.is_empty() {
            String::new()
        } else {
            format!("{title}: ")
        };
        let shown = if self.show_value {
            values
                .iter()
                .map(|v| self.pretty(*v))
                .collect::<Vec<_>>()
                .join(" .. ")
        } else {
            String::new()
        };
        Some((title, shown))
    }
}

/// A slider's title as its header shows it: text, or where it holds TeX, HTML with the
/// math as MathML (BokehJS's `process_tex`).
pub fn title_view(title: String) -> AnyView {
    match math::html(&title) {
        Some(html) => view! { <span inner_html=html></span> }.into_any(),
        None => title.into_any(),
    }
}

pub(super) use crate::models::slider_position as position;

/// Where a slider's handle sits: at its value, or its category's position.
fn handle_at(a: &Attrs, scale: Scale) -> Option<f64> {
    let value = a.value("value");
    match scale {
        Scale::Categorical => (a.texts("categories").iter())
            .position(|c| Some(c.as_str()) == value.as_str())
            .map(|i| i as f64),
        _ => position(&value),
    }
}

pub fn slider(page: Page, model: AnyId) -> AnyView {
    one_handle(page, model, Scale::Number)
}

pub fn date_slider(page: Page, model: AnyId) -> AnyView {
    one_handle(page, model, Scale::Date)
}

pub fn categorical_slider(page: Page, model: AnyId) -> AnyView {
    one_handle(page, model, Scale::Categorical)
}

fn one_handle(page: Page, model: AnyId, scale: Scale) -> AnyView {
    let disabled = element::disabled();
    let spec = watch_box(page, model, move |a| Spec::read(a, scale));
    let value = watch(page, model, move |a| handle_at(a, scale).unwrap_or(0.0));
    let input_id = page.element_id(model);
    let header = move || spec.with(|s| s.header(&[value.get()]));
    // The value the input shows, as last read from it or written to it: a move the user
    // made is not written back (setting a range input's value costs as much as a tenth of
    // a small figure's repaint, measured).
    let shown = Rc::new(Cell::new(None::<f64>));
    // `value` follows every move, `value_throttled` takes it when the move is committed.
    let set_from = {
        let shown = shown.clone();
        move |ev: &leptos::ev::Event, attr: &'static str| {
            // A range input always holds a number; read as one, not as text to parse. The
            // handlers are the input's own: the target is the input.
            let Some(v) = ev
                .target()
                .map(|t| {
                    t.unchecked_into::<web_sys::HtmlInputElement>()
                        .value_as_number()
                })
                .filter(|v| v.is_finite())
            else {
                return;
            };
            shown.set(Some(v));
            if let Some(value) = spec.with_untracked(|s| s.value_at(v)) {
                page.edit(model, attr, value);
            }
        }
    };
    let set_from_change = set_from.clone();
    // The input's range and state, then its value, in one effect: the range first, or the
    // value would be clamped to the default one; the range only when it changed (the value
    // changes with every move).
    let written = RefCell::new(None::<(Spec, bool)>);
    let write: Writer = Rc::new(move |el| {
        let (spec, value) = (spec.get(), value.get());
        let range = (spec, disabled.get());
        let mut written = written.borrow_mut();
        if written.as_ref() != Some(&range) {
            let (s, disabled) = &range;
            bind::attr(
                el,
                "aria-label",
                s.title.as_deref().filter(|t| !t.is_empty()),
            );
            bind::attr(el, "min", Some(&s.start.to_string()));
            bind::attr(el, "max", Some(&s.end.to_string()));
            bind::attr(el, "step", Some(&s.step.to_string()));
            bind::flag(el, "disabled", *disabled);
        }
        bind::attr(el, "aria-valuetext", Some(&range.0.pretty(value)));
        // The bar's fill up to the handle: custom properties of the track (the input's
        // parent) that its CSS reads, set here rather than by effects of their own.
        if let Some(track) = el.parent_element() {
            let style = track.unchecked_into::<web_sys::HtmlElement>().style();
            if written.as_ref() != Some(&range) {
                let _ = style.set_property("--rk-bar", &range.0.bar_color);
            }
            let _ = style.set_property("--rk-at", &format!("{}%", range.0.percent(value)));
        }
        // After a new range too: the browser clamped the value to the old one.
        if shown.get() != Some(value) || written.as_ref() != Some(&range) {
            el.unchecked_ref::<web_sys::HtmlInputElement>()
                .set_value(&value.to_string());
            shown.set(Some(value));
        }
        *written = Some(range);
    });
    view! {
        <div class="rk-slider">
            {
                let input_id = input_id.clone();
                move || header().map(|(title, shown)| view! {
                    <label for=input_id.clone()>
                        {title_view(title)}
                        <span class="rk-slider-value">{shown}</span>
                    </label>
                })
            }
            <div class="rk-slider-track">
                <div class="rk-slider-bar">
                    <div class="rk-slider-fill"></div>
                </div>
                <input
                    type="range"
                    id=input_id
                    use:bind=write
                    on:input=move |ev| set_from(&ev, "value")
                    on:change=move |ev| set_from_change(&ev, "value_throttled")
                />
            </div>
        </div>
    }
    .into_any()
}
