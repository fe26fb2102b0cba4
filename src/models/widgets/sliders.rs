//! Sliders.

use crate::core::Value;

models! {
    /// A slider over start..end, like Bokeh's `Slider(title=…, value=…, start=…, end=…,
    /// step=…)`. `value` follows the handle; `value_throttled` is set when a move ends.
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
}

/// Every bound is finite, the step positive, and the value within start..end.
fn slider_domain(get: &dyn Fn(&str) -> Value, attr: &str, new: &Value) -> Result<(), String> {
    let Some(v) = new.as_f64() else {
        return Ok(());
    };
    match attr {
        "start" | "end" | "value" | "value_throttled" | "step" if !v.is_finite() => {
            Err(format!("{v} is not a finite number"))
        }
        "step" if v <= 0.0 => Err("step must be positive".into()),
        "value" | "value_throttled" => match (get("start").as_f64(), get("end").as_f64()) {
            (Some(s), Some(e)) if !(s..=e).contains(&v) => {
                Err(format!("{v} is outside the slider's range {s}..{e}"))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
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
