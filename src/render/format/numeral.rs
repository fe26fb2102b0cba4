//! NumeralTickFormatter: the common Numeral.js formats ("0,0", "0.00", "0.0%", "$0,0.00",
//! "0.0a", "0e+0"), in English.

/// `value` written as Numeral.js would with `format`.
pub fn format(value: f64, format: &str) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let mut f = format.to_owned();
    let percent = f.contains('%');
    let currency = f.contains('$');
    let abbreviate = f.contains('a');
    let exponent = f.contains("e+") || f.contains("e-");
    let paren_negative = f.starts_with('(') && f.ends_with(')');
    let plus = f.contains('+') && !exponent;
    for c in ['%', '$', 'a', '(', ')', '+', ' '] {
        f = f.replace(c, "");
    }
    let mut v = if percent { value * 100.0 } else { value };
    let mut suffix = String::new();
    if abbreviate {
        for (limit, s) in [(1e12, "t"), (1e9, "b"), (1e6, "m"), (1e3, "k")] {
            if v.abs() >= limit {
                v /= limit;
                suffix = s.to_owned();
                break;
            }
        }
    }
    let negative = v < 0.0;
    let v = v.abs();
    let body = if exponent {
        let decimals = f
            .split_once('.')
            .map_or(0, |(_, d)| d.chars().take_while(|c| *c == '0').count());
        let s = format!("{v:.decimals$e}");
        match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
            _ => s,
        }
    } else {
        let (int_part, frac_part) = f.split_once('.').unwrap_or((&f, ""));
        let optional = frac_part.starts_with('[');
        let decimals = frac_part.chars().filter(|c| *c == '0').count();
        let mut s = crate::format::fixed(v, decimals);
        if optional && s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
        }
        if int_part.contains(',') {
            let (i, rest) = s
                .split_once('.')
                .map_or((s.as_str(), None), |(i, r)| (i, Some(r)));
            let grouped = group_thousands(i);
            s = match rest {
                Some(r) => format!("{grouped}.{r}"),
                None => grouped,
            };
        }
        s
    };
    let mut out = String::new();
    if negative && !paren_negative {
        out.push('-');
    } else if plus && !negative {
        out.push('+');
    }
    if currency {
        out.push('$');
    }
    out.push_str(&body);
    out.push_str(&suffix);
    if percent {
        out.push('%');
    }
    if negative && paren_negative {
        out = format!("({out})");
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_formats() {
        assert_eq!(format(1234567.0, "0,0"), "1,234,567");
        assert_eq!(format(0.25, "0.0%"), "25.0%");
        assert_eq!(format(-1234.5, "$0,0.00"), "-$1,234.50");
        assert_eq!(format(1500.0, "0.0a"), "1.5k");
        assert_eq!(format(12.0, "0.00"), "12.00");
    }
}
