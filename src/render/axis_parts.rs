//! The kinds of axis, ticker, tick formatter and range a figure reads only with their
//! view (see [`crate::views`]): log, datetime, mercator and categorical axes (each with
//! its tickers, formatter and, categorical, the FactorRange), numeral, printf and
//! CustomJSTickFormatter's tick labels, CustomJSTicker's ticks. Linear axes (BasicTicker,
//! FixedTicker, SingleIntervalTicker, BasicTickFormatter) over Range1d and DataRange1d are
//! in every page. Natively every kind is read but JavaScript; a page reads those of its
//! views, and draws a model of a kind it lacks as the linear default, with one warning
//! naming the view.

use super::format::{self, Basic, Formatter, ReadFormatter};
use super::ranges::{self, ReadRange};
use super::ticks::{self, Adaptive, ReadTicker, Ticker};

/// How a figure reads models of one type a view brings.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AxisPart {
    /// An axis type's ticker and formatter when it names none.
    Axis(fn() -> (Ticker, Formatter)),
    Ticker(ReadTicker),
    Formatter(ReadFormatter),
    Range(ReadRange),
}

/// The parts one view brings, by Bokeh type name.
pub(crate) type Parts = &'static [(&'static str, AxisPart)];

fn datetime_axis() -> (Ticker, Formatter) {
    (ticks::datetime::standard(), format::datetime_standard())
}

fn log_axis() -> (Ticker, Formatter) {
    (ticks::log::standard(), format::log_standard())
}

fn categorical_axis() -> (Ticker, Formatter) {
    (
        ticks::categorical::standard(),
        format::categorical_standard(),
    )
}

/// `views::DATETIME_AXIS`: DatetimeAxis, its tickers and its formatter.
pub(crate) const DATETIME: Parts = &[
    ("DatetimeAxis", AxisPart::Axis(datetime_axis)),
    (
        "DatetimeTicker",
        AxisPart::Ticker(ticks::datetime::read_composite),
    ),
    (
        "CompositeTicker",
        AxisPart::Ticker(ticks::datetime::read_composite),
    ),
    ("DaysTicker", AxisPart::Ticker(ticks::datetime::read_days)),
    (
        "MonthsTicker",
        AxisPart::Ticker(ticks::datetime::read_months),
    ),
    ("YearsTicker", AxisPart::Ticker(ticks::datetime::read_years)),
    (
        "DatetimeTickFormatter",
        AxisPart::Formatter(format::read_datetime),
    ),
];

/// `views::LOG_AXIS`: LogAxis, LogTicker and LogTickFormatter.
pub(crate) const LOG: Parts = &[
    ("LogAxis", AxisPart::Axis(log_axis)),
    ("LogTicker", AxisPart::Ticker(ticks::log::read)),
    ("LogTickFormatter", AxisPart::Formatter(format::read_log)),
];

/// `views::CATEGORICAL_AXIS`: CategoricalAxis, its ticker and formatter, and FactorRange.
pub(crate) const CATEGORICAL: Parts = &[
    ("CategoricalAxis", AxisPart::Axis(categorical_axis)),
    (
        "CategoricalTicker",
        AxisPart::Ticker(ticks::categorical::read),
    ),
    (
        "CategoricalTickFormatter",
        AxisPart::Formatter(format::read_categorical),
    ),
    ("FactorRange", AxisPart::Range(ranges::read_factor_range)),
];

fn mercator_axis() -> (Ticker, Formatter) {
    (
        Ticker::Adaptive(Adaptive::default()),
        Formatter::Basic(Basic::default()),
    )
}

/// `views::MERCATOR_AXIS`: MercatorAxis, MercatorTicker and MercatorTickFormatter (tile
/// maps' axes, in web-mercator metres, ticked and labelled in degrees).
pub(crate) const MERCATOR: Parts = &[
    ("MercatorAxis", AxisPart::Axis(mercator_axis)),
    ("MercatorTicker", AxisPart::Ticker(ticks::mercator::read)),
    (
        "MercatorTickFormatter",
        AxisPart::Formatter(format::read_mercator),
    ),
];

/// `views::NUMERAL_TICK_FORMATTER`.
pub(crate) const NUMERAL: Parts = &[(
    "NumeralTickFormatter",
    AxisPart::Formatter(format::read_numeral),
)];

/// `views::PRINTF_TICK_FORMATTER`.
pub(crate) const PRINTF: Parts = &[(
    "PrintfTickFormatter",
    AxisPart::Formatter(format::read_printf),
)];

/// The type names of `parts`, at compile time: a page keeps the names of every view's
/// types (to name the view it lacks) without any view's code.
const fn names<const N: usize>(parts: Parts) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = parts[i].0;
        i += 1;
    }
    out
}

/// Which view (its `views::` name) reads each type.
const VIEW_OF: &[(&str, &[&str])] = &[
    ("DATETIME_AXIS", &names::<{ DATETIME.len() }>(DATETIME)),
    ("LOG_AXIS", &names::<{ LOG.len() }>(LOG)),
    ("MERCATOR_AXIS", &names::<{ MERCATOR.len() }>(MERCATOR)),
    (
        "CATEGORICAL_AXIS",
        &names::<{ CATEGORICAL.len() }>(CATEGORICAL),
    ),
    (
        "NUMERAL_TICK_FORMATTER",
        &names::<{ NUMERAL.len() }>(NUMERAL),
    ),
    ("PRINTF_TICK_FORMATTER", &names::<{ PRINTF.len() }>(PRINTF)),
    // JavaScript, which the page alone runs (`web::callbacks`).
    ("CUSTOM_JS_TICK_FORMATTER", &["CustomJSTickFormatter"]),
    ("CUSTOM_JS_TICKER", &["CustomJSTicker"]),
];

/// The view that reads models of type `type_name`, if one does.
fn view_of(type_name: &str) -> Option<&'static str> {
    VIEW_OF
        .iter()
        .find(|(_, types)| types.contains(&type_name))
        .map(|(view, _)| *view)
}

/// How this process reads a model of a type some view brings.
pub(crate) enum Found {
    /// With this.
    Shown(AxisPart),
    /// It does not: the page was built without its view (reported once per view), and
    /// the caller falls back on the linear default.
    Lacking,
    /// No view reads the type.
    Unknown,
}

/// How models of type `type_name` are read; `fallback` says, in the warning of a page
/// lacking the view, what is drawn instead.
pub(crate) fn find(type_name: &str, fallback: &str) -> Found {
    #[cfg(target_arch = "wasm32")]
    let shown = super::shown::axis_part(type_name);
    #[cfg(not(target_arch = "wasm32"))]
    let shown = [DATETIME, LOG, MERCATOR, CATEGORICAL, NUMERAL, PRINTF]
        .iter()
        .flat_map(|parts| parts.iter())
        .find(|(name, _)| *name == type_name)
        .map(|&(_, part)| part);
    match (shown, view_of(type_name)) {
        (Some(part), _) => Found::Shown(part),
        (None, Some(view)) => {
            lacking(type_name, view, fallback);
            Found::Lacking
        }
        (None, None) => Found::Unknown,
    }
}

#[cfg(target_arch = "wasm32")]
use super::shown::lacking;

/// Natively every view's types are read: none is ever lacking.
#[cfg(not(target_arch = "wasm32"))]
fn lacking(_type_name: &str, _view: &str, _fallback: &str) {}

/// A ticker or formatter no view reads (CustomJSTicker, MercatorTickFormatter, ...): the
/// axis falls back on the linear default, as with a lacking view, reported once in a
/// page.
pub(crate) fn unread(type_name: &str, fallback: &str) {
    #[cfg(target_arch = "wasm32")]
    super::shown::unread(type_name, fallback);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (type_name, fallback);
}

/// The ticker and formatter of an axis of type `axis_type` that names none: its view's,
/// else (a LinearAxis, or an axis whose view the page lacks) BasicTicker's and
/// BasicTickFormatter's.
pub(crate) fn standard(axis_type: &str) -> (Ticker, Formatter) {
    match find(axis_type, "it is drawn as a LinearAxis") {
        Found::Shown(AxisPart::Axis(standard)) => standard(),
        _ => (
            Ticker::Adaptive(Adaptive::default()),
            Formatter::Basic(Basic::default()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_a_view_reads_names_that_view() {
        let views = [
            ("DATETIME_AXIS", DATETIME),
            ("LOG_AXIS", LOG),
            ("CATEGORICAL_AXIS", CATEGORICAL),
            ("NUMERAL_TICK_FORMATTER", NUMERAL),
            ("PRINTF_TICK_FORMATTER", PRINTF),
        ];
        for (view, parts) in views {
            for (type_name, _) in parts {
                assert_eq!(view_of(type_name), Some(view), "{type_name}");
                assert!(
                    matches!(find(type_name, ""), Found::Shown(_)),
                    "{type_name}"
                );
            }
        }
        for every_page in ["LinearAxis", "BasicTicker", "BasicTickFormatter", "Range1d"] {
            assert_eq!(view_of(every_page), None);
            assert!(matches!(find(every_page, ""), Found::Unknown));
        }
    }
}
