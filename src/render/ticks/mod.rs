//! Tickers: where an axis (and its grid) puts major and minor ticks, as BokehJS's
//! tickers do: AdaptiveTicker/BasicTicker, FixedTicker and SingleIntervalTicker in every
//! page; LogTicker, the DatetimeTicker (a composite of adaptive, day, month and year
//! tickers), CompositeTicker and CategoricalTicker (one tick per factor) with their
//! views (see [`super::axis_parts`]).

mod adaptive;
pub(crate) mod categorical;
pub(crate) mod datetime;
pub(crate) mod log;
pub(crate) mod mercator;

pub use adaptive::Adaptive;

use crate::document::AnyId;

use super::axis::AxisView;
use super::axis_parts::{self, AxisPart, Found};
use super::ranges::FactorMap;
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

/// A ticker model, read: the kinds every page has, or one a view brings (see
/// [`super::axis_parts`]).
pub(crate) enum Ticker {
    Adaptive(Adaptive),
    /// A fixed interval (SingleIntervalTicker).
    Interval {
        interval: f64,
        num_minor_ticks: usize,
    },
    Fixed {
        major: Vec<f64>,
        minor: Vec<f64>,
    },
    /// Log, datetime or categorical ticks, whose code only a page with their view has.
    Viewed(Box<dyn TickerView>),
}

/// A kind of ticker a view brings: its code is reached only through the view.
pub(crate) trait TickerView {
    /// Major and minor ticks within `low..high`.
    fn ticks(&self, low: f64, high: f64) -> Ticks;

    /// The smallest and largest interval it gives (CompositeTicker picks by them).
    fn interval_limits(&self) -> (f64, f64) {
        (0.0, 0.0)
    }

    /// The ticks with a given desired count (CompositeTicker passes its own).
    fn ticks_with(&self, low: f64, high: f64, _desired: usize) -> Ticks {
        self.ticks(low, high)
    }

    /// How an axis labels its range's factors instead of numeric ticks (a
    /// CategoricalTicker's one tick per factor), if it does.
    fn factor_labels(&self) -> Option<FactorLabels> {
        None
    }
}

/// Lays an axis' ticks and labels out from the factors within `lo..hi`.
pub(crate) type FactorLabels = fn(&mut AxisView, &FactorMap, f64, f64);

/// How a page reads a ticker model of one kind a view brings.
pub(crate) type ReadTicker = fn(Reader<'_>, AnyId) -> Result<Ticker, RenderError>;

impl Adaptive {
    /// An AdaptiveTicker or BasicTicker model (a LogTicker's settings too).
    pub(crate) fn read(r: Reader<'_>, t: AnyId) -> Result<Adaptive, RenderError> {
        let mantissas: Vec<f64> = r.get(t, "mantissas")?;
        Ok(Adaptive {
            desired_num_ticks: count(r, t, "desired_num_ticks")?,
            mantissas: if mantissas.is_empty() {
                vec![1.0, 2.0, 5.0]
            } else {
                mantissas
            },
            base: r.number(t, "base")?,
            num_minor_ticks: count(r, t, "num_minor_ticks")?,
            min_interval: r.number(t, "min_interval")?,
            max_interval: r.get::<Option<f64>>(t, "max_interval")?,
        })
    }
}

/// A count property of a ticker (negative reads as none).
pub(crate) fn count(r: Reader<'_>, t: AnyId, attr: &str) -> Result<usize, RenderError> {
    let n: f64 = r.number(t, attr)?;
    Ok(n.max(0.0) as usize)
}

impl Ticker {
    pub fn read(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
        Ok(match r.type_name(t) {
            "BasicTicker" | "AdaptiveTicker" => Ticker::Adaptive(Adaptive::read(r, t)?),
            "SingleIntervalTicker" => Ticker::Interval {
                interval: r.number(t, "interval")?,
                num_minor_ticks: count(r, t, "num_minor_ticks")?,
            },
            "FixedTicker" => Ticker::Fixed {
                major: r.get(t, "ticks")?,
                minor: r.get(t, "minor_ticks")?,
            },
            other => {
                const FALLBACK: &str = "its ticks are a BasicTicker's";
                match axis_parts::find(other, FALLBACK) {
                    Found::Shown(AxisPart::Ticker(read)) => read(r, t)?,
                    Found::Lacking => Ticker::Adaptive(Adaptive::default()),
                    // A kind rokeh lacks, or JavaScript natively.
                    _ => {
                        axis_parts::unread(other, FALLBACK);
                        Ticker::Adaptive(Adaptive::default())
                    }
                }
            }
        })
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
            Ticker::Interval {
                interval,
                num_minor_ticks,
            } => adaptive::ticks_at_interval(*interval, *num_minor_ticks, low, high),
            Ticker::Fixed { major, minor } => Ticks {
                major: major.clone(),
                minor: minor.clone(),
            },
            Ticker::Viewed(t) => t.ticks(low, high),
        }
    }

    /// The smallest and largest interval this ticker gives (CompositeTicker picks by
    /// them).
    pub(crate) fn interval_limits(&self) -> (f64, f64) {
        match self {
            Ticker::Adaptive(a) => (a.min_interval, a.max_interval.unwrap_or(f64::INFINITY)),
            Ticker::Interval { interval, .. } => (*interval, *interval),
            Ticker::Fixed { .. } => (0.0, 0.0),
            Ticker::Viewed(t) => t.interval_limits(),
        }
    }

    /// How an axis with this ticker labels factors, if it does.
    pub(crate) fn factor_labels(&self) -> Option<FactorLabels> {
        match self {
            Ticker::Viewed(t) => t.factor_labels(),
            _ => None,
        }
    }

    /// The ticks with a given desired count (CompositeTicker passes its own).
    pub(crate) fn ticks_with(&self, low: f64, high: f64, desired: usize) -> Ticks {
        match self {
            Ticker::Adaptive(a) => Adaptive {
                desired_num_ticks: desired,
                ..a.clone()
            }
            .ticks(low, high),
            Ticker::Viewed(t) => t.ticks_with(low, high, desired),
            other => other.ticks(low, high),
        }
    }
}
