//! Decimal text of floats, written and read as Rust's `format!("{x:.2}")` and
//! `str::parse::<f64>` do, with a short path for what a page mostly shows: tick labels,
//! slider values and font sizes are whole numbers of their last decimal, with few digits.
//! Those are exact in plain integer arithmetic; the general conversions (big-number
//! fallbacks and all) stay for the rest, and a page that never needs them never compiles
//! them (its wasm functions compile on their first call, before its first paint).

/// Powers of ten, each exact in an f64.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `x` with `decimals` digits after the point: exactly `format!("{x:.decimals$}")`.
pub fn fixed(x: f64, decimals: usize) -> String {
    fixed_short(x, decimals).unwrap_or_else(|| format!("{x:.decimals$}"))
}

/// [`fixed`] for an `x` within a quarter of the last decimal of a whole number `k` of
/// them, `k` below 10^15: x·10^d is then off `k` by less than a half however it rounds,
/// so `k` is the correctly rounded decimal that `format!` writes.
fn fixed_short(x: f64, decimals: usize) -> Option<String> {
    let scaled = x * POW10.get(decimals)?;
    let k = scaled.round();
    if !(k.abs() < 1e15 && (scaled - k).abs() < 0.25) {
        return None;
    }
    // The digits, last first, at least one before the point: one allocation in all (an
    // axis formats its ticks at several precisions on every paint).
    let mut k = k.abs() as u64;
    let mut digits = [0u8; 20];
    let mut n = 0;
    while n <= decimals || k > 0 {
        digits[n] = b'0' + (k % 10) as u8;
        k /= 10;
        n += 1;
    }
    let mut out = String::with_capacity(n + 2);
    if x.is_sign_negative() {
        out.push('-');
    }
    for i in (0..n).rev() {
        if i + 1 == decimals {
            out.push('.');
        }
        out.push(char::from(digits[i]));
    }
    Some(out)
}

/// The number `text` spells, as `str::parse::<f64>` reads it (`None` where it fails).
pub fn parse(text: &str) -> Option<f64> {
    parse_short(text).or_else(|| text.parse().ok())
}

/// [`parse`] for `[+-]digits[.digits]` with at most 15 digits: the digits as an integer
/// and the power of ten are exact, so one division rounds correctly, as `parse` does.
fn parse_short(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = int.len() + frac.len();
    if int.is_empty() || digits > 15 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if unsigned.ends_with('.') {
        return None;
    }
    let whole = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let value = whole as f64 / POW10[frac.len()];
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values a page shows and the edges of the short paths: halves, ties, negative
    /// zero, the 10^15 limit, and numbers that are not a whole number of decimals.
    fn samples() -> Vec<f64> {
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.125,
            0.25,
            2.5,
            -2.5,
            0.005,
            0.015,
            -0.001,
            std::f64::consts::TAU,
            1e15,
            1e15 - 1.0,
            999_999_999_999_999.9,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            123.456,
            -0.04999,
            1.0 / 3.0,
            2.0 / 3.0,
        ];
        // A deterministic spread of magnitudes and fractions.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = (seed % 24) as i32 - 8;
            let x = (unit - 0.5) * 10f64.powi(exponent);
            xs.push(x);
            // Whole numbers of a decimal, as ticks and slider steps are.
            xs.push((x * 100.0).round() / 100.0);
            xs.push((x * 10.0).round() / 10.0);
        }
        xs
    }

    #[test]
    fn round_values_take_the_short_paths() {
        assert_eq!(fixed_short(-0.5, 2).as_deref(), Some("-0.50"));
        assert_eq!(fixed_short(1.0, 0).as_deref(), Some("1"));
        assert_eq!(fixed_short(0.125, 2), None, "a tie is left to format!");
        assert_eq!(parse_short("13"), Some(13.0));
        assert_eq!(parse_short("-11.5"), Some(-11.5));
        assert_eq!(parse_short("1e3"), None);
    }

    #[test]
    fn fixed_writes_what_format_writes() {
        for x in samples() {
            for decimals in 0..=17 {
                assert_eq!(
                    fixed(x, decimals),
                    format!("{x:.decimals$}"),
                    "{x:e} to {decimals}"
                );
            }
        }
    }

    #[test]
    fn parse_reads_what_str_parse_reads() {
        let mut texts: Vec<String> = [
            "13",
            "13px",
            "-0",
            "+2.5",
            "11.5",
            ".5",
            "5.",
            "1e3",
            "inf",
            "NaN",
            "",
            "-",
            "0.1",
            "123456789012345",
            "1234567890123456",
            "0.000000000000001",
            "9007199254740993",
            " 1",
            "1_0",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for x in samples() {
            texts.push(format!("{x}"));
            texts.push(format!("{x:.3}"));
        }
        for text in texts {
            let ours = parse(&text);
            let rust = text.parse::<f64>().ok();
            assert_eq!(ours.map(f64::to_bits), rust.map(f64::to_bits), "{text:?}");
        }
    }
}
