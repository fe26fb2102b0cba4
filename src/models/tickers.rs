//! Tickers: where an axis puts its ticks.

use crate::core::{AnyId, Dict};

use super::callbacks::Arg;

models! {
    /// Ticks at "nice" numbers: a mantissa times a power of the base.
    pub struct BasicTicker("BasicTicker") {
        desired_num_ticks: i64 = 6,
        mantissas: Vec<f64> = vec![1.0, 2.0, 5.0],
        base: f64 = 10.0,
        num_minor_ticks: i64 = 5,
        min_interval: f64 = 0.0,
        max_interval: Option<f64> = None,
    }

    /// BasicTicker's rule with its own mantissas, base and interval limits (the pieces
    /// a DatetimeTicker is made of).
    pub struct AdaptiveTicker("AdaptiveTicker") {
        desired_num_ticks: i64 = 6,
        mantissas: Vec<f64> = vec![1.0, 2.0, 5.0],
        base: f64 = 10.0,
        num_minor_ticks: i64 = 5,
        min_interval: f64 = 0.0,
        max_interval: Option<f64> = None,
    }

    /// Ticks at powers of the base (and at nice numbers when the range spans little).
    pub struct LogTicker("LogTicker") {
        desired_num_ticks: i64 = 6,
        mantissas: Vec<f64> = vec![1.0, 5.0],
        base: f64 = 10.0,
        num_minor_ticks: i64 = 5,
        min_interval: f64 = 0.0,
        max_interval: Option<f64> = None,
    }

    /// Ticks at dates and times: milliseconds, seconds, minutes, hours, days, months or
    /// years, whichever fits. An empty `tickers` means Bokeh's own set.
    pub struct DatetimeTicker("DatetimeTicker") {
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 0,
        tickers: Vec<AnyId> = Vec::new(),
    }

    /// Ticks on the given days of every month.
    pub struct DaysTicker("DaysTicker") {
        days: Vec<i64> = Vec::new(),
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 0,
    }

    /// Ticks on the first day of the given months (0 is January) of every year.
    pub struct MonthsTicker("MonthsTicker") {
        months: Vec<i64> = Vec::new(),
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 5,
    }

    /// Ticks on the first day of nicely spaced years.
    pub struct YearsTicker("YearsTicker") {
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 5,
    }

    /// One tick per factor of a FactorRange.
    pub struct CategoricalTicker("CategoricalTicker") {}

    /// Ticks exactly where told.
    pub struct FixedTicker("FixedTicker") {
        ticks: Vec<f64> = Vec::new(),
        minor_ticks: Vec<f64> = Vec::new(),
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 5,
    }

    /// Ticks at every multiple of `interval`.
    pub struct SingleIntervalTicker("SingleIntervalTicker") {
        interval: f64,
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 5,
    }

    /// The ticks of whichever of its tickers suits the range's span best.
    pub struct CompositeTicker("CompositeTicker") {
        tickers: Vec<AnyId>,
        desired_num_ticks: i64 = 6,
        num_minor_ticks: i64 = 5,
    }

    /// Ticks placed by JavaScript run in the page: `major_code` and `minor_code` are the
    /// bodies of functions of `cb_data` (the range's `start`, `end`; the minor code also
    /// the `major_ticks`) and `args`' names (Bokeh's `CustomJSTicker`;
    /// `views::CUSTOM_JS_TICKER`, numeric axes).
    pub struct CustomJSTicker("CustomJSTicker") {
        args: Dict<Arg> = Dict::default(),
        major_code: String = "",
        minor_code: String = "",
    }
}

impl SingleIntervalTicker {
    /// Ticks at every multiple of `interval`, as `SingleIntervalTicker(interval=…)`.
    pub fn new(interval: f64) -> SingleIntervalTicker {
        SingleIntervalTicker {
            interval,
            desired_num_ticks: 6,
            num_minor_ticks: 5,
        }
    }
}
