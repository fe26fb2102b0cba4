//! Dates and times as Bokeh's `Date`, `Datetime` and `Time` properties carry them: a
//! datetime is milliseconds since the Unix epoch (UTC), as Python Bokeh serializes a
//! `datetime`; a date is a calendar day, written `"YYYY-MM-DD"`; a time of day is
//! milliseconds since midnight, written `"HH:MM:SS"`. All also read the ISO strings Python
//! and BokehJS's pickers send.
//!
//! The calendar arithmetic is the proleptic Gregorian one (days from civil and back), so
//! dates convert without a time-zone database: Bokeh's widgets work in UTC too.

use super::{Ids, Kind, PropType, Value};

/// Milliseconds in a day.
pub const DAY_MS: f64 = 86_400_000.0;

/// An instant: milliseconds since 1970-01-01T00:00:00Z (Bokeh's `Datetime`).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Datetime(pub f64);

/// A time of day: milliseconds since midnight (Bokeh's `Time`, as Python serializes a
/// `time`).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Time(pub f64);

/// A calendar day (Bokeh's `Date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (proleptic Gregorian; 0 is 1 BC).
    pub year: i32,
    /// 1..=12
    pub month: u32,
    /// 1..=31
    pub day: u32,
}

/// A datetime split into its calendar and clock parts (UTC).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Civil {
    /// The calendar day.
    pub date: Date,
    /// 0..=23
    pub hour: u32,
    /// 0..=59
    pub minute: u32,
    /// 0..=59
    pub second: u32,
    /// 0..=999
    pub millisecond: u32,
    /// 0 = Sunday … 6 = Saturday.
    pub weekday: u32,
    /// 1..=366
    pub day_of_year: u32,
}

impl Date {
    /// The day, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Its midnight (UTC).
    pub fn to_datetime(self) -> Datetime {
        Datetime(self.days_since_epoch() as f64 * DAY_MS)
    }

    /// `"YYYY-MM-DD"`, or the date with its time and an optional `Z`; `None` for anything
    /// else.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let day = text.get(..10)?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let mut parts = day.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// `"YYYY-MM-DD"`, as Bokeh writes a date and `<input type="date">` reads one.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Datetime {
    /// Reads an ISO date or datetime (`2020-06-01`, `2020-06-01T12:30:00`,
    /// `2020-06-01 12:30:00.250Z`) as UTC.
    pub fn parse(text: &str) -> Option<Datetime> {
        let text = text.trim().trim_end_matches('Z');
        let date = Date::parse(text)?;
        let mut ms = date.to_datetime().0;
        let time = text.get(11..).unwrap_or("");
        if !time.is_empty() {
            let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
            let mut hms = clock.split(':');
            let mut part = |limit: u32| -> Option<f64> {
                match hms.next() {
                    None => Some(0.0),
                    Some(p) => p.parse::<u32>().ok().filter(|v| *v < limit).map(f64::from),
                }
            };
            let (h, m, s) = (part(24)?, part(60)?, part(61)?);
            if hms.next().is_some() {
                return None;
            }
            let frac: f64 = if fraction.is_empty() {
                0.0
            } else {
                format!("0.{fraction}").parse().ok()?
            };
            ms += ((h * 60.0 + m) * 60.0 + s + frac) * 1000.0;
        }
        Some(Datetime(ms))
    }

    /// `"YYYY-MM-DDTHH:MM:SS"` (UTC), as BokehJS's datetime pickers write one and
    /// `<input type="datetime-local">` reads one.
    pub fn iso(self) -> String {
        let c = self.civil();
        format!(
            "{}T{:02}:{:02}:{:02}",
            c.date.iso(),
            c.hour,
            c.minute,
            c.second
        )
    }

    /// The calendar and clock parts (UTC).
    pub fn civil(self) -> Civil {
        let ms = self.0.round() as i64;
        let days = ms.div_euclid(DAY_MS as i64);
        let of_day = ms.rem_euclid(DAY_MS as i64);
        let date = Date::from_days_since_epoch(days);
        let year_start = Date {
            year: date.year,
            month: 1,
            day: 1,
        };
        Civil {
            date,
            hour: (of_day / 3_600_000) as u32,
            minute: (of_day / 60_000 % 60) as u32,
            second: (of_day / 1000 % 60) as u32,
            millisecond: (of_day % 1000) as u32,
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7) as u32,
            day_of_year: (days - year_start.days_since_epoch() + 1) as u32,
        }
    }

    /// The day it falls on (UTC).
    pub fn date(self) -> Date {
        self.civil().date
    }
}

impl Time {
    /// Reads `"HH:MM"` or `"HH:MM:SS"` (a fraction of a second too).
    pub fn parse(text: &str) -> Option<Time> {
        // A clock on the first day of the epoch: Datetime's parser reads it.
        let ms = Datetime::parse(&format!("1970-01-01T{}", text.trim()))?.0;
        (text.trim().len() >= 5).then_some(Time(ms))
    }

    /// `"HH:MM:SS"`, as BokehJS's time picker writes one and `<input type="time">` reads
    /// one.
    pub fn hms(self) -> String {
        let c = Datetime(self.0.rem_euclid(DAY_MS)).civil();
        format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second)
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A number of milliseconds, or an ISO string as Python may send.
impl PropType for Datetime {
    const KIND: Kind = Kind::Either(&[Kind::Number, Kind::String]);
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Float(self.0)
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Datetime> {
        match v {
            Value::Str(s) => Datetime::parse(s),
            v => v.as_f64().map(Datetime),
        }
    }
}

/// Written as `"HH:MM:SS"`, as BokehJS writes a time; milliseconds since midnight (as
/// Python writes one) are read too.
impl PropType for Time {
    const KIND: Kind = Kind::Either(&[Kind::Number, Kind::String]);
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Str(self.hms())
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Time> {
        match v {
            Value::Str(s) => Time::parse(s),
            v => v.as_f64().map(Time),
        }
    }
}

/// Written as `"YYYY-MM-DD"`, as Python writes a date; milliseconds are read too.
impl PropType for Date {
    const KIND: Kind = Kind::Either(&[Kind::Number, Kind::String]);
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Str(self.iso())
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<Date> {
        match v {
            Value::Str(s) => Date::parse(s),
            v => v.as_f64().map(|ms| Datetime(ms).date()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_convert_both_ways_across_eras() {
        for days in [-800_000, -1, 0, 1, 59, 60, 365, 10_956, 18_262, 2_932_896] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date:?}");
        }
        assert_eq!(Date::from_days_since_epoch(18_262).iso(), "2020-01-01");
        assert_eq!(
            Date::new(2020, 2, 29).map(Date::iso).as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(Date::new(2021, 2, 29), None);
    }

    #[test]
    fn iso_strings_read_as_python_writes_them() {
        // Python: datetime(2020, 6, 1) → 1590969600000.0
        assert_eq!(
            Datetime::parse("2020-06-01"),
            Some(Datetime(1_590_969_600_000.0))
        );
        assert_eq!(
            Datetime::parse("2020-06-01T01:02:03.5Z"),
            Some(Datetime(1_590_969_600_000.0 + 3_723_500.0))
        );
        assert_eq!(Datetime::parse("2020-13-01"), None);
        assert_eq!(Datetime::parse("2020-06-01T25:00"), None);
        assert_eq!(Date::parse("2020-06-01x"), None);
    }

    #[test]
    fn pickers_write_and_read_times_as_bokehjs_does() {
        // Python: time(10, 30) → 37800000.0; BokehJS's time picker writes "10:30:00".
        assert_eq!(Time::parse("10:30"), Some(Time(37_800_000.0)));
        assert_eq!(
            Time::parse("10:30:15").map(Time::hms).as_deref(),
            Some("10:30:15")
        );
        assert_eq!(Time(37_800_000.0).hms(), "10:30:00");
        assert_eq!((Time::parse("24:00"), Time::parse("7")), (None, None));
        // BokehJS's datetime picker writes "Y-m-dTH:i:S".
        let at = Datetime(1_590_969_600_000.0 + 3_723_500.0);
        assert_eq!(at.iso(), "2020-06-01T01:02:03");
        assert_eq!(Datetime::parse(&at.iso()), Some(Datetime(at.0 - 500.0)));
    }

    #[test]
    fn civil_parts_of_an_instant() {
        let c = Datetime(1_590_969_600_000.0 + 3_723_500.0).civil();
        assert_eq!((c.hour, c.minute, c.second, c.millisecond), (1, 2, 3, 500));
        assert_eq!(c.weekday, 1, "2020-06-01 was a Monday");
        assert_eq!(c.day_of_year, 153);
        let before_epoch = Datetime(-1.0).civil();
        assert_eq!(before_epoch.date.iso(), "1969-12-31");
        assert_eq!(before_epoch.hour, 23);
    }
}
