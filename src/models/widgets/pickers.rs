//! Pickers: dates and times from a calendar and a clock (one, a range, or several), a
//! color from a palette. The page writes values as BokehJS's pickers write them: days
//! `"YYYY-MM-DD"`, datetimes `"YYYY-MM-DDTHH:MM:SS"` (UTC), times `"HH:MM:SS"`.

use super::buttons::RichText;
use crate::core::{Color, Date, Datetime, Ids, Kind, PropType, Time, Value};

models! {
    /// A date, typed or chosen from the browser's calendar, like Bokeh's `DatePicker`;
    /// written `"YYYY-MM-DD"`.
    pub struct DatePicker("DatePicker") {
        title: RichText = "",
        value: Option<Date> = None,
        min_date: Option<Date> = None,
        max_date: Option<Date> = None,
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
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
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
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
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
        date_format: String = "Y-m-d",
        disabled: bool = false,
    }

    /// A range of datetimes, first and last, like Bokeh's `DatetimeRangePicker`.
    pub struct DatetimeRangePicker("DatetimeRangePicker") {
        title: RichText = "",
        value: Option<(Datetime, Datetime)> = None,
        min_date: Option<Datetime> = None,
        max_date: Option<Datetime> = None,
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
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
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
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
        /// Days the calendar withholds (`disabled_dates`), and, when set, the only days
        /// it offers (`enabled_dates`).
        disabled_dates: Option<Vec<Days>> = None,
        enabled_dates: Option<Vec<Days>> = None,
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

/// Days a date picker withholds or offers (Bokeh's `Either(Date, Tuple(Date, Date))`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Days {
    /// One day.
    Day(Date),
    /// Every day from the first to the last.
    Span(Date, Date),
}

impl Days {
    /// Whether `day` is one of these days.
    pub fn holds(self, day: Date) -> bool {
        match self {
            Days::Day(d) => d == day,
            Days::Span(first, last) => first <= day && day <= last,
        }
    }
}

impl PropType for Days {
    const KIND: Kind = Kind::Either(&[Date::KIND, <(Date, Date)>::KIND]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            Days::Day(day) => day.to_value(ids),
            Days::Span(first, last) => (first, last).to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Days> {
        match v.as_list() {
            Some(_) => <(Date, Date)>::from_value(v, ids).map(|(a, b)| Days::Span(a, b)),
            None => Date::from_value(v, ids).map(Days::Day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::NoIds;

    #[test]
    fn days_are_a_day_or_every_day_of_a_span() {
        let day = |d| Date::new(2024, 7, d).unwrap();
        let read = |v: Value| Days::from_value(&v, &NoIds).unwrap();
        let one = read(Value::str("2024-07-04"));
        let span = read(Value::List(vec![
            Value::str("2024-07-10"),
            Value::str("2024-07-12"),
        ]));
        assert_eq!(
            (one, span),
            (Days::Day(day(4)), Days::Span(day(10), day(12)))
        );
        assert!(one.holds(day(4)) && !one.holds(day(5)));
        assert!([10, 11, 12].map(day).iter().all(|&d| span.holds(d)));
        assert!(!span.holds(day(9)) && !span.holds(day(13)));
        assert_eq!(Days::from_value(&span.to_value(&NoIds), &NoIds), Some(span));
    }
}
