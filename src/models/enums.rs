//! Bokeh's enumerations (`bokeh.core.enums`) that rokeh's models use by name.

use crate::bokeh_enum;

bokeh_enum! {
    /// Where text sits against its anchor, horizontally.
    pub enum TextAlign { Left = "left", Right = "right", Center = "center" }
}

bokeh_enum! {
    /// How two segments of a line meet.
    pub enum LineJoin { Miter = "miter", Round = "round", Bevel = "bevel" }
}

bokeh_enum! {
    /// How a line ends.
    pub enum LineCap { Butt = "butt", Round = "round", Square = "square" }
}

bokeh_enum! {
    /// How a layout element takes its size (`sizing_mode`).
    pub enum SizingMode {
        StretchWidth = "stretch_width",
        StretchHeight = "stretch_height",
        StretchBoth = "stretch_both",
        ScaleWidth = "scale_width",
        ScaleHeight = "scale_height",
        ScaleBoth = "scale_both",
        Fixed = "fixed",
        Inherit = "inherit",
    }
}

bokeh_enum! {
    /// A button's look (`button_type`).
    pub enum ButtonType {
        Default = "default",
        Primary = "primary",
        Success = "success",
        Warning = "warning",
        Danger = "danger",
        Light = "light",
    }
}

bokeh_enum! {
    /// Which way a group of buttons runs.
    pub enum Orientation { Horizontal = "horizontal", Vertical = "vertical" }
}

bokeh_enum! {
    /// Whether a numeric input takes whole numbers or any.
    pub enum NumericMode { Int = "int", Float = "float" }
}

bokeh_enum! {
    /// How an autocomplete input matches its completions.
    pub enum SearchStrategy { StartsWith = "starts_with", Includes = "includes" }
}

bokeh_enum! {
    /// Where a Tabs layout puts its tab headers.
    pub enum TabsLocation { Above = "above", Below = "below", Left = "left", Right = "right" }
}
