//! Log lines as Bokeh writes them: `2026-11-25 20:38:21,123 message`, on stderr.

use std::time::{SystemTime, UNIX_EPOCH};

/// Writes one log line with the current UTC time.
pub(crate) fn line(message: std::fmt::Arguments<'_>) {
    eprintln!("{} {message}", timestamp(SystemTime::now()));
}

/// `log!("…", args)` writes one timestamped line.
macro_rules! log {
    ($($arg:tt)*) => { $crate::server::log::line(format_args!($($arg)*)) };
}
pub(crate) use log;

/// `YYYY-MM-DD HH:MM:SS,mmm` in UTC (the machines this runs on keep UTC).
fn timestamp(now: SystemTime) -> String {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02},{:03}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// Days since 1970-01-01 to a (year, month, day), Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_like_pythons_logging() {
        let t = UNIX_EPOCH + Duration::from_millis(1_795_634_977_123);
        assert_eq!(timestamp(t), "2026-11-25 19:29:37,123");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01 00:00:00,000");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(&timestamp(leap)[..10], "2000-02-29");
    }
}
