//! Bokeh's BasicTicker ("nice" ticks: a mantissa of 1, 2 or 5 times a power of the base,
//! chosen so the count is closest to the desired one) and BasicTickFormatter's labels.

/// What a BasicTicker model asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticker {
    pub desired_num_ticks: usize,
    pub mantissas: Vec<f64>,
    pub base: f64,
    pub num_minor_ticks: usize,
}

impl Default for Ticker {
    fn default() -> Ticker {
        Ticker {
            desired_num_ticks: 6,
            mantissas: vec![1.0, 2.0, 5.0],
            base: 10.0,
            num_minor_ticks: 5,
        }
    }
}

/// Tick positions in data units, within the range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticks {
    pub major: Vec<f64>,
    pub minor: Vec<f64>,
}

impl Ticker {
    /// The interval between major ticks over `low..high`, as Bokeh's AdaptiveTicker picks it.
    pub fn interval(&self, low: f64, high: f64) -> f64 {
        let span = high - low;
        let desired = self.desired_num_ticks.max(1) as f64;
        let ideal = span / desired;
        let magnitude = self.base.powf((ideal.ln() / self.base.ln()).floor());
        // Bokeh extends the mantissas by one step down and up: 0.5, 1, 2, 5, 10.
        let first = self.mantissas.first().copied().unwrap_or(1.0);
        let last = self.mantissas.last().copied().unwrap_or(1.0);
        let candidates = std::iter::once(last / self.base)
            .chain(self.mantissas.iter().copied())
            .chain(std::iter::once(first * self.base));
        let error = |m: f64| (desired - span / (m * magnitude)).abs();
        let best = candidates.fold((f64::NAN, f64::INFINITY), |best, m| {
            // Strictly less keeps the first minimum, as Bokeh's argmin does.
            if error(m) < best.1 {
                (m, error(m))
            } else {
                best
            }
        });
        best.0 * magnitude
    }

    /// Major and minor ticks within `start..end` (either order).
    pub fn ticks(&self, start: f64, end: f64) -> Ticks {
        let (low, high) = (start.min(end), start.max(end));
        let interval = self.interval(low, high);
        let (first, last) = ((low / interval).floor(), (high / interval).ceil());
        if !(first.is_finite() && last.is_finite() && interval > 0.0) {
            return Ticks::default();
        }
        let within = |t: &f64| low <= *t && *t <= high;
        let major: Vec<f64> = (first as i64..=last as i64)
            .map(|factor| factor as f64 * interval)
            .filter(within)
            .collect();
        let mut minor = Vec::new();
        if self.num_minor_ticks > 0 && !major.is_empty() {
            let step = interval / self.num_minor_ticks as f64;
            // Minor ticks before the first major one, then after each major one.
            let before = (1..self.num_minor_ticks).map(|i| major[0] - i as f64 * step);
            let after = major
                .iter()
                .flat_map(|&t| (0..self.num_minor_ticks).map(move |i| t + i as f64 * step));
            minor.extend(before.chain(after).filter(within));
        }
        Ticks { major, minor }
    }
}

/// Labels as Bokeh's BasicTickFormatter writes them with precision "auto": the fewest
/// decimals (from 3 up) that tell neighbours apart, trailing zeros dropped, scientific
/// notation beyond 1e5 or below 1e-3, and a real minus sign (U+2212).
pub fn format_ticks(ticks: &[f64], use_scientific: bool) -> Vec<String> {
    if ticks.is_empty() {
        return Vec::new();
    }
    let scientific = use_scientific && needs_scientific(ticks);
    let format = |t: f64, precision: usize| {
        if scientific {
            to_exponential(t, precision)
        } else {
            to_fixed(t, precision)
        }
    };
    let precision = (3..=15)
        .find(|&p| ticks.windows(2).all(|w| format(w[0], p) != format(w[1], p)))
        .unwrap_or(3);
    ticks
        .iter()
        .map(|&t| format(t, precision).replace('-', "\u{2212}"))
        .collect()
}

fn needs_scientific(ticks: &[f64]) -> bool {
    let zeroish = match ticks {
        [a, b, ..] => (b - a).abs() / 10000.0,
        _ => 0.0,
    };
    ticks
        .iter()
        .map(|t| t.abs())
        .any(|t| t > zeroish && !(1e-3 < t && t < 1e5))
}

/// JavaScript's `toFixed` with trailing zeros (and a bare point) removed.
fn to_fixed(t: f64, precision: usize) -> String {
    let s = format!("{t:.precision$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// JavaScript's `toExponential`: "1.500e+6".
fn to_exponential(t: f64, precision: usize) -> String {
    let s = format!("{t:.precision$e}");
    match s.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    /// Bokeh pads a DataRange1d by 5% each side; these are the sliders plot's ranges.
    fn padded(low: f64, high: f64) -> (f64, f64) {
        let pad = (high - low) * 0.05;
        (low - pad, high + pad)
    }

    #[test]
    fn sine_x_range_gets_even_ticks() {
        let (start, end) = padded(0.0, 4.0 * PI);
        let ticks = Ticker::default().ticks(start, end);
        assert_eq!(ticks.major, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        assert_eq!(
            format_ticks(&ticks.major, true),
            ["0", "2", "4", "6", "8", "10", "12"]
        );
        // Five minor steps per interval, two of them before 0 (at -0.4 and -0.8 only
        // -0.4 is inside the range).
        assert!(ticks.minor.contains(&0.4) && ticks.minor.contains(&-0.4));
        assert!(!ticks.minor.iter().any(|&t| t < start));
    }

    #[test]
    fn sine_y_range_gets_halves_labelled_like_bokeh() {
        let (start, end) = padded(-1.0, 1.0);
        let ticks = Ticker::default().ticks(start, end);
        assert_eq!(ticks.major, [-1.0, -0.5, 0.0, 0.5, 1.0]);
        assert_eq!(
            format_ticks(&ticks.major, true),
            ["\u{2212}1", "\u{2212}0.5", "0", "0.5", "1"]
        );
    }

    #[test]
    fn ticks_of_a_reversed_range_are_the_same() {
        let t = Ticker::default();
        assert_eq!(t.ticks(10.0, 0.0), t.ticks(0.0, 10.0));
        assert_eq!(t.ticks(0.0, 10.0).major, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    }

    #[test]
    fn degenerate_ranges_have_no_ticks() {
        let t = Ticker::default();
        assert_eq!(t.ticks(1.0, 1.0), Ticks::default());
        assert_eq!(t.ticks(f64::NAN, 1.0), Ticks::default());
    }

    #[test]
    fn precision_grows_until_labels_differ() {
        assert_eq!(format_ticks(&[0.1001, 0.1002], true), ["0.1001", "0.1002"]);
        assert_eq!(format_ticks(&[2.5, 3.0], true), ["2.5", "3"]);
    }

    #[test]
    fn large_and_small_values_go_scientific() {
        assert_eq!(
            format_ticks(&[0.0, 1e6, 2e6], true),
            ["0.000e+0", "1.000e+6", "2.000e+6"]
        );
        assert_eq!(format_ticks(&[0.0, 1e6], false), ["0", "1000000"]);
        assert_eq!(
            format_ticks(&[1e-4, 2e-4], true),
            ["1.000e\u{2212}4", "2.000e\u{2212}4"]
        );
    }
}
