//! Input widgets: Slider and TextInput.

use super::{prop, DefaultValue as D, Kind, ModelType, Prop, Schema};
use crate::document::{Document, Value};

pub(super) static SLIDER: Schema = Schema {
    name: "Slider",
    props: &[
        prop("title", Kind::NullableString, D::Str("")),
        prop("value", Kind::Number, D::Float(0.0)),
        prop("value_throttled", Kind::Number, D::Float(0.0)),
        prop("start", Kind::Number, D::Float(0.0)),
        prop("end", Kind::Number, D::Float(1.0)),
        prop("step", Kind::Number, D::Float(1.0)),
        prop("show_value", Kind::Bool, D::Bool(true)),
        prop("disabled", Kind::Bool, D::Bool(false)),
        prop("width", Kind::NullableInt, D::Null),
    ],
    check: Some(|get, attr, new| match attr {
        "value" | "value_throttled" => {
            let v = new.as_f64().unwrap_or(f64::NAN);
            let (start, end) = (get("start").as_f64(), get("end").as_f64());
            match (start, end) {
                (Some(s), Some(e)) if v >= s && v <= e => Ok(()),
                (Some(s), Some(e)) => Err(format!("{v} is outside the slider's range {s}..{e}")),
                _ => Ok(()),
            }
        }
        "step" if new.as_f64().is_some_and(|s| s <= 0.0) => Err("step must be positive".into()),
        _ => Ok(()),
    }),
};

/// A slider over start..end, like Bokeh's `Slider(title=…, value=…, start=…, end=…, step=…)`.
pub struct Slider {
    pub title: String,
    pub value: f64,
    pub start: f64,
    pub end: f64,
    pub step: f64,
}

impl Slider {
    pub const TITLE: Prop<Slider, String> = Prop::new("title");
    pub const VALUE: Prop<Slider, f64> = Prop::new("value");
    pub const START: Prop<Slider, f64> = Prop::new("start");
    pub const END: Prop<Slider, f64> = Prop::new("end");
    pub const STEP: Prop<Slider, f64> = Prop::new("step");
}

impl ModelType for Slider {
    const NAME: &'static str = "Slider";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        // Range before value: the value is checked against them.
        vec![
            ("title", Value::Str(self.title)),
            ("start", Value::Float(self.start)),
            ("end", Value::Float(self.end)),
            ("value", Value::Float(self.value)),
            ("step", Value::Float(self.step)),
        ]
    }
}

pub(super) static TEXT_INPUT: Schema = Schema {
    name: "TextInput",
    props: &[
        prop("title", Kind::NullableString, D::Str("")),
        prop("value", Kind::String, D::Str("")),
        prop("value_input", Kind::String, D::Str("")),
        prop("placeholder", Kind::String, D::Str("")),
        prop("disabled", Kind::Bool, D::Bool(false)),
        prop("width", Kind::NullableInt, D::Null),
    ],
    check: None,
};

/// A one-line text input, like Bokeh's `TextInput(title=…, value=…)`.
pub struct TextInput {
    pub title: String,
    pub value: String,
}

impl TextInput {
    pub const TITLE: Prop<TextInput, String> = Prop::new("title");
    pub const VALUE: Prop<TextInput, String> = Prop::new("value");
}

impl ModelType for TextInput {
    const NAME: &'static str = "TextInput";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        vec![
            ("title", Value::Str(self.title)),
            ("value", Value::Str(self.value)),
        ]
    }
}
