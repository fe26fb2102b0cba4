//! Tick formatters: how an axis writes its tick labels, as BokehJS's
//! BasicTickFormatter, LogTickFormatter, DatetimeTickFormatter, NumeralTickFormatter,
//! PrintfTickFormatter and CategoricalTickFormatter write them.

mod basic;
mod datetime;
mod numeral;
mod printf;

pub use basic::format_basic;

use crate::document::AnyId;
use crate::models::AutoOr;

use super::read::Reader;
use super::RenderError;

/// A tick label: text, with an exponent drawn raised and smaller (a log axis' 10²).
#[derive(Clone, Debug, PartialEq)]
pub struct TickLabel {
    /// The label's text (the mantissa or base, when there is an exponent).
    pub text: String,
    /// An exponent drawn raised after the text, if any.
    pub exponent: Option<String>,
}

impl TickLabel {
    /// A label of plain text, no exponent.
    pub fn plain(text: impl Into<String>) -> TickLabel {
        TickLabel {
            text: text.into(),
            exponent: None,
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

/// A formatter model, read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Formatter {
    Basic(Basic),
    Log { base: f64, min_exponent: i32 },
    Datetime(Box<datetime::DatetimeFormats>),
    Numeral { format: String },
    Printf { format: String },
    Categorical,
}

impl Formatter {
    pub fn read(r: Reader<'_>, f: AnyId) -> Result<Formatter, RenderError> {
        Ok(match r.type_name(f) {
            "BasicTickFormatter" => Formatter::Basic(Basic {
                use_scientific: r.flag(f, "use_scientific")?,
                precision: match r.get::<AutoOr<i64>>(f, "precision")? {
                    AutoOr::Auto => None,
                    AutoOr::Value(p) => Some(p.clamp(0, 20) as usize),
                },
                power_limit_high: r.number(f, "power_limit_high")? as i32,
                power_limit_low: r.number(f, "power_limit_low")? as i32,
            }),
            "LogTickFormatter" => {
                let base = match r.reference(f, "ticker")? {
                    Some(t) => r.number(t, "base")?,
                    None => 10.0,
                };
                Formatter::Log {
                    base,
                    min_exponent: r.number(f, "min_exponent")? as i32,
                }
            }
            "DatetimeTickFormatter" => {
                Formatter::Datetime(Box::new(datetime::DatetimeFormats::read(r, f)?))
            }
            "NumeralTickFormatter" => Formatter::Numeral {
                format: r.string(f, "format")?,
            },
            "PrintfTickFormatter" => Formatter::Printf {
                format: r.string(f, "format")?,
            },
            "CategoricalTickFormatter" => Formatter::Categorical,
            other => {
                return Err(RenderError::Model(format!(
                    "{other} is not a tick formatter rokeh knows"
                )))
            }
        })
    }

    /// The usual formatter of each kind of axis (when an axis names none).
    pub fn for_axis(axis_type: &str) -> Formatter {
        match axis_type {
            "LogAxis" => Formatter::Log {
                base: 10.0,
                min_exponent: 0,
            },
            "DatetimeAxis" => Formatter::Datetime(Box::default()),
            "CategoricalAxis" => Formatter::Categorical,
            _ => Formatter::Basic(Basic::default()),
        }
    }

    /// The labels of numeric ticks.
    pub fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        let plain = |v: Vec<String>| v.into_iter().map(TickLabel::plain).collect();
        match self {
            Formatter::Basic(b) => plain(format_basic(ticks, b)),
            Formatter::Log { base, min_exponent } => log_labels(ticks, *base, *min_exponent),
            Formatter::Datetime(d) => plain(d.format(ticks)),
            Formatter::Numeral { format } => {
                plain(ticks.iter().map(|&t| numeral::format(t, format)).collect())
            }
            Formatter::Printf { format } => {
                plain(ticks.iter().map(|&t| printf::format(t, format)).collect())
            }
            Formatter::Categorical => plain(ticks.iter().map(|t| t.to_string()).collect()),
        }
    }
}

/// LogTickFormatter: base^exponent when every tick is a distinct power, else basic.
#[inline(never)]
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
                }
            }
        })
        .collect()
}
