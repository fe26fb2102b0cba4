//! printf formats (`%d`, `%5.2f`, `%e`, `%g`, `%x`, `%s`, `%%`): PrintfTickFormatter's labels and
//! the hover tool's "printf" fields.

/// `value` written with `format`; directives it does not know are kept as written.
pub fn format(value: f64, format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&n) = chars.peek() {
            if n.is_ascii_digit() || "+-. 0#".contains(n) {
                spec.push(n);
                chars.next();
            } else {
                break;
            }
        }
        let Some(kind) = chars.next() else {
            out.push('%');
            out.push_str(&spec);
            break;
        };
        let plus = spec.starts_with('+');
        let left = spec.contains('-');
        let zero = spec.trim_start_matches(['+', '-', ' ']).starts_with('0');
        let digits = spec.trim_start_matches(['+', '-', ' ', '#', '0']);
        let (width, precision) = match digits.split_once('.') {
            Some((w, p)) => (w.parse().unwrap_or(0), p.parse().ok()),
            None => (digits.parse().unwrap_or(0usize), None),
        };
        let body = match kind {
            'd' | 'i' => format!("{}", value.trunc() as i64),
            'f' | 'F' => format!("{value:.*}", precision.unwrap_or(6)),
            'e' | 'E' => {
                let s = format!("{value:.*e}", precision.unwrap_or(6));
                let s = match s.split_once('e') {
                    Some((m, e)) => {
                        let (sign, e) = e.strip_prefix('-').map_or(("+", e), |e| ("-", e));
                        format!("{m}e{sign}{e:0>2}")
                    }
                    None => s,
                };
                if kind == 'E' {
                    s.to_ascii_uppercase()
                } else {
                    s
                }
            }
            'g' | 'G' => {
                let p = precision.unwrap_or(6).max(1);
                let exp = if value == 0.0 {
                    0
                } else {
                    value.abs().log10().floor() as i32
                };
                let s = if exp < -4 || exp >= p as i32 {
                    format!("{value:.*e}", p - 1)
                } else {
                    let decimals = (p as i32 - 1 - exp).max(0) as usize;
                    let s = crate::format::fixed(value, decimals);
                    if s.contains('.') {
                        s.trim_end_matches('0').trim_end_matches('.').to_owned()
                    } else {
                        s
                    }
                };
                s
            }
            'x' => format!("{:x}", value.trunc() as i64),
            'X' => format!("{:X}", value.trunc() as i64),
            'o' => format!("{:o}", value.trunc() as i64),
            's' => {
                let s = if value.fract() == 0.0 && value.abs() < 1e21 {
                    format!("{}", value as i64)
                } else {
                    format!("{value}")
                };
                match precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            '%' => "%".to_owned(),
            other => format!("%{spec}{other}"),
        };
        let body = if plus && value >= 0.0 && "dife".contains(kind) {
            format!("+{body}")
        } else {
            body
        };
        let padded = if body.len() >= width {
            body
        } else if left {
            format!("{body:<width$}")
        } else if zero && kind != 's' {
            let (sign, digits) = match body.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", body.as_str()),
            };
            format!("{sign}{digits:0>w$}", w = width - sign.len())
        } else {
            format!("{body:>width$}")
        };
        out.push_str(&padded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printf_directives() {
        assert_eq!(format(1.23456, "%5.2f"), " 1.23");
        assert_eq!(format(42.0, "%d items"), "42 items");
        assert_eq!(format(1500.0, "%.1e"), "1.5e+03");
        assert_eq!(format(7.0, "%03d"), "007");
        assert_eq!(format(2.5, "%s"), "2.5");
        assert_eq!(format(50.0, "%d%%"), "50%");
    }
}
