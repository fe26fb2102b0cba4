//! Bokeh's `LayoutDOM` base: the sizing and visibility every widget, layout and plot has
//! (`Slider(width=300)`, `Div(sizing_mode="stretch_width")`, `button.visible = False`), as
//! typed keys on each of those types: `doc.set(slider, Slider::WIDTH, Some(300))`.
//!
//! A type whose own definition names one of these properties (Row's `width`, say) keeps
//! its own key: the two are the same property.

use crate::core::{ModelType, Prop};

use super::*;

/// The properties of Bokeh's `LayoutDOM`, as typed keys of every type that has them.
///
/// ```
/// use rokeh::models::{Button, LayoutDom, SizingMode};
/// let mut doc = rokeh::Document::new();
/// let button = doc.add(Button::default());
/// doc.set(button, Button::WIDTH, Some(300))?;
/// doc.set(button, Button::SIZING_MODE, Some(SizingMode::Fixed))?;
/// assert_eq!(doc.get(button, Button::WIDTH), Some(300));
/// assert!(doc.set(button, Button::MIN_WIDTH, Some(-1)).is_err(), "Bokeh's are non-negative");
/// # Ok::<(), rokeh::document::DocumentError>(())
/// ```
pub trait LayoutDom: ModelType + Sized {
    /// Bokeh's `width` in CSS pixels (`None`: as its sizing says).
    const WIDTH: Prop<Self, Option<i64>> = Prop::new("width");
    /// Bokeh's `height` in CSS pixels.
    const HEIGHT: Prop<Self, Option<i64>> = Prop::new("height");
    /// Bokeh's `sizing_mode`: fixed, or stretching with its container.
    const SIZING_MODE: Prop<Self, Option<SizingMode>> = Prop::new("sizing_mode");
    /// Bokeh's `min_width`.
    const MIN_WIDTH: Prop<Self, Option<i64>> = Prop::new("min_width");
    /// Bokeh's `min_height`.
    const MIN_HEIGHT: Prop<Self, Option<i64>> = Prop::new("min_height");
    /// Bokeh's `max_width`.
    const MAX_WIDTH: Prop<Self, Option<i64>> = Prop::new("max_width");
    /// Bokeh's `max_height`.
    const MAX_HEIGHT: Prop<Self, Option<i64>> = Prop::new("max_height");
    /// Bokeh's `visible`: a hidden element takes no room.
    const VISIBLE: Prop<Self, bool> = Prop::new("visible");
    /// Bokeh's `disabled`: the element and everything in it take no input.
    const DISABLED: Prop<Self, bool> = Prop::new("disabled");
    /// Bokeh's `css_classes`, added to the element's own.
    const CSS_CLASSES: Prop<Self, Vec<String>> = Prop::new("css_classes");
}

/// `LayoutDom` for each type, and (for the test that no type is missed) their schemas.
macro_rules! layout_doms {
    ($($ty:ident),* $(,)?) => {
        $(impl LayoutDom for $ty {})*

        #[cfg(test)]
        const LAYOUT_DOMS: &[&crate::core::Schema] = &[$(<$ty as ModelType>::SCHEMA),*];
    };
}

layout_doms!(
    AutocompleteInput,
    Button,
    CategoricalSlider,
    Checkbox,
    CheckboxButtonGroup,
    CheckboxGroup,
    ColorPicker,
    Column,
    DataCube,
    DataTable,
    DatePicker,
    DateRangePicker,
    DateRangeSlider,
    DateSlider,
    DatetimePicker,
    DatetimeRangePicker,
    DatetimeRangeSlider,
    Div,
    Dropdown,
    Figure,
    FileInput,
    GridBox,
    GridPlot,
    GroupBox,
    HelpButton,
    MultiChoice,
    MultiSelect,
    MultipleDatePicker,
    MultipleDatetimePicker,
    NumericInput,
    PaletteSelect,
    Paragraph,
    PasswordInput,
    PreText,
    RadioButtonGroup,
    RadioGroup,
    RangeSlider,
    Row,
    Select,
    Slider,
    Spacer,
    Spinner,
    Switch,
    Tabs,
    TextAreaInput,
    TextInput,
    TimePicker,
    Toggle,
);

#[cfg(test)]
mod tests {
    use super::LAYOUT_DOMS;

    /// Every type rokeh defines whose Bokeh schema descends from LayoutDOM has the keys,
    /// and no other: a widget added without them fails here.
    #[test]
    fn every_layout_dom_type_has_the_keys() {
        let layout_dom = |schema: &crate::core::Schema| {
            schema.bokeh.is_some_and(|b| {
                b.name == "LayoutDOM" || b.bases.iter().any(|base| base.name == "LayoutDOM")
            })
        };
        let mut want: Vec<&str> = crate::models::registry()
            .hand_written()
            .iter()
            .filter(|s| layout_dom(s))
            .map(|s| s.name)
            .collect();
        let mut have: Vec<&str> = LAYOUT_DOMS.iter().map(|s| s.name).collect();
        want.sort_unstable();
        have.sort_unstable();
        assert_eq!(have, want);
    }
}
