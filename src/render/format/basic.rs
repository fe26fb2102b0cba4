//! BasicTickFormatter: the fewest decimals (from 3 up) that tell neighbours apart,
//! trailing zeros dropped, scientific notation beyond the power limits, and a real minus
//! sign (U+2212), as BokehJS writes them.

use super::Basic;

/// The labels BasicTickFormatter writes for `ticks`, one each, as BokehJS writes them.
pub fn format_basic(ticks: &[f64], b: &Basic) -> Vec<String> {
    if ticks.is_empty() {
        return Vec::new();
    }
    let scientific = b.use_scientific && needs_scientific(ticks, b);
    let format = |t: f64, precision: usize| {
        if scientific {
            to_exponential(t, precision)
        } else {
            to_fixed(t, precision)
        }
    };
    let at =
        |precision: usize| -> Vec<String> { ticks.iter().map(|&t| format(t, precision)).collect() };
    let labels = match b.precision {
        Some(p) => at(p),
        // BokehJS only compares the first label when scientific: three decimals.
        None if scientific && ticks.len() > 2 => at(3),
        // The fewest decimals that tell neighbouring ticks apart, each label made once.
        None => (3..=15)
            .map(at)
            .find(|labels| labels.windows(2).all(|w| w[0] != w[1]))
            .unwrap_or_else(|| at(3)),
    };
    labels
        .into_iter()
        .map(|label| {
            if label.contains('-') {
                label.replace('-', "\u{2212}")
            } else {
                label
            }
        })
        .collect()
}

fn needs_scientific(ticks: &[f64], b: &Basic) -> bool {
    let zeroish = match ticks {
        [a, b, ..] => (b - a).abs() / 10000.0,
        _ => 0.0,
    };
    let high = 10f64.powi(b.power_limit_high);
    let low = 10f64.powi(b.power_limit_low);
    ticks
        .iter()
        .map(|t| t.abs())
        .any(|t| t > zeroish && (t >= high || t <= low))
}

/// JavaScript's `toFixed` with trailing zeros (and a bare point) removed.
fn to_fixed(t: f64, precision: usize) -> String {
    let mut s = crate::format::fixed(t, precision);
    if s.contains('.') {
        let kept = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(kept);
    }
    if s == "-0" {
        "0".into()
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

    fn fmt(ticks: &[f64]) -> Vec<String> {
        format_basic(ticks, &Basic::default())
    }

    #[test]
    fn labels_like_bokeh() {
        assert_eq!(fmt(&[0.0, 2.0, 4.0]), ["0", "2", "4"]);
        assert_eq!(
            fmt(&[-1.0, -0.5, 0.0, 0.5, 1.0]),
            ["\u{2212}1", "\u{2212}0.5", "0", "0.5", "1"]
        );
        assert_eq!(fmt(&[0.1001, 0.1002]), ["0.1001", "0.1002"]);
    }

    #[test]
    fn large_and_small_values_go_scientific() {
        assert_eq!(fmt(&[0.0, 1e6, 2e6]), ["0.000e+0", "1.000e+6", "2.000e+6"]);
        let plain = Basic {
            use_scientific: false,
            ..Basic::default()
        };
        assert_eq!(format_basic(&[0.0, 1e6], &plain), ["0", "1000000"]);
    }
}
