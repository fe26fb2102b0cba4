//! Pickers: dates and times from a calendar and a clock (one, a range, or several), a
//! color from a palette. The page writes values as BokehJS's pickers write them: days
//! `"YYYY-MM-DD"`, datetimes `"YYYY-MM-DDTHH:MM:SS"` (UTC), times `"HH:MM:SS"`.

use super::buttons::RichText;
use crate::core::{Color, Date, Datetime, Time};

models! {
    /// A date, typed or chosen from the browser's calendar, like Bokeh's `DatePicker`;
    /// written `"YYYY-MM-DD"`.
    pub struct DatePicker("DatePicker") {
        title: RichText = "",
        value: Option<Date> = None,
        min_date: Option<Date> = None,
        max_date: Option<Date> = None,
        /// How the value is shown (flatpickr's tokens, as BokehJS's picker shows it).
        date_format: String = "Y-m-d",
        disabled: bool = false,
    }

    /// A day and time of day, like Bokeh's `DatetimePicker`; `seconds` shows seconds.
    pub struct DatetimePicker("DatetimePicker") {
        title: RichText = "",
        value: Option<Datetime> = None,
        min_date: Option<Datetime> = None,
        max_date: Option<Datetime> = None,
        seconds: bool = false,
        date_format: String = "Y-m-d H:i",
        disabled: bool = false,
    }

    /// A time of day, like Bokeh's `TimePicker`; `seconds` shows seconds.
    pub struct TimePicker("TimePicker") {
        title: RichText = "",
        value: Option<Time> = None,
        min_time: Option<Time> = None,
        max_time: Option<Time> = None,
        seconds: bool = false,
        time_format: String = "H:i",
        disabled: bool = false,
    }

    /// A range of days, first and last, like Bokeh's `DateRangePicker`.
    pub struct DateRangePicker("DateRangePicker") {
        title: RichText = "",
        value: Option<(Date, Date)> = None,
        min_date: Option<Date> = None,
        max_date: Option<Date> = None,
        date_format: String = "Y-m-d",
        disabled: bool = false,
    }

    /// A range of datetimes, first and last, like Bokeh's `DatetimeRangePicker`.
    pub struct DatetimeRangePicker("DatetimeRangePicker") {
        title: RichText = "",
        value: Option<(Datetime, Datetime)> = None,
        min_date: Option<Datetime> = None,
        max_date: Option<Datetime> = None,
        seconds: bool = false,
        date_format: String = "Y-m-d H:i",
        disabled: bool = false,
    }

    /// Any number of days, in the order chosen, like Bokeh's `MultipleDatePicker` (shown
    /// as removable chips, so Bokeh's `separator` is not used).
    pub struct MultipleDatePicker("MultipleDatePicker") {
        title: RichText = "",
        value: Vec<Date> = Vec::new(),
        min_date: Option<Date> = None,
        max_date: Option<Date> = None,
        date_format: String = "Y-m-d",
        disabled: bool = false,
    }

    /// Any number of datetimes, in the order chosen, like Bokeh's
    /// `MultipleDatetimePicker` (shown as chips).
    pub struct MultipleDatetimePicker("MultipleDatetimePicker") {
        title: RichText = "",
        value: Vec<Datetime> = Vec::new(),
        min_date: Option<Datetime> = None,
        max_date: Option<Datetime> = None,
        seconds: bool = false,
        date_format: String = "Y-m-d H:i",
        disabled: bool = false,
    }

    /// A color chosen with the browser's color picker; `color` is `"#rrggbb"`.
    pub struct ColorPicker("ColorPicker") {
        title: RichText = "",
        color: Color = "#000000",
        disabled: bool = false,
    }
}
