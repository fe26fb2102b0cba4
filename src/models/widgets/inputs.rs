//! Inputs a person types or toggles: the text inputs (TextInput, PasswordInput,
//! TextAreaInput), the numeric ones (NumericInput, Spinner), Switch, Checkbox and FileInput.
//!
//! The text inputs follow Bokeh: `value_input` follows every keystroke, `value` is set
//! when the edit is committed (Enter, or the input losing focus).

use super::buttons::RichText;
use crate::core::{Ids, Kind, PropType, Value};

use super::super::enums::NumericMode;

models! {
    /// A one-line text input, like Bokeh's `TextInput(title=…, value=…)`.
    pub struct TextInput("TextInput") {
        title: RichText = "",
        value: String = "",
        value_input: String = "",
        placeholder: String = "",
        max_length: Option<i64> = None,
        /// Text shown before and after the box.
        prefix: Option<String> = None,
        suffix: Option<String> = None,
        disabled: bool = false,
    }

    /// A TextInput whose characters are hidden.
    pub struct PasswordInput("PasswordInput") {
        title: RichText = "",
        value: String = "",
        value_input: String = "",
        placeholder: String = "",
        max_length: Option<i64> = None,
        prefix: Option<String> = None,
        suffix: Option<String> = None,
        disabled: bool = false,
    }

    /// Several lines of text; Enter is a new line, so `value` is set when it loses focus.
    pub struct TextAreaInput("TextAreaInput") {
        title: RichText = "",
        value: String = "",
        value_input: String = "",
        placeholder: String = "",
        max_length: Option<i64> = Some(500),
        rows: i64 = 2,
        cols: i64 = 20,
        disabled: bool = false,
    }

    /// A number typed in a box, within `low..=high`, set when the edit is committed.
    pub struct NumericInput("NumericInput") {
        title: RichText = "",
        value: Option<f64> = None,
        low: Option<f64> = None,
        high: Option<f64> = None,
        mode: NumericMode = NumericMode::Int,
        placeholder: String = "",
        disabled: bool = false,
    }

    /// A NumericInput with buttons and keys that step it (`step`, and
    /// `page_step_multiplier` × `step` for PageUp/PageDown); `value_throttled` is set when a
    /// run of steps ends.
    pub struct Spinner("Spinner") {
        title: RichText = "",
        value: Option<f64> = None,
        low: Option<f64> = None,
        high: Option<f64> = None,
        step: f64 = 1.0,
        page_step_multiplier: f64 = 10.0,
        mode: NumericMode = NumericMode::Float,
        placeholder: String = "",
        /// Unset until a run of steps ends (readonly in Bokeh, which never writes it first).
        value_throttled: Option<f64> = None,
        disabled: bool = false,
    }

    /// An on/off switch, like Bokeh's `Switch(active=…)`.
    pub struct Switch("Switch") {
        active: bool = false,
        label: String = "",
        disabled: bool = false,
    }

    /// One check box with its label, like Bokeh's `Checkbox(label=…, active=…)`.
    pub struct Checkbox("Checkbox") {
        active: bool = false,
        label: String = "",
        disabled: bool = false,
    }

    /// A file chooser. The chosen file's bytes arrive in `value` as base64, with its
    /// `filename` and `mime_type`; lists of each with `multiple`. Bokeh never writes them
    /// for a new input (they are readonly there), so they start unset.
    pub struct FileInput("FileInput") {
        title: RichText = "",
        /// What the chooser offers: `".csv,.json"`, `"image/*"`.
        accept: OneOrMany = OneOrMany::One(String::new()),
        multiple: bool = false,
        directory: bool = false,
        value: Option<OneOrMany> = None,
        filename: Option<OneOrMany> = None,
        mime_type: Option<OneOrMany> = None,
        disabled: bool = false,
    }
}

/// A string, or a list of them (Bokeh's `Either(String, List(String))`).
#[derive(Clone, Debug, PartialEq)]
pub enum OneOrMany {
    /// One string.
    One(String),
    /// A list of strings.
    Many(Vec<String>),
}

impl OneOrMany {
    /// Every string it holds.
    pub fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(items) => items.iter().map(String::as_str).collect(),
        }
    }
}

impl PropType for OneOrMany {
    const KIND: Kind = Kind::Either(&[Kind::String, Kind::List(&Kind::String)]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            OneOrMany::One(s) => Value::Str(s),
            OneOrMany::Many(items) => items.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<OneOrMany> {
        match v {
            Value::Str(s) => Some(OneOrMany::One(s.clone())),
            v => Vec::<String>::from_value(v, ids).map(OneOrMany::Many),
        }
    }
}
