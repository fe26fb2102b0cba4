//! Sliders: one handle (Slider, DateSlider, CategoricalSlider) or two (RangeSlider,
//! DateRangeSlider, DatetimeRangeSlider). `value` follows the handles while they move;
//! `value_throttled` takes it when a move ends. Date sliders hold milliseconds since the
//! epoch (UTC); their `step` is in days (DateSlider, DateRangeSlider) or milliseconds
//! (DatetimeRangeSlider), as Bokeh's.

use crate::core::{Datetime, Value};

models! {
    /// A slider over start..end, like Bokeh's `Slider(title=…, value=…, start=…, end=…,
    /// step=…)`.
    pub struct Slider("Slider") {
        title: Option<String> = Some(String::new()),
        value: f64,
        start: f64,
        end: f64,
        step: f64 = 1.0,
        /// Set when a move ends; unset (`None`) until the first one, as in Bokeh, which
        /// never writes it for a new slider.
        value_throttled: Option<f64> = None,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = slider_domain;

    /// A slider with two handles choosing a range `(low, high)` within start..end.
    pub struct RangeSlider("RangeSlider") {
        title: Option<String> = Some(String::new()),
        value: (f64, f64),
        start: f64,
        end: f64,
        step: f64 = 1.0,
        value_throttled: Option<(f64, f64)> = None,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = slider_domain;

    /// A slider over dates; `step` is in days.
    pub struct DateSlider("DateSlider") {
        title: Option<String> = Some(String::new()),
        value: Datetime,
        start: Datetime,
        end: Datetime,
        step: i64 = 1,
        /// strftime-style, as Bokeh's.
        format: String = "%d %b %Y",
        value_throttled: Option<Datetime> = None,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = slider_domain;

    /// Two handles over dates; `step` is in days.
    pub struct DateRangeSlider("DateRangeSlider") {
        title: Option<String> = Some(String::new()),
        value: (Datetime, Datetime),
        start: Datetime,
        end: Datetime,
        step: i64 = 1,
        format: String = "%d %b %Y",
        value_throttled: Option<(Datetime, Datetime)> = None,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = slider_domain;

    /// Two handles over instants; `step` is in milliseconds (an hour by default).
    pub struct DatetimeRangeSlider("DatetimeRangeSlider") {
        title: Option<String> = Some(String::new()),
        value: (Datetime, Datetime),
        start: Datetime,
        end: Datetime,
        step: i64 = 3_600_000,
        format: String = "%d %b %Y %H:%M:%S",
        value_throttled: Option<(Datetime, Datetime)> = None,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = slider_domain;

    /// A slider stepping through `categories`, `value` the one its handle is at, as
    /// Bokeh's `CategoricalSlider(categories=[…], value=…)`.
    pub struct CategoricalSlider("CategoricalSlider") {
        title: Option<String> = Some(String::new()),
        categories: Vec<String>,
        value: String,
        /// Set when a move ends (Bokeh starts it at `value`).
        value_throttled: String,
        show_value: bool = true,
        disabled: bool = false,
    }
    check = one_of_the_categories;
}

/// A categorical slider's value is one of its categories.
fn one_of_the_categories(
    get: &dyn Fn(&str) -> Value,
    attr: &str,
    new: &Value,
) -> Result<(), String> {
    if !matches!(attr, "value" | "value_throttled") {
        return Ok(());
    }
    // Without its categories (a whole model read at once), nothing to check against.
    let categories = get("categories");
    let Some(all) = categories.as_list() else {
        return Ok(());
    };
    match new.as_str() {
        Some(v) if !all.contains(new) => {
            Err(format!("{v:?} is not one of the slider's categories"))
        }
        _ => Ok(()),
    }
}

/// A slider's number: a float, or for the date sliders also an ISO date string.
pub(crate) fn position(v: &Value) -> Option<f64> {
    match v {
        Value::Str(s) => Datetime::parse(s).map(|d| d.0),
        v => v.as_f64(),
    }
}

/// Every bound is finite, the step positive, and each value within start..end.
fn slider_domain(get: &dyn Fn(&str) -> Value, attr: &str, new: &Value) -> Result<(), String> {
    // Checked where they are, with nothing collected: a slider's every move comes here.
    let values = match new {
        Value::List(items) => &items[..],
        v => std::slice::from_ref(v),
    };
    for v in values.iter().filter_map(position) {
        match attr {
            "start" | "end" | "value" | "value_throttled" | "step" if !v.is_finite() => {
                return Err(format!("{v} is not a finite number"))
            }
            "step" if v <= 0.0 => return Err("step must be positive".into()),
            "value" | "value_throttled" => {
                if let (Some(s), Some(e)) = (position(&get("start")), position(&get("end"))) {
                    if !(s..=e).contains(&v) {
                        return Err(format!("{v} is outside the slider's range {s}..{e}"));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

impl Slider {
    /// A slider at `value` over `start..=end`, as Bokeh's `Slider(title=…, value=…,
    /// start=…, end=…, step=…)`.
    pub fn new(title: &str, value: f64, start: f64, end: f64, step: f64) -> Slider {
        Slider {
            title: Some(title.to_owned()),
            value,
            start,
            end,
            step,
            value_throttled: None,
            show_value: true,
            disabled: false,
        }
    }
}

impl CategoricalSlider {
    /// A slider at `value` among `categories`.
    pub fn new(title: &str, categories: &[&str], value: &str) -> CategoricalSlider {
        CategoricalSlider {
            title: Some(title.to_owned()),
            categories: categories.iter().map(|c| c.to_string()).collect(),
            value: value.to_owned(),
            value_throttled: value.to_owned(),
            show_value: true,
            disabled: false,
        }
    }
}

impl RangeSlider {
    /// Two handles at `value` over `start..=end`.
    pub fn new(title: &str, value: (f64, f64), start: f64, end: f64, step: f64) -> RangeSlider {
        RangeSlider {
            title: Some(title.to_owned()),
            value,
            start,
            end,
            step,
            value_throttled: None,
            show_value: true,
            disabled: false,
        }
    }
}

impl DateSlider {
    /// A slider at `value` over the days from `start` to `end`.
    pub fn new(title: &str, value: Datetime, start: Datetime, end: Datetime) -> DateSlider {
        DateSlider {
            title: Some(title.to_owned()),
            value,
            start,
            end,
            step: 1,
            format: "%d %b %Y".into(),
            value_throttled: None,
            show_value: true,
            disabled: false,
        }
    }
}

impl DateRangeSlider {
    /// Two handles at `value` over the days from `start` to `end`.
    pub fn new(
        title: &str,
        value: (Datetime, Datetime),
        start: Datetime,
        end: Datetime,
    ) -> DateRangeSlider {
        DateRangeSlider {
            title: Some(title.to_owned()),
            value,
            start,
            end,
            step: 1,
            format: "%d %b %Y".into(),
            value_throttled: None,
            show_value: true,
            disabled: false,
        }
    }
}

impl DatetimeRangeSlider {
    /// Two handles at `value` over the instants from `start` to `end`, an hour a step.
    pub fn new(
        title: &str,
        value: (Datetime, Datetime),
        start: Datetime,
        end: Datetime,
    ) -> DatetimeRangeSlider {
        DatetimeRangeSlider {
            title: Some(title.to_owned()),
            value,
            start,
            end,
            step: 3_600_000,
            format: "%d %b %Y %H:%M:%S".into(),
            value_throttled: None,
            show_value: true,
            disabled: false,
        }
    }
}
