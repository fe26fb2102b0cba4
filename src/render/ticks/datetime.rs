//! Date and time ticks (milliseconds since the epoch, UTC) as BokehJS's DatetimeTicker
//! places them: the composite of adaptive tickers for sub-day intervals, days of the
//! month, months of the year and nice years, whichever interval fits the span best.

use crate::document::AnyId;

use super::super::read::Reader;
use super::super::RenderError;
use super::{count, Adaptive, Ticker, TickerView, Ticks};

pub const ONE_MILLI: f64 = 1.0;
pub const ONE_SECOND: f64 = 1000.0;
pub const ONE_MINUTE: f64 = 60.0 * ONE_SECOND;
pub const ONE_HOUR: f64 = 60.0 * ONE_MINUTE;
pub const ONE_DAY: f64 = 24.0 * ONE_HOUR;
/// An approximation, as BokehJS's.
pub const ONE_MONTH: f64 = 30.0 * ONE_DAY;
pub const ONE_YEAR: f64 = 365.0 * ONE_DAY;

/// DaysTicker: the given days of each month.
struct Days(Vec<i64>);

/// MonthsTicker: the first day of the given months (0-based).
struct Months(Vec<i64>);

/// YearsTicker: nice years, so many desired.
struct Years(usize);

/// DatetimeTicker or CompositeTicker: whichever of its tickers fits the span best.
struct Composite {
    tickers: Vec<Ticker>,
    desired_num_ticks: usize,
}

impl TickerView for Days {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        days(&self.0, low, high)
    }

    fn interval_limits(&self) -> (f64, f64) {
        spacing(&self.0, ONE_DAY, 31.0)
    }
}

impl TickerView for Months {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        months(&self.0, low, high)
    }

    fn interval_limits(&self) -> (f64, f64) {
        spacing(&self.0, ONE_MONTH, 12.0)
    }
}

/// The interval limits of a ticker at listed days or months: the gap between the first
/// two, in `unit`s, else `lone` of them.
fn spacing(at: &[i64], unit: f64, lone: f64) -> (f64, f64) {
    let i = match at {
        [a, b, ..] => (b - a) as f64 * unit,
        _ => lone * unit,
    };
    (i, i)
}

impl TickerView for Years {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        years(self.0, low, high)
    }

    fn interval_limits(&self) -> (f64, f64) {
        (ONE_YEAR, ONE_YEAR)
    }

    fn ticks_with(&self, low: f64, high: f64, desired: usize) -> Ticks {
        years(desired, low, high)
    }
}

impl TickerView for Composite {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        composite(&self.tickers, self.desired_num_ticks, low, high)
    }

    fn interval_limits(&self) -> (f64, f64) {
        self.tickers
            .first()
            .map_or((0.0, 0.0), Ticker::interval_limits)
    }
}

/// A DaysTicker model.
pub(crate) fn read_days(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Days(r.get(t, "days")?))))
}

/// A MonthsTicker model.
pub(crate) fn read_months(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Months(r.get(t, "months")?))))
}

/// A YearsTicker model.
pub(crate) fn read_years(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Years(count(
        r,
        t,
        "desired_num_ticks",
    )?))))
}

/// A DatetimeTicker or CompositeTicker model (without tickers: Bokeh's datetime ones).
pub(crate) fn read_composite(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    let tickers = r.refs(t, "tickers")?;
    let tickers = if tickers.is_empty() {
        standard_tickers()
    } else {
        tickers
            .into_iter()
            .map(|t| Ticker::read(r, t))
            .collect::<Result<_, _>>()?
    };
    Ok(Ticker::Viewed(Box::new(Composite {
        tickers,
        desired_num_ticks: count(r, t, "desired_num_ticks")?,
    })))
}

/// A datetime axis' ticker when it names none.
pub(crate) fn standard() -> Ticker {
    Ticker::Viewed(Box::new(Composite {
        tickers: standard_tickers(),
        desired_num_ticks: 6,
    }))
}

/// Bokeh's DatetimeTicker's own tickers.
fn standard_tickers() -> Vec<Ticker> {
    let of_days = |days: Vec<i64>| Ticker::Viewed(Box::new(Days(days)));
    let of_months = |months: Vec<i64>| Ticker::Viewed(Box::new(Months(months)));
    let adaptive = |mantissas: &[f64], base, min_interval, max_interval| {
        Ticker::Adaptive(Adaptive {
            mantissas: mantissas.to_vec(),
            base,
            min_interval,
            max_interval: Some(max_interval),
            num_minor_ticks: 0,
            desired_num_ticks: 6,
        })
    };
    vec![
        adaptive(&[1.0, 2.0, 5.0], 10.0, 0.0, 500.0 * ONE_MILLI),
        adaptive(
            &[1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0],
            60.0,
            ONE_SECOND,
            30.0 * ONE_MINUTE,
        ),
        adaptive(
            &[1.0, 2.0, 4.0, 6.0, 8.0, 12.0],
            24.0,
            ONE_HOUR,
            12.0 * ONE_HOUR,
        ),
        of_days((1..32).collect()),
        of_days((1..31).step_by(3).collect()),
        of_days(vec![1, 8, 15, 22]),
        of_days(vec![1, 15]),
        of_months((0..12).collect()),
        of_months((0..12).step_by(2).collect()),
        of_months((0..12).step_by(4).collect()),
        of_months((0..12).step_by(6).collect()),
        Ticker::Viewed(Box::new(Years(6))),
    ]
}

/// The first index whose value is not below `value` (BokehJS's `sorted_index`).
fn sorted_index(values: &[f64], value: f64) -> usize {
    values.partition_point(|v| *v < value)
}

/// CompositeTicker: the ticks of the ticker whose interval fits `low..high` best.
fn composite(tickers: &[Ticker], desired: usize, low: f64, high: f64) -> Ticks {
    let Some(first) = tickers.first() else {
        return Ticks::default();
    };
    let span = high - low;
    let best = if span == 0.0 {
        first
    } else {
        let ideal = span / desired.max(1) as f64;
        let mins: Vec<f64> = tickers.iter().map(|t| t.interval_limits().0).collect();
        let maxs: Vec<f64> = tickers.iter().map(|t| t.interval_limits().1).collect();
        let lo = sorted_index(&mins, ideal).checked_sub(1);
        let hi = sorted_index(&maxs, ideal);
        let error = |iv: Option<f64>| iv.map_or(f64::NAN, |iv| (desired as f64 - span / iv).abs());
        let e_lo = error(lo.and_then(|i| mins.get(i).copied()));
        let e_hi = error(maxs.get(hi).copied());
        // argmin skipping NaN, the first on ties.
        let pick = match (e_lo.is_nan(), e_hi.is_nan()) {
            (true, true) => None,
            (false, true) => lo,
            (true, false) => Some(hi),
            (false, false) => {
                if e_hi < e_lo {
                    Some(hi)
                } else {
                    lo
                }
            }
        };
        pick.and_then(|i| tickers.get(i)).unwrap_or(first)
    };
    best.ticks_with(low, high, desired)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month 1..=12, day) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The (year, month 1..=12) of a time in ms.
fn year_month(t: f64) -> (i64, i64) {
    let (y, m, _) = civil_from_days((t / ONE_DAY).floor() as i64);
    (y, m)
}

fn ms(days: i64) -> f64 {
    days as f64 * ONE_DAY
}

/// DaysTicker: the given days of each month from the month of `low` to the one after
/// `high`'s.
fn days(days: &[i64], low: f64, high: f64) -> Ticks {
    let interval = match days {
        [a, b, ..] => (b - a) as f64 * ONE_DAY,
        _ => 31.0 * ONE_DAY,
    };
    let (mut y, mut m) = year_month(low);
    let (ey, em) = year_month(high);
    let end = if em == 12 { (ey + 1, 1) } else { (ey, em + 1) };
    let mut major = Vec::new();
    // At most a century of months: past that, days are not the ticker that fits.
    for _ in 0..1200 {
        if (y, m) > end {
            break;
        }
        let first = days_from_civil(y, m, 1);
        for &d in days {
            let t = ms(first + d - 1);
            let (_, month) = year_month(t + interval / 2.0);
            if month == m && low <= t && t <= high {
                major.push(t);
            }
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    Ticks {
        major,
        minor: Vec::new(),
    }
}

/// MonthsTicker: the first day of the given months (0-based) of each year from `low`'s
/// year to the one after `high`'s.
fn months(months: &[i64], low: f64, high: f64) -> Ticks {
    let (y0, _) = year_month(low);
    let (y1, _) = year_month(high);
    let mut major = Vec::new();
    for y in y0..=(y1 + 1).min(y0 + 1000) {
        for &m in months {
            let t = ms(days_from_civil(y, m + 1, 1));
            if low <= t && t <= high {
                major.push(t);
            }
        }
    }
    Ticks {
        major,
        minor: Vec::new(),
    }
}

/// YearsTicker: nice years (a BasicTicker over year numbers), on January 1st.
fn years(desired: usize, low: f64, high: f64) -> Ticks {
    let (y0, _) = year_month(low);
    let (y1, _) = year_month(high);
    let basic = Adaptive {
        desired_num_ticks: desired,
        num_minor_ticks: 0,
        ..Adaptive::default()
    };
    let years = if y0 == y1 {
        Vec::new()
    } else {
        basic.ticks(y0 as f64, y1 as f64).major
    };
    Ticks {
        major: years
            .into_iter()
            .map(|y| ms(days_from_civil(y as i64, 1, 1)))
            .filter(|t| low <= *t && *t <= high)
            .collect(),
        minor: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-1000, -1, 0, 59, 11_016, 20_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn a_month_of_days_gets_weekly_ticks() {
        let low = ms(days_from_civil(2024, 3, 1));
        let high = ms(days_from_civil(2024, 3, 31));
        let t = standard().ticks(low, high);
        let dates: Vec<(i64, i64, i64)> = t
            .major
            .iter()
            .map(|&t| civil_from_days((t / ONE_DAY) as i64))
            .collect();
        assert_eq!(
            dates,
            [(2024, 3, 1), (2024, 3, 8), (2024, 3, 15), (2024, 3, 22)]
        );
    }

    #[test]
    fn decades_get_year_ticks() {
        let low = ms(days_from_civil(1990, 6, 1));
        let high = ms(days_from_civil(2021, 6, 1));
        let t = standard().ticks(low, high);
        let years: Vec<i64> = t
            .major
            .iter()
            .map(|&t| civil_from_days((t / ONE_DAY) as i64).0)
            .collect();
        assert_eq!(years, [1995, 2000, 2005, 2010, 2015, 2020]);
    }
}
