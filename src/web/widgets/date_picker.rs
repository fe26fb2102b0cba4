//! DatePicker, DatetimePicker and TimePicker: the browser's own date, datetime-local and
//! time inputs (typed, or chosen from its calendar and clock, by keys or pointer), within
//! the model's bounds and the days it offers ([`Offered`]), shown as BokehJS's pickers
//! show their value: in the model's `date_format` (`time_format`), flatpickr's tokens.
//! The input lies unseen over that text ([`formatted`]): it keeps the label, the focus
//! and the keys, and a click opens its calendar. What they share with the range and
//! multiple pickers is [`Moment`]: which input shows a value, and how its text becomes
//! the value BokehJS writes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::core::{AnyId, Date, Datetime, PropType, Time, Value};
use crate::format::flatpickr;
use crate::models::Days;

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch, Attrs};

/// What a picker's input holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Moment {
    /// A day: `"YYYY-MM-DD"`.
    Date,
    /// A day and a time of day: `"YYYY-MM-DDTHH:MM:SS"`, seconds shown or not.
    Datetime { seconds: bool },
    /// A time of day: `"HH:MM:SS"`, seconds shown or not.
    Time { seconds: bool },
}

impl Moment {
    /// The kind of a picker model: its `seconds` read for those with a clock.
    pub fn of(a: &Attrs, date: bool, time: bool) -> Moment {
        let seconds = a.flag("seconds");
        match (date, time) {
            (true, true) => Moment::Datetime { seconds },
            (false, _) => Moment::Time { seconds },
            (true, false) => Moment::Date,
        }
    }

    pub fn input_type(self) -> &'static str {
        match self {
            Moment::Date => "date",
            Moment::Datetime { .. } => "datetime-local",
            Moment::Time { .. } => "time",
        }
    }

    /// The input's `step`: whole seconds when seconds are shown (the browser's default,
    /// minutes, otherwise).
    pub fn step(self) -> Option<&'static str> {
        matches!(
            self,
            Moment::Datetime { seconds: true } | Moment::Time { seconds: true }
        )
        .then_some("1")
    }

    /// A value (Python's milliseconds or an ISO string) as the input's text; `None` when
    /// unset or unreadable.
    pub fn shown(self, a: &Attrs, v: &Value) -> Option<String> {
        let cut = |text: String, seconds: bool| match seconds {
            true => text,
            // Without seconds the inputs take (and show) minutes.
            false => text[..text.len() - 3].to_owned(),
        };
        match self {
            Moment::Date => Date::from_value(v, a.doc).map(Date::iso),
            Moment::Datetime { seconds } => {
                Datetime::from_value(v, a.doc).map(|d| cut(d.iso(), seconds))
            }
            Moment::Time { seconds } => Time::from_value(v, a.doc).map(|t| cut(t.hms(), seconds)),
        }
    }

    /// A value as the picker shows it: in the model's format; `None` when unset or
    /// unreadable.
    pub fn displayed(self, a: &Attrs, v: &Value) -> Option<String> {
        let (instant, format) = match self {
            Moment::Date => (Date::from_value(v, a.doc)?.to_datetime(), "date_format"),
            Moment::Datetime { .. } => (Datetime::from_value(v, a.doc)?, "date_format"),
            Moment::Time { .. } => (Datetime(Time::from_value(v, a.doc)?.0), "time_format"),
        };
        Some(flatpickr(instant, &a.text(format)))
    }

    /// The input's text as the value BokehJS writes; `None` while it is not a whole one
    /// (the inputs report nothing until it is).
    pub fn written(self, text: &str) -> Option<Value> {
        let text = match self {
            Moment::Date => Date::parse(text)?.iso(),
            Moment::Datetime { .. } => Datetime::parse(text)?.iso(),
            Moment::Time { .. } => Time::parse(text)?.hms(),
        };
        Some(Value::Str(text))
    }

    /// The names of the model's bounds.
    pub fn bounds(self) -> (&'static str, &'static str) {
        match self {
            Moment::Time { .. } => ("min_time", "max_time"),
            _ => ("min_date", "max_date"),
        }
    }

    /// The model's bounds as the input's `min` and `max`.
    pub fn shown_bounds(self, a: &Attrs) -> (Option<String>, Option<String>) {
        let (min, max) = self.bounds();
        (self.shown(a, &a.value(min)), self.shown(a, &a.value(max)))
    }
}

/// The days a date picker offers, as flatpickr offers them: none it withholds
/// (`disabled_dates`) and, when it names some (`enabled_dates`), only those. The browser's
/// calendar cannot grey a day out, so a day it does not offer is refused when chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Offered {
    withheld: Vec<Days>,
    only: Option<Vec<Days>>,
}

impl Offered {
    pub fn read(a: &Attrs) -> Offered {
        let days = |name| Option::<Vec<Days>>::from_value(&a.value(name), a.doc).flatten();
        Offered {
            withheld: days("disabled_dates").unwrap_or_default(),
            only: days("enabled_dates"),
        }
    }

    /// Whether the day of `written` (a value as [`Moment::written`] makes it) is offered;
    /// a time of day is.
    pub fn offers(&self, written: &Value) -> bool {
        let Some(day) = written.as_str().and_then(Date::parse) else {
            return true;
        };
        let held = |days: &[Days]| days.iter().any(|d| d.holds(day));
        !held(&self.withheld) && self.only.as_deref().is_none_or(held)
    }
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    single(page, model, true, false)
}

pub fn datetime_picker(page: Page, model: AnyId) -> AnyView {
    single(page, model, true, true)
}

pub fn time_picker(page: Page, model: AnyId) -> AnyView {
    single(page, model, false, true)
}

fn single(page: Page, model: AnyId, date: bool, time: bool) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, move |a| {
        let moment = Moment::of(a, date, time);
        let value = a.value("value");
        (
            moment,
            moment.shown(a, &value),
            moment.shown_bounds(a),
            moment.displayed(a, &value).unwrap_or_default(),
            Offered::read(a),
        )
    });
    let id = page.element_id(model);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let input = event_target::<HtmlInputElement>(&ev);
        let value = match shown.with_untracked(|s| s.0).written(&text) {
            Some(v) if shown.with_untracked(|s| s.4.offers(&v)) => v,
            Some(_) => {
                // The input shows the model's value again, and says why.
                let was = shown.with_untracked(|s| s.1.clone()).unwrap_or_default();
                input.set_value(&was);
                refused(&input, Some(&text));
                return;
            }
            None if text.is_empty() => Value::Null,
            None => return,
        };
        refused(&input, None);
        page.edit(model, "value", value);
    };
    view! {
        <div class="rk-input-widget rk-date-picker">
            {title_label(page, model, id.clone())}
            {formatted(
                move || shown.with(|s| s.3.clone()),
                view! {
                    <input
                        type=move || shown.with(|s| s.0.input_type())
                        class="rk-picker-input"
                        step=move || shown.with(|s| s.0.step())
                        id=id
                        prop:value=move || shown.with(|s| s.1.clone().unwrap_or_default())
                        min=move || shown.with(|s| s.2 .0.clone())
                        max=move || shown.with(|s| s.2 .1.clone())
                        disabled=disabled
                        on:change=on_change
                        on:click=open_picker
                    />
                },
            )}
        </div>
    }
    .into_any()
}

/// Says on `input` that the day `chosen` is not offered (the browser's message beside the
/// input, and the input invalid for assistive technology), or with `None` that the last
/// choice was taken: flatpickr greys such days out, the browser's calendar cannot.
pub(super) fn refused(input: &HtmlInputElement, chosen: Option<&str>) {
    match chosen {
        Some(day) => {
            input.set_custom_validity(&format!("{day} is not offered"));
            input.report_validity();
        }
        None => input.set_custom_validity(""),
    }
}

/// A picker's input (class `rk-picker-input`) over a text field showing `text`, its value
/// as the model formats it (flatpickr's field, as tall and wide as a text input): the
/// input lies over it, unseen.
pub(super) fn formatted(
    text: impl Fn() -> String + Send + Sync + 'static,
    input: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="rk-picker-box">
            <input type="text" class="rk-picker-text" readonly tabindex="-1" aria-hidden="true" prop:value=text />
            {input}
        </div>
    }
}

/// A click on a picker's unseen input opens its calendar or clock, as a click on
/// BokehJS's picker does (only a user's click may; another is refused, harmlessly).
pub(super) fn open_picker(ev: leptos::ev::MouseEvent) {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.show_picker();
    }
}
