//! Tickers: where an axis (and its grid) puts major and minor ticks, as BokehJS's
//! tickers do: AdaptiveTicker/BasicTicker, LogTicker, the DatetimeTicker (a composite of
//! adaptive, day, month and year tickers), FixedTicker, SingleIntervalTicker,
//! CompositeTicker; factors get one tick each (CategoricalTicker).

mod adaptive;
pub(crate) mod datetime;
mod log;

pub use adaptive::Adaptive;

use crate::document::AnyId;

use super::read::Reader;
use super::RenderError;

/// Tick positions in data units, within the range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticks {
    /// Where major ticks (labelled) go.
    pub major: Vec<f64>,
    /// Where minor ticks go.
    pub minor: Vec<f64>,
}

/// A ticker model, read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Ticker {
    Adaptive(Adaptive),
    Log(Adaptive),
    /// A fixed interval (SingleIntervalTicker).
    Interval {
        interval: f64,
        num_minor_ticks: usize,
    },
    Fixed {
        major: Vec<f64>,
        minor: Vec<f64>,
    },
    Days(Vec<i64>),
    Months(Vec<i64>),
    Years(usize),
    Composite {
        tickers: Vec<Ticker>,
        desired_num_ticks: usize,
    },
    /// One tick per factor.
    Categorical,
}

impl Ticker {
    pub fn read(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
        let count = |attr: &str| -> Result<usize, RenderError> {
            let n: f64 = r.number(t, attr)?;
            Ok(n.max(0.0) as usize)
        };
        let adaptive = || -> Result<Adaptive, RenderError> {
            let mantissas: Vec<f64> = r.get(t, "mantissas")?;
            Ok(Adaptive {
                desired_num_ticks: count("desired_num_ticks")?,
                mantissas: if mantissas.is_empty() {
                    vec![1.0, 2.0, 5.0]
                } else {
                    mantissas
                },
                base: r.number(t, "base")?,
                num_minor_ticks: count("num_minor_ticks")?,
                min_interval: r.number(t, "min_interval")?,
                max_interval: r.get::<Option<f64>>(t, "max_interval")?,
            })
        };
        Ok(match r.type_name(t) {
            "BasicTicker" | "AdaptiveTicker" => Ticker::Adaptive(adaptive()?),
            "LogTicker" => Ticker::Log(adaptive()?),
            "SingleIntervalTicker" => Ticker::Interval {
                interval: r.number(t, "interval")?,
                num_minor_ticks: count("num_minor_ticks")?,
            },
            "FixedTicker" => Ticker::Fixed {
                major: r.get(t, "ticks")?,
                minor: r.get(t, "minor_ticks")?,
            },
            "DaysTicker" => Ticker::Days(r.get(t, "days")?),
            "MonthsTicker" => Ticker::Months(r.get(t, "months")?),
            "YearsTicker" => Ticker::Years(count("desired_num_ticks")?),
            "DatetimeTicker" | "CompositeTicker" => {
                let tickers = r.refs(t, "tickers")?;
                let tickers = if tickers.is_empty() {
                    datetime::standard()
                } else {
                    tickers
                        .into_iter()
                        .map(|t| Ticker::read(r, t))
                        .collect::<Result<_, _>>()?
                };
                Ticker::Composite {
                    tickers,
                    desired_num_ticks: count("desired_num_ticks")?,
                }
            }
            "CategoricalTicker" => Ticker::Categorical,
            other => {
                return Err(RenderError::Model(format!(
                    "{other} is not a ticker rokeh knows"
                )))
            }
        })
    }

    /// The usual ticker of each kind of axis (when an axis names none).
    pub fn for_axis(axis_type: &str) -> Ticker {
        match axis_type {
            "LogAxis" => Ticker::Log(Adaptive {
                mantissas: vec![1.0, 5.0],
                ..Adaptive::default()
            }),
            "DatetimeAxis" => Ticker::Composite {
                tickers: datetime::standard(),
                desired_num_ticks: 6,
            },
            "CategoricalAxis" => Ticker::Categorical,
            _ => Ticker::Adaptive(Adaptive::default()),
        }
    }

    /// Major and minor ticks within `start..end` (either order). Categorical ticks are
    /// computed from the factors instead.
    pub fn ticks(&self, start: f64, end: f64) -> Ticks {
        let (low, high) = (start.min(end), start.max(end));
        if !(low.is_finite() && high.is_finite()) || low == high {
            return Ticks::default();
        }
        match self {
            Ticker::Adaptive(a) => a.ticks(low, high),
            Ticker::Log(a) => log::ticks(a, low, high),
            Ticker::Interval {
                interval,
                num_minor_ticks,
            } => adaptive::ticks_at_interval(*interval, *num_minor_ticks, low, high),
            Ticker::Fixed { major, minor } => Ticks {
                major: major.clone(),
                minor: minor.clone(),
            },
            Ticker::Days(days) => datetime::days(days, low, high),
            Ticker::Months(months) => datetime::months(months, low, high),
            Ticker::Years(desired) => datetime::years(*desired, low, high),
            Ticker::Composite {
                tickers,
                desired_num_ticks,
            } => datetime::composite(tickers, *desired_num_ticks, low, high),
            Ticker::Categorical => Ticks::default(),
        }
    }

    /// The smallest and largest interval this ticker gives (CompositeTicker picks by
    /// them).
    fn interval_limits(&self) -> (f64, f64) {
        match self {
            Ticker::Adaptive(a) | Ticker::Log(a) => {
                (a.min_interval, a.max_interval.unwrap_or(f64::INFINITY))
            }
            Ticker::Interval { interval, .. } => (*interval, *interval),
            Ticker::Days(days) => {
                let i = match days.as_slice() {
                    [a, b, ..] => (b - a) as f64 * datetime::ONE_DAY,
                    _ => 31.0 * datetime::ONE_DAY,
                };
                (i, i)
            }
            Ticker::Months(months) => {
                let i = match months.as_slice() {
                    [a, b, ..] => (b - a) as f64 * datetime::ONE_MONTH,
                    _ => 12.0 * datetime::ONE_MONTH,
                };
                (i, i)
            }
            Ticker::Years(_) => (datetime::ONE_YEAR, datetime::ONE_YEAR),
            Ticker::Composite { tickers, .. } => (
                tickers.first().map_or(0.0, |t| t.interval_limits().0),
                tickers.first().map_or(0.0, |t| t.interval_limits().1),
            ),
            Ticker::Fixed { .. } | Ticker::Categorical => (0.0, 0.0),
        }
    }

    /// The ticks with a given desired count (CompositeTicker passes its own).
    fn ticks_with(&self, low: f64, high: f64, desired: usize) -> Ticks {
        match self {
            Ticker::Adaptive(a) => Adaptive {
                desired_num_ticks: desired,
                ..a.clone()
            }
            .ticks(low, high),
            Ticker::Years(_) => datetime::years(desired, low, high),
            other => other.ticks(low, high),
        }
    }
}
