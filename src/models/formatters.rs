//! Tick formatters: how an axis writes its tick labels.

use crate::core::{AnyId, Dict, Value};

use super::callbacks::Arg;

use super::props::AutoOr;

models! {
    /// Plain numbers, switching to scientific notation for very large or small ones.
    pub struct BasicTickFormatter("BasicTickFormatter") {
        use_scientific: bool = true,
        precision: AutoOr<i64> = AutoOr::Auto,
        power_limit_high: i64 = 5,
        power_limit_low: i64 = -3,
    }

    /// Dates and times, with a strftime format per resolution (days, months, …).
    pub struct DatetimeTickFormatter("DatetimeTickFormatter") {
        microseconds: String = "%fus",
        milliseconds: String = "%3Nms",
        seconds: String = "%Ss",
        minsec: String = ":%M:%S",
        minutes: String = ":%M",
        hourmin: String = "%H:%M",
        hours: String = "%Hh",
        days: String = "%m/%d",
        months: String = "%m/%Y",
        years: String = "%Y",
        strip_leading_zeros: Value = Value::Bool(false),
        boundary_scaling: bool = true,
        hide_repeats: bool = false,
        context: Option<Value> = None,
    }

    /// Factors as they are named.
    pub struct CategoricalTickFormatter("CategoricalTickFormatter") {}

    /// Numbers written by a Numbro/Numeral.js format string ("0,0", "0.00%", "$0.0a").
    pub struct NumeralTickFormatter("NumeralTickFormatter") {
        format: String = "0,0",
        language: String = "en",
        rounding: String = "round",
    }

    /// Numbers written by a printf format ("%5.3f", "%d items").
    pub struct PrintfTickFormatter("PrintfTickFormatter") {
        format: String = "%s",
    }

    /// Labels written by JavaScript run in the page: `code` is the body of a function of
    /// `tick`, `index`, `ticks` and `args`' names, called for each tick (Bokeh's
    /// `CustomJSTickFormatter`; `views::CUSTOM_JS_TICK_FORMATTER`).
    pub struct CustomJSTickFormatter("CustomJSTickFormatter") {
        args: Dict<Arg> = Dict::default(),
        code: String = "",
    }

    /// Powers of the base, as base^exponent.
    pub struct LogTickFormatter("LogTickFormatter") {
        min_exponent: i64 = 0,
        ticker: Option<AnyId> = None,
    }
}
