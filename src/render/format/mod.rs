//! Tick formatters: how an axis writes its tick labels, as BokehJS's
//! BasicTickFormatter (in every page), LogTickFormatter, DatetimeTickFormatter,
//! NumeralTickFormatter, PrintfTickFormatter and CategoricalTickFormatter (with their
//! views, see [`super::axis_parts`]) write them.

mod basic;
mod datetime;
mod numeral;

pub use basic::format_basic;

use crate::document::AnyId;
use crate::models::AutoOr;

use super::axis_parts::{self, AxisPart, Found};
use super::read::Reader;
use super::ticks::mercator::LatLon;
use super::RenderError;

/// A label: text, with an exponent drawn raised and smaller (a log axis' 10²), or TeX to
/// typeset.
#[derive(Clone, Debug, PartialEq)]
pub struct TickLabel {
    /// The label's text (the mantissa or base, when there is an exponent; TeX's as one
    /// line of Unicode).
    pub text: String,
    /// An exponent drawn raised after the text, if any.
    pub exponent: Option<String>,
    /// TeX, typeset in place of the text.
    pub tex: Option<super::math::Tex>,
}

impl TickLabel {
    /// A label of plain text, no exponent.
    pub fn plain(text: impl Into<String>) -> TickLabel {
        TickLabel {
            text: text.into(),
            exponent: None,
            tex: None,
        }
    }
}

/// BasicTickFormatter's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Basic {
    /// Whether labels beyond the power limits are written in scientific notation (`use_scientific`).
    pub use_scientific: bool,
    /// `None`: "auto", the fewest decimals that tell labels apart.
    pub precision: Option<usize>,
    /// Labels go scientific when one's magnitude is at least 10 to this (`power_limit_high`).
    pub power_limit_high: i32,
    /// Labels go scientific when one's (nonzero) magnitude is at most 10 to this
    /// (`power_limit_low`).
    pub power_limit_low: i32,
}

impl Default for Basic {
    fn default() -> Basic {
        Basic {
            use_scientific: true,
            precision: None,
            power_limit_high: 5,
            power_limit_low: -3,
        }
    }
}

/// A formatter model, read: BasicTickFormatter, in every page, or one a view brings (see
/// [`super::axis_parts`]).
pub(crate) enum Formatter {
    Basic(Basic),
    /// Log, datetime, numeral, printf or categorical labels, whose code only a page with
    /// their view has.
    Viewed(Box<dyn FormatTicks>),
}

/// A kind of tick formatter a view brings: its code is reached only through the view.
pub(crate) trait FormatTicks {
    /// The labels of numeric ticks.
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel>;
}

/// How a page reads a formatter model of one kind a view brings.
pub(crate) type ReadFormatter = fn(Reader<'_>, AnyId) -> Result<Formatter, RenderError>;

impl Formatter {
    pub fn read(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
        Ok(match r.type_name(f) {
            "BasicTickFormatter" => Formatter::Basic(read_basic(r, f)?),
            other => {
                const FALLBACK: &str = "its labels are a BasicTickFormatter's";
                match axis_parts::find(other, FALLBACK) {
                    Found::Shown(AxisPart::Formatter(read)) => read(r, f)?,
                    Found::Lacking => Formatter::Basic(Basic::default()),
                    // A kind rokeh lacks, or JavaScript natively.
                    _ => {
                        axis_parts::unread(other, FALLBACK);
                        Formatter::Basic(Basic::default())
                    }
                }
            }
        })
    }

    /// The labels of numeric ticks.
    pub fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        match self {
            Formatter::Basic(b) => plain(format_basic(ticks, b)),
            Formatter::Viewed(f) => f.format(ticks),
        }
    }
}

/// A BasicTickFormatter's settings (a MercatorTickFormatter's too).
fn read_basic(r: Reader<'_>, f: AnyId) -> Result<Basic, RenderError> {
    Ok(Basic {
        use_scientific: r.flag(f, "use_scientific")?,
        precision: match r.get::<AutoOr<i64>>(f, "precision")? {
            AutoOr::Auto => None,
            AutoOr::Value(p) => Some(p.clamp(0, 20) as usize),
        },
        power_limit_high: r.number(f, "power_limit_high")? as i32,
        power_limit_low: r.number(f, "power_limit_low")? as i32,
    })
}

/// MercatorTickFormatter: a web-mercator tick (metres) written as its degrees of
/// longitude or latitude, as a BasicTickFormatter writes numbers.
struct Mercator {
    basic: Basic,
    dimension: Option<LatLon>,
}

impl FormatTicks for Mercator {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        let degrees: Vec<f64> = match self.dimension {
            Some(d) => ticks.iter().map(|t| d.degrees(*t)).collect(),
            None => ticks.to_vec(),
        };
        plain(format_basic(&degrees, &self.basic))
    }
}

/// A MercatorTickFormatter model.
pub(crate) fn read_mercator(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
    Ok(Formatter::Viewed(Box::new(Mercator {
        basic: read_basic(r, f)?,
        dimension: LatLon::read(r, f)?,
    })))
}

/// Labels of plain text.
fn plain(labels: Vec<String>) -> Vec<TickLabel> {
    labels.into_iter().map(TickLabel::plain).collect()
}

/// LogTickFormatter's settings.
struct Log {
    base: f64,
    min_exponent: i32,
}

impl FormatTicks for Log {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        log_labels(ticks, self.base, self.min_exponent)
    }
}

/// A LogTickFormatter model (its ticker's base).
pub(crate) fn read_log(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
    let base = match r.reference(f, "ticker")? {
        Some(t) => r.number(t, "base")?,
        None => 10.0,
    };
    Ok(Formatter::Viewed(Box::new(Log {
        base,
        min_exponent: r.number(f, "min_exponent")? as i32,
    })))
}

/// A log axis' formatter when it names none (a ColorBar's of a log mapper too).
pub(crate) fn log_standard() -> Formatter {
    Formatter::Viewed(Box::new(Log {
        base: 10.0,
        min_exponent: 0,
    }))
}

impl FormatTicks for datetime::DatetimeFormats {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        plain(datetime::DatetimeFormats::format(self, ticks))
    }
}

/// A DatetimeTickFormatter model.
pub(crate) fn read_datetime(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
    Ok(Formatter::Viewed(Box::new(
        datetime::DatetimeFormats::read(r, f)?,
    )))
}

/// A datetime axis' formatter when it names none.
pub(crate) fn datetime_standard() -> Formatter {
    Formatter::Viewed(Box::<datetime::DatetimeFormats>::default())
}

/// NumeralTickFormatter's or PrintfTickFormatter's format, and how it writes a tick.
struct Pattern {
    format: String,
    write: fn(f64, &str) -> String,
}

impl FormatTicks for Pattern {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        plain(
            ticks
                .iter()
                .map(|&t| (self.write)(t, &self.format))
                .collect(),
        )
    }
}

/// A NumeralTickFormatter model.
pub(crate) fn read_numeral(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
    Ok(Formatter::Viewed(Box::new(Pattern {
        format: r.string(f, "format")?,
        write: numeral::format,
    })))
}

/// A PrintfTickFormatter model.
pub(crate) fn read_printf(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
    Ok(Formatter::Viewed(Box::new(Pattern {
        format: r.string(f, "format")?,
        write: crate::format::printf,
    })))
}

/// CategoricalTickFormatter: a factor's own name (numeric ticks as numbers).
struct Categorical;

impl FormatTicks for Categorical {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        plain(ticks.iter().map(|t| t.to_string()).collect())
    }
}

/// A CategoricalTickFormatter model (it has nothing to read).
pub(crate) fn read_categorical(_r: Reader<'_>, _f: AnyId) -> Result<Formatter, RenderError> {
    Ok(categorical_standard())
}

/// A categorical axis' formatter when it names none.
pub(crate) fn categorical_standard() -> Formatter {
    Formatter::Viewed(Box::new(Categorical))
}

/// LogTickFormatter: base^exponent when every tick is a distinct power, else basic.
fn log_labels(ticks: &[f64], base: f64, min_exponent: i32) -> Vec<TickLabel> {
    let mut exponents: Vec<i32> = Vec::new();
    for &t in ticks {
        let e = (t.ln() / base.ln()).round() as i32;
        if exponents.last() == Some(&e) {
            return format_basic(ticks, &Basic::default())
                .into_iter()
                .map(TickLabel::plain)
                .collect();
        }
        exponents.push(e);
    }
    exponents
        .into_iter()
        .map(|e| {
            if e.abs() < min_exponent {
                TickLabel::plain(crate::format::js_number(base.powi(e)).replace('-', "\u{2212}"))
            } else {
                TickLabel {
                    text: crate::format::js_number(base).replace('-', "\u{2212}"),
                    exponent: Some(e.to_string().replace('-', "\u{2212}")),
                    tex: None,
                }
            }
        })
        .collect()
}
