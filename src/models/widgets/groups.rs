//! Groups of choices by label: check boxes and radio buttons, plain or as buttons.

use super::super::enums::{ButtonType, Orientation};

models! {
    /// Check boxes, one per label; `active` lists the checked ones' indices.
    pub struct CheckboxGroup("CheckboxGroup") {
        labels: Vec<String> = Vec::new(),
        active: Vec<i64> = Vec::new(),
        /// Side by side rather than one per line.
        inline: bool = false,
        disabled: bool = false,
    }

    /// Radio buttons, one per label; `active` is the chosen one's index, if any.
    pub struct RadioGroup("RadioGroup") {
        labels: Vec<String> = Vec::new(),
        active: Option<i64> = None,
        inline: bool = false,
        disabled: bool = false,
    }

    /// Toggle buttons, one per label, any number pressed (`active`).
    pub struct CheckboxButtonGroup("CheckboxButtonGroup") {
        labels: Vec<String> = Vec::new(),
        active: Vec<i64> = Vec::new(),
        button_type: ButtonType = ButtonType::Default,
        orientation: Orientation = Orientation::Horizontal,
        disabled: bool = false,
    }

    /// Buttons, one per label, at most one pressed (`active`).
    pub struct RadioButtonGroup("RadioButtonGroup") {
        labels: Vec<String> = Vec::new(),
        active: Option<i64> = None,
        button_type: ButtonType = ButtonType::Default,
        orientation: Orientation = Orientation::Horizontal,
        disabled: bool = false,
    }
}
