//! Numbers in numbro's format language, the subset Bokeh's widgets and tables use:
//! thousands separators (`0,0`), fixed and optional decimals (`0.00`, `0.[00]`, `0[.]00`),
//! percentages (`0.0%`), signs (`+0`, `(0,0)` for negatives in parentheses), abbreviations
//! (`0.0a`: 1.2k, 3.4m) and literal prefixes and suffixes (`$0,0.00`, `0 ms`).

/// `value` written with numbro format `format`.
pub fn numbro(value: f64, format: &str) -> String {
    if !value.is_finite() {
        return js_number(value);
    }
    let Some(start) = format.find(['0', '#', '[']) else {
        return js_number(value);
    };
    let end = format
        .rfind(['0', '#', ']'])
        .map_or(format.len(), |i| i + 1)
        .max(start);
    let (prefix, core, suffix) = (&format[..start], &format[start..end], &format[end..]);
    let anywhere = |c: char| prefix.contains(c) || suffix.contains(c);
    let parens = prefix.contains('(') && suffix.contains(')');
    let (plus, percent, abbreviate) = (anywhere('+'), anywhere('%'), suffix.contains('a'));
    // Of the rest, numbro writes the currency sign, the percent sign and a space before
    // either or before the abbreviation; other text ("0 ms") it leaves out.
    let literal = |s: &str| -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '$' | '%' => out.push(c),
                ' ' if matches!(chars.peek(), Some('$' | '%' | 'a')) => out.push(c),
                _ => {}
            }
        }
        out
    };

    let mut x = if percent { value * 100.0 } else { value };
    let mut unit = String::new();
    let mut suffix = literal(suffix);
    if abbreviate {
        // "0.0 a": the space goes before the unit.
        let spaced = suffix.starts_with(' ');
        if spaced {
            suffix.remove(0);
            unit.push(' ');
        }
        let sizes = [(1e12, "t"), (1e9, "b"), (1e6, "m"), (1e3, "k")];
        if let Some((size, name)) = sizes.into_iter().find(|(size, _)| x.abs() >= *size) {
            x /= size;
            unit.push_str(name);
        }
    }
    let pattern = Pattern::parse(core);
    // Rounded as JavaScript's Math.round: halves go up (-1234.5 → -1234).
    let scale = 10f64.powi(pattern.max_decimals as i32);
    let x = (x * scale + 0.5).floor() / scale;
    let digits = pattern.write(x.abs());
    let negative = x < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0');
    let body = format!("{}{digits}{unit}{suffix}", literal(prefix));
    match (negative, parens, plus) {
        (true, true, _) => format!("({body})"),
        (true, false, _) => format!("-{body}"),
        (false, _, true) if x != 0.0 => format!("+{body}"),
        _ => body,
    }
}

/// The digits part of a format: `0,0.00`, `0[.]00`, `0.0[00]`.
struct Pattern {
    thousands: bool,
    /// Whether the integer part is written when it is zero (`0.00` but not `.00`).
    int_zero: bool,
    min_decimals: usize,
    max_decimals: usize,
    /// `[.]`: no point (nor decimals) when the fraction is zero.
    optional_point: bool,
}

impl Pattern {
    fn parse(core: &str) -> Pattern {
        let optional_point = core.contains("[.]");
        let core = core.replace("[.]", ".");
        let (int, frac) = core.split_once('.').unwrap_or((&core, ""));
        let (fixed, optional) = match frac.split_once('[') {
            Some((fixed, optional)) => (fixed, optional.trim_end_matches(']')),
            None => (frac, ""),
        };
        let zeros = |s: &str| s.chars().filter(|c| *c == '0').count();
        let decimals = |s: &str| s.chars().filter(|c| matches!(c, '0' | '#')).count();
        Pattern {
            thousands: int.contains(','),
            int_zero: int.contains('0'),
            min_decimals: if optional_point { 0 } else { zeros(fixed) },
            max_decimals: decimals(fixed) + decimals(optional),
            optional_point,
        }
    }

    /// `x` (rounded to the pattern's decimals, not negative) written by the pattern.
    fn write(&self, x: f64) -> String {
        let text = super::fixed(x, self.max_decimals);
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut frac = frac.to_owned();
        while frac.len() > self.min_decimals && frac.ends_with('0') {
            frac.pop();
        }
        if self.optional_point && frac.chars().all(|c| c == '0') {
            frac.clear();
        } else if self.optional_point && !frac.is_empty() {
            // "0[.]00": any fraction shows all its decimals.
            frac = format!("{:0<width$}", frac, width = self.max_decimals);
        }
        let int = if !self.int_zero && int == "0" && !frac.is_empty() {
            ""
        } else {
            int
        };
        let int = if self.thousands {
            group_thousands(int)
        } else {
            int.to_owned()
        };
        if frac.is_empty() {
            int
        } else {
            format!("{int}.{frac}")
        }
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number as JavaScript's `String(x)` writes it: `1`, `0.5`, `NaN`, `-Infinity`.
pub fn js_number(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if x == 0.0 {
        // Negative zero too: JavaScript writes it as "0".
        "0".into()
    } else if x == x.trunc() && x.abs() < 1e21 {
        super::fixed(x, 0)
    } else {
        format!("{x}")
    }
}
