//! Widgets, split as Bokeh's `bokeh.models.widgets`: buttons (and their icons), groups,
//! inputs, markups, pickers, selects, sliders and tables.

pub(super) mod buttons;
pub(super) mod groups;
pub(super) mod icons;
pub(super) mod inputs;
pub(super) mod markups;
pub(super) mod pickers;
pub(super) mod selects;
pub(super) mod sliders;
pub(super) mod tables;

pub use buttons::{Button, Dropdown, HelpButton, MenuItem, RichText, Toggle, Tooltip};
pub use groups::{CheckboxButtonGroup, CheckboxGroup, RadioButtonGroup, RadioGroup};
pub use icons::{BuiltinIcon, IconId, IconSize, SVGIcon, TablerIcon};
pub use inputs::{
    Checkbox, FileInput, NumericInput, OneOrMany, PasswordInput, Spinner, Switch, TextAreaInput,
    TextInput,
};
pub use markups::{Div, Paragraph, PreText};
pub use pickers::{
    ColorPicker, DatePicker, DateRangePicker, DatetimePicker, DatetimeRangePicker, Days,
    MultipleDatePicker, MultipleDatetimePicker, TimePicker,
};
pub use selects::{
    AutocompleteInput, MultiChoice, MultiSelect, PaletteSelect, Select, SelectOption, SelectOptions,
};
// The page's sliders place their handles as the models check their values.
#[cfg(target_arch = "wasm32")]
pub(crate) use sliders::position as slider_position;
pub use sliders::{
    CategoricalSlider, DateRangeSlider, DateSlider, DatetimeRangeSlider, RangeSlider, Slider,
};
pub use tables::{
    AvgAggregator, CustomJSCompare, DataCube, DataTable, DateFormatter, GroupingInfo,
    HTMLTemplateFormatter, IntEditor, MaxAggregator, MinAggregator, NanCompare, NumberEditor,
    NumberFormatter, StringEditor, StringFormatter, SumAggregator, TableColumn,
};
