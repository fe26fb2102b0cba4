//! Dates in strftime formats, as Bokeh's date sliders and DateFormatter write them (UTC).

use crate::core::Datetime;

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
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The strftime pattern of one of DateFormatter's named formats (`"ISO-8601"`,
/// `"RFC-822"`, …); any other text is a pattern itself. `None` for `"TIMESTAMP"`: the
/// milliseconds as they are.
pub fn date_format_pattern(format: &str) -> Option<&str> {
    Some(match format {
        "ATOM" | "W3C" | "RFC-3339" | "ISO-8601" => "%Y-%m-%d",
        "COOKIE" => "%a, %d %b %Y",
        "RFC-850" => "%A, %d-%b-%y",
        "RFC-1123" | "RFC-2822" => "%a, %e %b %Y",
        "RSS" | "RFC-822" | "RFC-1036" => "%a, %e %b %y",
        "TIMESTAMP" => return None,
        other => other,
    })
}

/// `instant` written with strftime `pattern` (UTC): `%Y %y %C %m %d %e %j %H %I %M %S %p
/// %b %B %a %A %u %w %Z %z %s %3N %f %F %T %D %R %%`, each after an optional flag as the
/// `timezone` library BokehJS formats with reads them (`%-d`: unpadded, `%_d`: padded with
/// spaces, `%0e`: with zeros, `%^a`: upper case); other characters are kept.
pub fn strftime(instant: Datetime, pattern: &str) -> String {
    let c = instant.civil();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let flag = chars.next_if(|c| matches!(c, '-' | '_' | '0' | '^'));
        let Some(spec) = chars.next() else {
            out.push('%');
            out.extend(flag);
            break;
        };
        let month = MONTHS[(c.date.month - 1) as usize];
        let weekday = WEEKDAYS[c.weekday as usize];
        let hour12 = match c.hour % 12 {
            0 => 12,
            h => h,
        };
        let piece = match spec {
            'Y' => c.date.year.to_string(),
            'y' => format!("{:02}", c.date.year.rem_euclid(100)),
            'C' => format!("{:02}", c.date.year.div_euclid(100)),
            'm' => format!("{:02}", c.date.month),
            'd' => format!("{:02}", c.date.day),
            'e' => format!("{:>2}", c.date.day),
            'j' => format!("{:03}", c.day_of_year),
            'H' => format!("{:02}", c.hour),
            'I' => format!("{hour12:02}"),
            'l' => format!("{hour12:>2}"),
            'M' => format!("{:02}", c.minute),
            'S' => format!("{:02}", c.second),
            'p' => if c.hour < 12 { "AM" } else { "PM" }.into(),
            'P' => if c.hour < 12 { "am" } else { "pm" }.into(),
            'b' | 'h' => month[..3].into(),
            'B' => month.into(),
            'a' => weekday[..3].into(),
            'A' => weekday.into(),
            'u' => (if c.weekday == 0 { 7 } else { c.weekday }).to_string(),
            'w' => c.weekday.to_string(),
            'Z' => "UTC".into(),
            'z' => "+0000".into(),
            's' => super::fixed((instant.0 / 1000.0).floor(), 0),
            'f' => format!("{:06}", c.millisecond * 1000),
            '3' if chars.peek() == Some(&'N') => {
                chars.next();
                format!("{:03}", c.millisecond)
            }
            'F' => format!("{}-{:02}-{:02}", c.date.year, c.date.month, c.date.day),
            'T' => format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second),
            'R' => format!("{:02}:{:02}", c.hour, c.minute),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                c.date.month,
                c.date.day,
                c.date.year.rem_euclid(100)
            ),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        match flag {
            None => out.push_str(&piece),
            // The names are English: ASCII (no Unicode case tables in the page).
            Some('^') => out.push_str(&piece.to_ascii_uppercase()),
            Some(pad) => out.push_str(&repad(&piece, pad)),
        }
    }
    out
}

/// A number's padding (leading zeros or spaces) taken away (`-`) or made of spaces (`_`)
/// or zeros (`0`); text is kept as it is.
fn repad(piece: &str, pad: char) -> String {
    if !piece.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return piece.to_owned();
    }
    // A zero is one digit, not padding.
    let digits = match piece.trim_start_matches(['0', ' ']) {
        "" => "0",
        digits => digits,
    };
    let fill = match pad {
        '-' => return digits.to_owned(),
        '_' => ' ',
        _ => '0',
    };
    let mut out: String = std::iter::repeat_n(fill, piece.len() - digits.len()).collect();
    out.push_str(digits);
    out
}
