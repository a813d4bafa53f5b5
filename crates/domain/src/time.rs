//! Time as Lyceum stores it: microseconds since the Unix epoch, UTC.
//!
//! Both database backends store timestamps as a BIGINT in this one form, and
//! "now" always comes from [`Clock`] in Rust, never from the database, so the
//! two backends cannot disagree about time.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A UTC instant with microsecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub const fn from_micros(micros: i64) -> Self {
        Self(micros)
    }

    pub const fn micros(self) -> i64 {
        self.0
    }

    pub fn plus(self, d: Duration) -> Self {
        Self(self.0.saturating_add(duration_micros(d)))
    }

    pub fn minus(self, d: Duration) -> Self {
        Self(self.0.saturating_sub(duration_micros(d)))
    }

    /// Whole seconds from `self` until `later` (zero if `later` is not later).
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        ((later.0 - self.0) / 1_000_000).max(0)
    }

    /// The civil date (year, month, day) in UTC.
    pub fn utc_date(self) -> (i64, u32, u32) {
        civil_from_days(self.0.div_euclid(86_400_000_000))
    }

    /// The same time of day `months` calendar months later, in UTC; a day
    /// the month lacks becomes its last (31 January + 1 month = 28 or 29
    /// February).
    pub fn plus_months(self, months: u32) -> Timestamp {
        let (y, m, d) = self.utc_date();
        let since_midnight = self.0.rem_euclid(86_400_000_000);
        let total = y * 12 + i64::from(m) - 1 + i64::from(months);
        let (year, month) = (
            total.div_euclid(12),
            u32::try_from(total.rem_euclid(12)).unwrap_or(0) + 1,
        );
        let day = d.min(days_in_month(u32::try_from(year).unwrap_or(0), month));
        let date = Date {
            year: u16::try_from(year).unwrap_or(u16::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        };
        Timestamp(date.start().0 + since_midnight)
    }

    /// The civil date in UTC, as a [`Date`] (its `Display` is `YYYY-MM-DD`).
    pub fn date(self) -> Date {
        let (y, m, d) = self.utc_date();
        Date {
            year: u16::try_from(y).unwrap_or(u16::MAX),
            month: u8::try_from(m).unwrap_or(1),
            day: u8::try_from(d).unwrap_or(1),
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, for exports and logs.
    pub fn to_rfc3339(self) -> String {
        let (y, m, d) = self.utc_date();
        let secs = self.0.div_euclid(1_000_000).rem_euclid(86_400);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

fn duration_micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The source of "now". Real time plus an offset that only tests move,
/// so expiry rules can be tested without sleeping.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_micros: Arc<AtomicI64>,
}

impl Clock {
    pub fn system() -> Self {
        Self::default()
    }

    pub fn now(&self) -> Timestamp {
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO);
        Timestamp(duration_micros(since) + self.offset_micros.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every clone of it) forward. For tests.
    pub fn advance(&self, d: Duration) {
        self.offset_micros
            .fetch_add(duration_micros(d), Ordering::Relaxed);
    }
}

/// A calendar date (`YYYY-MM-DD`): OneRoster's `beginDate`, the day an
/// outside PD activity was completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Exactly `YYYY-MM-DD`, a real day of the Gregorian calendar.
    pub fn parse(value: &str) -> Option<Self> {
        let b = value.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    pub(crate) fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl Date {
    /// Midnight UTC at the start of the day.
    pub fn start(self) -> Timestamp {
        Timestamp::from_micros(self.days_since_epoch() * 86_400_000_000)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub(crate) fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    b.get(at..at + len)?.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_on_the_calendar() {
        let at = |d: &str| {
            Date::parse(d)
                .unwrap()
                .start()
                .plus(Duration::from_secs(3_600))
        };
        assert_eq!(at("2026-01-31").plus_months(1), at("2026-02-28"));
        assert_eq!(at("2028-01-31").plus_months(1), at("2028-02-29"));
        assert_eq!(at("2026-11-26").plus_months(12), at("2027-11-26"));
        assert_eq!(at("2026-11-26").plus_months(2), at("2027-01-26"));
        assert_eq!(at("2026-11-26").plus_months(0), at("2026-11-26"));
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00Z");
        // 2026-11-25T20:23:43Z
        assert_eq!(
            Timestamp(1_795_638_223_000_000).to_rfc3339(),
            "2026-11-25T20:23:43Z"
        );
        assert_eq!(Timestamp(951_782_400_000_000).utc_date(), (2000, 2, 29));
    }

    #[test]
    fn clock_advances_for_every_clone() {
        let clock = Clock::system();
        let other = clock.clone();
        let before = other.now();
        clock.advance(Duration::from_secs(3600));
        assert!(other.now().micros() - before.micros() >= 3_600_000_000);
    }
}
