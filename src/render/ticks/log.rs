//! LogTicker: ticks at powers of the base; over less than two decades, nice numbers as a
//! linear ticker would (but never zero).

use crate::document::AnyId;

use super::super::read::Reader;
use super::super::RenderError;
use super::{Adaptive, Ticker, TickerView, Ticks};

/// A LogTicker: an adaptive ticker's settings over powers of its base.
struct Log(Adaptive);

impl TickerView for Log {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        ticks(&self.0, low, high)
    }

    fn interval_limits(&self) -> (f64, f64) {
        Ticker::Adaptive(self.0.clone()).interval_limits()
    }
}

/// A LogTicker model.
pub(crate) fn read(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Log(Adaptive::read(r, t)?))))
}

/// A log axis' ticker when it names none (a ColorBar's of a log mapper too).
pub(crate) fn standard() -> Ticker {
    Ticker::Viewed(Box::new(Log(Adaptive {
        mantissas: vec![1.0, 5.0],
        ..Adaptive::default()
    })))
}

fn ticks(a: &Adaptive, low: f64, high: f64) -> Ticks {
    let base = a.base;
    let minor_count = a.num_minor_ticks;
    let log_low = low.ln() / base.ln();
    let log_high = high.ln() / base.ln();
    let log_interval = log_high - log_low;
    let mut minor = Vec::new();
    let major: Vec<f64>;
    if !log_interval.is_finite() || log_interval == 0.0 {
        return Ticks::default();
    } else if log_interval < 2.0 {
        let interval = a.interval(low, high);
        let (first, last) = (
            (low / interval).floor() as i64,
            (high / interval).ceil() as i64,
        );
        major = (first..=last)
            .filter(|&f| f != 0)
            .map(|f| f as f64 * interval)
            .filter(|t| low <= *t && *t <= high)
            .collect();
        if minor_count > 0 && !major.is_empty() {
            let step = interval / minor_count as f64;
            for i in 1..minor_count {
                minor.push(major[0] - i as f64 * step);
            }
            for &t in &major {
                for i in 0..minor_count {
                    minor.push(t + i as f64 * step);
                }
            }
        }
    } else {
        let start = (log_low * 0.999999).ceil() as i64;
        let end = (log_high * 1.000001).floor() as i64;
        let interval = (((end - start) as f64) / 9.0).ceil().max(1.0) as i64;
        major = ((start - 1)..(end + 1))
            .step_by(interval as usize)
            .map(|i| base.powi(i as i32))
            .collect();
        if minor_count > 0 && !major.is_empty() {
            let step = base.powi(interval as i32) / minor_count as f64;
            let offsets: Vec<f64> = (1..=minor_count).map(|i| i as f64 * step).collect();
            for &x in &offsets {
                minor.push(major[0] / x);
            }
            minor.push(major[0]);
            for &t in &major {
                for &x in &offsets {
                    minor.push(t * x);
                }
            }
        }
    }
    let within = |t: &f64| low <= *t && *t <= high;
    Ticks {
        major: major.into_iter().filter(within).collect(),
        minor: minor.into_iter().filter(within).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_get_power_ticks() {
        let a = Adaptive {
            mantissas: vec![1.0, 5.0],
            ..Adaptive::default()
        };
        let t = ticks(&a, 0.5, 2000.0);
        assert_eq!(t.major, [1.0, 10.0, 100.0, 1000.0]);
        assert!(t.minor.contains(&20.0) && t.minor.contains(&2.0));
    }
}
