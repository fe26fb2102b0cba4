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

/// `instant` written in a flatpickr format, as BokehJS's date and time pickers show their
/// value (`date_format` "Y-m-d", "Y-m-d H:i"; `time_format` "H:i"): `d D l j J w W F m n M
/// U y Y Z H h G i S s K`, a backslash keeping the next character as it is; other
/// characters are kept.
pub fn flatpickr(instant: Datetime, format: &str) -> String {
    let c = instant.civil();
    let mut out = String::with_capacity(format.len() + 8);
    let mut chars = format.chars();
    while let Some(token) = chars.next() {
        // Each token as the strftime directive that writes it.
        let directive = match token {
            '\\' => {
                out.extend(chars.next());
                continue;
            }
            'd' => "%d",
            'D' => "%a",
            'l' => "%A",
            'j' => "%-d",
            'w' => "%w",
            'F' => "%B",
            'm' => "%m",
            'n' => "%-m",
            'M' => "%b",
            'U' => "%s",
            'y' => "%y",
            'Y' => "%Y",
            'H' => "%H",
            'h' => "%-I",
            'G' => "%I",
            'i' => "%M",
            'S' => "%S",
            's' => "%-S",
            'K' => "%p",
            'J' => {
                let day = c.date.day;
                let suffix = match (day % 10, day / 10) {
                    (_, 1) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                out.push_str(&format!("{day}{suffix}"));
                continue;
            }
            'W' => {
                out.push_str(&iso_week(&c).to_string());
                continue;
            }
            'Z' => {
                out.push_str(&strftime(instant, "%Y-%m-%dT%H:%M:%S.%3NZ"));
                continue;
            }
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(&strftime(instant, directive));
    }
    out
}

/// The ISO 8601 week of the year the day falls in (1 to 53).
fn iso_week(c: &crate::core::Civil) -> u32 {
    // Whether a year has 53 ISO weeks: it starts on a Thursday, or leaps from a Wednesday.
    let long = |year: i32| {
        let p =
            |y: i32| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
        p(year) == 4 || p(year - 1) == 3
    };
    let weekday = if c.weekday == 0 { 7 } else { c.weekday } as i32;
    let week = (c.day_of_year as i32 - weekday + 10).div_euclid(7);
    let year = c.date.year;
    match week {
        0 => 52 + u32::from(long(year - 1)),
        53 if !long(year) => 1,
        w => w as u32,
    }
}
