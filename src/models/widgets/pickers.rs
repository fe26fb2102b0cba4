//! Pickers: a date from a calendar, a color from a palette.

use crate::core::{Color, Date};

models! {
    /// A date, typed or chosen from the browser's calendar, like Bokeh's `DatePicker`;
    /// written `"YYYY-MM-DD"`.
    pub struct DatePicker("DatePicker") {
        title: String = "",
        value: Option<Date> = None,
        min_date: Option<Date> = None,
        max_date: Option<Date> = None,
        disabled: bool = false,
    }

    /// A color chosen with the browser's color picker; `color` is `"#rrggbb"`.
    pub struct ColorPicker("ColorPicker") {
        title: String = "",
        color: Color = "#000000",
        disabled: bool = false,
    }
}
