//! DatetimeTickFormatter: a strftime format per resolution (chosen from the ticks'
//! spacing), promoted at boundaries of the next unit (midnight shows the day), as
//! BokehJS writes date labels. Times are UTC milliseconds.

use crate::document::{AnyId, Value};

use super::super::read::Reader;
use super::super::ticks::datetime::{
    civil_from_days, days_from_civil, ONE_DAY, ONE_HOUR, ONE_MILLI, ONE_MINUTE, ONE_MONTH,
    ONE_SECOND, ONE_YEAR,
};
use super::super::RenderError;

const RESOLUTIONS: [&str; 10] = [
    "microseconds",
    "milliseconds",
    "seconds",
    "minsec",
    "minutes",
    "hourmin",
    "hours",
    "days",
    "months",
    "years",
];

/// Which field of (year, month, day, hour, minute, second) is zero at the boundary of
/// each resolution's next unit (year: never zero).
const TM_INDEX: [usize; 10] = [0, 0, 5, 4, 4, 3, 3, 0, 0, 0];

/// What writes a DatetimeTickFormatter's context labels.
#[derive(Clone, Debug, PartialEq)]
enum Context {
    Format(String),
    Formatter(Box<DatetimeFormats>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DatetimeFormats {
    formats: [String; 10],
    /// Per resolution: strip leading zeros.
    strip: [bool; 10],
    boundary_scaling: bool,
    hide_repeats: bool,
    /// Context labels (a strftime format, or a formatter of its own), where and on which
    /// ticks.
    context: Option<Context>,
    context_which: String,
    context_location: String,
}

impl Default for DatetimeFormats {
    fn default() -> DatetimeFormats {
        let f = [
            "%fus", "%3Nms", "%Ss", ":%M:%S", ":%M", "%H:%M", "%Hh", "%m/%d", "%m/%Y", "%Y",
        ];
        DatetimeFormats {
            formats: f.map(str::to_owned),
            strip: [false; 10],
            boundary_scaling: true,
            hide_repeats: false,
            context: None,
            context_which: "start".into(),
            context_location: "below".into(),
        }
    }
}

impl DatetimeFormats {
    pub fn read(r: Reader<'_>, f: AnyId) -> Result<DatetimeFormats, RenderError> {
        let mut formats = DatetimeFormats::default();
        for (i, name) in RESOLUTIONS.iter().enumerate() {
            formats.formats[i] = r.string(f, name)?;
        }
        formats.strip = match r.value(f, "strip_leading_zeros")? {
            Value::Bool(b) => [b; 10],
            Value::List(items) => {
                RESOLUTIONS.map(|name| items.iter().any(|i| i.as_str() == Some(name)))
            }
            _ => [false; 10],
        };
        formats.boundary_scaling = r.flag(f, "boundary_scaling")?;
        formats.hide_repeats = r.flag(f, "hide_repeats")?;
        formats.context = match r.value(f, "context")? {
            Value::Str(s) => Some(Context::Format(s)),
            v @ Value::Ref(_) => {
                let nested = r.lookup(f, "context", &v)?;
                Some(Context::Formatter(Box::new(DatetimeFormats::read(
                    r, nested,
                )?)))
            }
            _ => None,
        };
        formats.context_which = r
            .string(f, "context_which")
            .unwrap_or_else(|_| "start".into());
        formats.context_location = r
            .string(f, "context_location")
            .unwrap_or_else(|_| "below".into());
        Ok(formats)
    }

    pub fn format(&self, ticks: &[f64]) -> Vec<String> {
        self.format_at(ticks, None)
    }

    /// The labels at a resolution (a context formatter takes its parent's).
    fn format_at(&self, ticks: &[f64], at: Option<usize>) -> Vec<String> {
        if ticks.is_empty() {
            return Vec::new();
        }
        let resolution = at.unwrap_or_else(|| {
            let span = (ticks[ticks.len() - 1] - ticks[0]).abs() / 1000.0;
            let r = span / (ticks.len() as f64 - 1.0);
            resolution(r, span)
        });
        let mut labels: Vec<String> = ticks.iter().map(|&t| self.label(t, resolution)).collect();
        if self.hide_repeats {
            let mut first = 0;
            for i in 1..labels.len() {
                if labels[i] == labels[first] {
                    labels[i] = String::new();
                } else {
                    first = i;
                }
            }
        }
        let Some(context) = &self.context else {
            return labels;
        };
        let n = ticks.len();
        let all: Vec<String> = match context {
            Context::Format(f) => ticks.iter().map(|&t| strftime(t, f)).collect(),
            Context::Formatter(nested) => nested.format_at(ticks, Some(resolution)),
        };
        let contexts: Vec<String> = all
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let shown = match self.context_which.as_str() {
                    "end" => i == n - 1,
                    "center" => i == n / 2,
                    "all" => true,
                    _ => i == 0,
                };
                if shown {
                    label
                } else {
                    String::new()
                }
            })
            .collect();
        if contexts.iter().all(String::is_empty) {
            return labels;
        }
        labels
            .into_iter()
            .zip(contexts)
            .map(|(label, ctx)| match self.context_location.as_str() {
                "above" => format!("{ctx}\n{label}"),
                "left" if !ctx.is_empty() => format!("{ctx} {label}"),
                "right" if !ctx.is_empty() => format!("{label} {ctx}"),
                "left" | "right" => label,
                _ => format!("{label}\n{ctx}"),
            })
            .collect()
    }

    fn label(&self, t: f64, resolution: usize) -> String {
        let mut s = strftime(t, &self.formats[resolution]);
        let mut final_resolution = resolution;
        if self.boundary_scaling {
            let tm = fields(t);
            let mut hybrid_handled = false;
            let mut next = resolution;
            let mut next_resolution = resolution;
            while tm[TM_INDEX[next]] == 0 {
                next += 1;
                if next == RESOLUTIONS.len() {
                    break;
                }
                let name = RESOLUTIONS[resolution];
                if (name == "minsec" || name == "hourmin") && !hybrid_handled {
                    if (name == "minsec" && tm[4] == 0 && tm[5] != 0)
                        || (name == "hourmin" && tm[3] == 0 && tm[4] != 0)
                    {
                        next_resolution = resolution - 1;
                        s = strftime(t, &self.formats[next_resolution]);
                        break;
                    }
                    hybrid_handled = true;
                }
                next_resolution = next;
                s = strftime(t, &self.formats[next_resolution]);
            }
            final_resolution = next_resolution;
        }
        if self.strip[final_resolution] {
            let stripped = s.trim_start_matches('0');
            if stripped.len() != s.len() && !stripped.starts_with(|c: char| c.is_ascii_digit()) {
                return format!("0{stripped}");
            }
            return stripped.to_owned();
        }
        s
    }
}

/// The resolution BokehJS picks for ticks `r` seconds apart over `span` seconds.
fn resolution(r: f64, span: f64) -> usize {
    let adjusted = r * 1.1 * 1000.0;
    let span = span * 1000.0;
    if adjusted < ONE_MILLI {
        0
    } else if adjusted < ONE_SECOND {
        1
    } else if adjusted < ONE_MINUTE {
        if span >= ONE_MINUTE {
            3
        } else {
            2
        }
    } else if adjusted < ONE_HOUR {
        if span >= ONE_HOUR {
            5
        } else {
            4
        }
    } else if adjusted < ONE_DAY {
        6
    } else if adjusted < ONE_MONTH {
        7
    } else if adjusted < ONE_YEAR {
        8
    } else {
        9
    }
}

/// (year, month 1..=12, day, hour, minute, second) of a UTC time in ms.
fn fields(t: f64) -> [i64; 6] {
    let days = (t / ONE_DAY).floor();
    let (y, m, d) = civil_from_days(days as i64);
    let rest = ((t - days * ONE_DAY) / 1000.0).floor() as i64;
    [y, m, d, rest / 3600, rest / 60 % 60, rest % 60]
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// strftime of a UTC time in ms, with the directives BokehJS's `timezone` knows and
/// Python's `%f` (microseconds).
pub fn strftime(t: f64, format: &str) -> String {
    let [y, m, d, hh, mm, ss] = fields(t);
    let ms_of_second = (t - (t / 1000.0).floor() * 1000.0).round() as i64 % 1000;
    let micros = {
        let us = ((t / 1000.0) % 1.0 * 1e6).round() as i64;
        if t < 0.0 {
            (1_000_000 + us) % 1_000_000
        } else {
            us
        }
    };
    let days = (t / ONE_DAY).floor() as i64;
    let weekday = (days + 4).rem_euclid(7) as usize;
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let hour12 = if hh % 12 == 0 { 12 } else { hh % 12 };
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // An optional width before N (BokehJS's %3N: milliseconds).
        let mut width = String::new();
        while let Some(&w) = chars.peek() {
            if w.is_ascii_digit() {
                width.push(w);
                chars.next();
            } else {
                break;
            }
        }
        let Some(directive) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match directive {
            'Y' => y.to_string(),
            'y' => format!("{:02}", y.rem_euclid(100)),
            'C' => format!("{:02}", y / 100),
            'm' => format!("{m:02}"),
            'd' => format!("{d:02}"),
            'e' => format!("{d:2}"),
            'H' => format!("{hh:02}"),
            'k' => format!("{hh:2}"),
            'I' => format!("{hour12:02}"),
            'l' => format!("{hour12:2}"),
            'M' => format!("{mm:02}"),
            'S' => format!("{ss:02}"),
            'p' => (if hh < 12 { "AM" } else { "PM" }).to_owned(),
            'P' => (if hh < 12 { "am" } else { "pm" }).to_owned(),
            'b' | 'h' => MONTHS[(m - 1) as usize][..3].to_owned(),
            'B' => MONTHS[(m - 1) as usize].to_owned(),
            'a' => DAYS[weekday][..3].to_owned(),
            'A' => DAYS[weekday].to_owned(),
            'j' => format!("{yday:03}"),
            'u' => (if weekday == 0 { 7 } else { weekday }).to_string(),
            'w' => weekday.to_string(),
            'D' => format!("{m:02}/{d:02}/{:02}", y.rem_euclid(100)),
            'F' => format!("{y}-{m:02}-{d:02}"),
            'T' => format!("{hh:02}:{mm:02}:{ss:02}"),
            'R' => format!("{hh:02}:{mm:02}"),
            's' => ((t / 1000.0).floor() as i64).to_string(),
            'f' => format!("{micros:06}"),
            'N' => {
                let digits: usize = width.parse().unwrap_or(9);
                let nanos = format!("{:09}", ms_of_second * 1_000_000);
                nanos[..digits.min(9)].to_owned()
            }
            'z' => "+0000".to_owned(),
            'Z' => "UTC".to_owned(),
            'n' => "\n".to_owned(),
            't' => "\t".to_owned(),
            '%' => "%".to_owned(),
            other => format!("%{width}{other}"),
        };
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i64, m: i64, d: i64, hh: i64, mm: i64) -> f64 {
        (days_from_civil(y, m, d) as f64) * ONE_DAY + (hh * 3600 + mm * 60) as f64 * 1000.0
    }

    #[test]
    fn strftime_directives() {
        let t = at(2024, 3, 9, 14, 5) + 7500.0;
        assert_eq!(strftime(t, "%Y-%m-%d %H:%M:%S"), "2024-03-09 14:05:07");
        assert_eq!(strftime(t, "%b %d %a %I%p"), "Mar 09 Sat 02PM");
        assert_eq!(strftime(t, "%3Nms"), "500ms");
    }

    #[test]
    fn days_resolution_with_month_boundaries() {
        let f = DatetimeFormats::default();
        let ticks: Vec<f64> = [1, 8, 15, 22, 29]
            .iter()
            .map(|&d| at(2024, 3, d, 0, 0))
            .collect();
        assert_eq!(
            f.format(&ticks),
            ["03/01", "03/08", "03/15", "03/22", "03/29"]
        );
        let hours: Vec<f64> = [0, 6, 12, 18]
            .iter()
            .map(|&h| at(2024, 3, 2, h, 0))
            .collect();
        // Midnight is promoted to the day.
        assert_eq!(f.format(&hours), ["03/02", "06h", "12h", "18h"]);
    }
}
