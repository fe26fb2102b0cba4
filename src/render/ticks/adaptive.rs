//! AdaptiveTicker (and BasicTicker): "nice" ticks, a mantissa times a power of the base,
//! chosen so their count is closest to the desired one; minor ticks between them.

use super::Ticks;

/// What an AdaptiveTicker (or BasicTicker) model asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Adaptive {
    /// About how many major ticks to show (`desired_num_ticks`).
    pub desired_num_ticks: usize,
    /// The multiples of a power of `base` allowed as intervals (`mantissas`).
    pub mantissas: Vec<f64>,
    /// The base of those powers (`base`).
    pub base: f64,
    /// How many minor intervals each major interval is split into (`num_minor_ticks`; 0 for none).
    pub num_minor_ticks: usize,
    /// The smallest interval allowed (`min_interval`).
    pub min_interval: f64,
    /// The largest interval allowed, if any (`max_interval`).
    pub max_interval: Option<f64>,
}

impl Default for Adaptive {
    fn default() -> Adaptive {
        Adaptive {
            desired_num_ticks: 6,
            mantissas: vec![1.0, 2.0, 5.0],
            base: 10.0,
            num_minor_ticks: 5,
            min_interval: 0.0,
            max_interval: None,
        }
    }
}

impl Adaptive {
    /// The interval between major ticks over `low..high`, as BokehJS picks it.
    pub fn interval(&self, low: f64, high: f64) -> f64 {
        let span = high - low;
        let desired = self.desired_num_ticks.max(1) as f64;
        let ideal = span / desired;
        let base_factor = if self.min_interval == 0.0 {
            1.0
        } else {
            self.min_interval
        };
        let exponent = ((ideal / base_factor).ln() / self.base.ln()).floor();
        let magnitude = self.base.powf(exponent) * base_factor;
        let first = self.mantissas.first().copied().unwrap_or(1.0);
        let last = self.mantissas.last().copied().unwrap_or(1.0);
        let candidates = std::iter::once(last / self.base)
            .chain(self.mantissas.iter().copied())
            .chain(std::iter::once(first * self.base));
        let error = |m: f64| (desired - span / (m * magnitude)).abs();
        let best = candidates.fold((f64::NAN, f64::INFINITY), |best, m| {
            // Strictly less keeps the first minimum, as BokehJS's argmin does.
            if error(m) < best.1 {
                (m, error(m))
            } else {
                best
            }
        });
        let interval = best.0 * magnitude;
        interval
            .max(self.min_interval)
            .min(self.max_interval.unwrap_or(f64::INFINITY))
    }

    /// Major and minor ticks over `low..high`.
    pub fn ticks(&self, low: f64, high: f64) -> Ticks {
        ticks_at_interval(self.interval(low, high), self.num_minor_ticks, low, high)
    }
}

/// Multiples of `interval` within `low..=high`, and `minor` ticks between them.
pub fn ticks_at_interval(interval: f64, minor: usize, low: f64, high: f64) -> Ticks {
    let (first, last) = ((low / interval).floor(), (high / interval).ceil());
    if !(first.is_finite() && last.is_finite() && interval > 0.0) || last - first > 1e6 {
        return Ticks::default();
    }
    let within = |t: &f64| low <= *t && *t <= high;
    let major: Vec<f64> = (first as i64..=last as i64)
        .map(|factor| factor as f64 * interval)
        .filter(within)
        .collect();
    let mut minors = Vec::new();
    if minor > 0 && !major.is_empty() {
        let step = interval / minor as f64;
        let before = (1..minor).map(|i| major[0] - i as f64 * step);
        let after = major
            .iter()
            .flat_map(|&t| (0..minor).map(move |i| t + i as f64 * step));
        minors.extend(before.chain(after).filter(within));
    }
    Ticks {
        major,
        minor: minors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn padded(low: f64, high: f64) -> (f64, f64) {
        let pad = (high - low) * 0.05;
        (low - pad, high + pad)
    }

    #[test]
    fn sine_x_range_gets_even_ticks() {
        let (start, end) = padded(0.0, 4.0 * PI);
        let ticks = Adaptive::default().ticks(start, end);
        assert_eq!(ticks.major, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        assert!(ticks.minor.contains(&0.4) && ticks.minor.contains(&-0.4));
        assert!(!ticks.minor.iter().any(|&t| t < start));
    }

    #[test]
    fn sine_y_range_gets_halves() {
        let (start, end) = padded(-1.0, 1.0);
        let ticks = Adaptive::default().ticks(start, end);
        assert_eq!(ticks.major, [-1.0, -0.5, 0.0, 0.5, 1.0]);
    }

    #[test]
    fn limits_clamp_the_interval() {
        let a = Adaptive {
            min_interval: 1.0,
            ..Adaptive::default()
        };
        assert_eq!(a.interval(0.0, 1.0), 1.0);
    }
}
