//! Time as Lyceum stores it: microseconds since the Unix epoch, UTC; and
//! how people read it: calendar dates and wall clocks in an IANA time zone,
//! computed by `jiff` with the time-zone database compiled in.
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

    /// The instant as jiff sees it; instants beyond jiff's range (years
    /// ±9999) are clamped to its ends.
    pub fn to_jiff(self) -> jiff::Timestamp {
        jiff::Timestamp::from_microsecond(self.0).unwrap_or(if self.0 < 0 {
            jiff::Timestamp::MIN
        } else {
            jiff::Timestamp::MAX
        })
    }

    pub fn from_jiff(at: jiff::Timestamp) -> Self {
        Self(at.as_microsecond())
    }

    /// The instant on the wall clocks of `zone`.
    pub fn in_zone(self, zone: &TimeZone) -> jiff::Zoned {
        self.to_jiff().to_zoned(zone.jiff().clone())
    }

    /// The calendar date it is in `zone` at this instant.
    pub fn date_in(self, zone: &TimeZone) -> Date {
        Date(self.in_zone(zone).date())
    }

    /// The same wall-clock time `months` calendar months later in `zone`;
    /// a day the month lacks becomes its last (31 January + 1 month = 28 or
    /// 29 February), and a time a DST change skips moves forward.
    pub fn plus_months(self, months: u32, zone: &TimeZone) -> Timestamp {
        let span = jiff::Span::new().months(i64::from(months.min(1_200)));
        self.in_zone(zone)
            .checked_add(span)
            .map_or(Timestamp(i64::MAX), |z| Self::from_jiff(z.timestamp()))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds), for exports, logs and
    /// the JSON API.
    pub fn to_rfc3339(self) -> String {
        self.to_jiff().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

fn duration_micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// Where the programme's people are when no organisation above them has
/// said: the zone of the most US educators (the Eastern zone).
pub const PROGRAMME_ZONE: &str = "America/New_York";

/// A checked IANA time zone (`America/Los_Angeles`), known to the time-zone
/// database compiled into the binary — so a zone that works on one machine
/// works on every one, with or without `/usr/share/zoneinfo`.
#[derive(Debug, Clone)]
pub struct TimeZone {
    name: String,
    zone: jiff::tz::TimeZone,
}

impl TimeZone {
    /// The zone named exactly as the database spells it (case-insensitive
    /// lookup, canonical spelling kept). `None` for unknown names, for
    /// offsets (`+02:00`) and for POSIX rules: only named zones follow a
    /// place through its rule changes.
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim();
        if name.is_empty()
            || name.len() > 64
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
            || !name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        let zone = jiff::tz::db().get(name).ok()?;
        let name = zone.iana_name()?.to_string();
        Some(Self { name, zone })
    }

    /// For a field of a form: `invalid-time-zone` when not a known zone.
    pub fn check(name: &str) -> Result<Self, &'static str> {
        Self::parse(name).ok_or("invalid-time-zone")
    }

    /// [`PROGRAMME_ZONE`].
    pub fn programme() -> Self {
        Self::parse(PROGRAMME_ZONE).unwrap_or_else(Self::utc)
    }

    pub fn utc() -> Self {
        Self {
            name: "UTC".to_string(),
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn jiff(&self) -> &jiff::tz::TimeZone {
        &self.zone
    }

    /// Every zone name the database knows, sorted, for pickers.
    pub fn all_names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .filter(|n| Self::parse(n).is_some())
            .collect();
        names.sort();
        names
    }
}

impl PartialEq for TimeZone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for TimeZone {}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Self::parse(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown time zone {name:?}")))
    }
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
/// outside PD activity was completed, the day an instant falls on in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

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
        Self::new(year, month, day)
    }

    pub fn new(year: u32, month: u32, day: u32) -> Option<Self> {
        jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()
        .map(Self)
    }

    pub fn year(self) -> u16 {
        u16::try_from(self.0.year()).unwrap_or(0)
    }

    pub fn month(self) -> u8 {
        u8::try_from(self.0.month()).unwrap_or(1)
    }

    pub fn day(self) -> u8 {
        u8::try_from(self.0.day()).unwrap_or(1)
    }

    /// The first instant of the day in `zone` (midnight, or the first time
    /// that exists when a DST change skips midnight).
    pub fn start_in(self, zone: &TimeZone) -> Timestamp {
        self.0
            .to_zoned(zone.jiff().clone())
            .and_then(|z| z.start_of_day())
            .map_or(Timestamp(0), |z| Timestamp::from_jiff(z.timestamp()))
    }

    /// The day after this one (`None` past the calendar's end).
    pub fn next_day(self) -> Option<Self> {
        self.0.tomorrow().ok().map(Self)
    }

    /// Noon of the day in `zone`: how a day someone typed (an outside
    /// activity's date) is stored, so the date reads the same in every zone
    /// within eleven hours of theirs.
    pub fn noon_in(self, zone: &TimeZone) -> Timestamp {
        self.0
            .at(12, 0, 0, 0)
            .to_zoned(zone.jiff().clone())
            .map_or(Timestamp(0), |z| Timestamp::from_jiff(z.timestamp()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

pub(crate) fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    b.get(at..at + len)?.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::parse(name).unwrap()
    }

    /// An RFC 3339 instant, as a [`Timestamp`].
    fn at(s: &str) -> Timestamp {
        Timestamp::from_jiff(s.parse().unwrap())
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        let utc = TimeZone::utc();
        let at = |d: &str| {
            Date::parse(d)
                .unwrap()
                .start_in(&utc)
                .plus(Duration::from_secs(3_600))
        };
        assert_eq!(at("2026-01-31").plus_months(1, &utc), at("2026-02-28"));
        assert_eq!(at("2028-01-31").plus_months(1, &utc), at("2028-02-29"));
        assert_eq!(at("2026-11-26").plus_months(12, &utc), at("2027-11-26"));
        assert_eq!(at("2026-11-26").plus_months(2, &utc), at("2027-01-26"));
        assert_eq!(at("2026-11-26").plus_months(0, &utc), at("2026-11-26"));
    }

    #[test]
    fn months_keep_the_wall_clock_across_dst() {
        // 15 January 2026, 9:00 am in New York (EST, UTC-5), plus six
        // months: 15 July 2026, 9:00 am (EDT, UTC-4) — an hour less of UTC.
        let ny = zone("America/New_York");
        let jan = at("2026-01-15T14:00:00Z");
        assert_eq!(jan.plus_months(6, &ny), at("2026-07-15T13:00:00Z"));
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp(1_795_638_223_000_000).to_rfc3339(),
            "2026-11-25T20:23:43Z"
        );
        assert_eq!(
            Timestamp(951_782_400_000_000)
                .date_in(&TimeZone::utc())
                .to_string(),
            "2000-02-29"
        );
    }

    #[test]
    fn the_evening_of_30_june_in_los_angeles_is_1_july_in_utc() {
        let t = at("2026-07-01T03:00:00Z");
        assert_eq!(t.date_in(&TimeZone::utc()).to_string(), "2026-07-01");
        assert_eq!(
            t.date_in(&zone("America/Los_Angeles")).to_string(),
            "2026-06-30"
        );
        let la = t.in_zone(&zone("America/Los_Angeles"));
        assert_eq!(la.strftime("%H:%M %Z").to_string(), "20:00 PDT");
    }

    #[test]
    fn dates_change_at_local_midnight_across_dst() {
        let ny = zone("America/New_York");
        // 8 March 2026: clocks go from 2:00 EST to 3:00 EDT; the day is 23 hours.
        let day = Date::parse("2026-03-08").unwrap();
        let next = Date::parse("2026-03-09").unwrap();
        assert_eq!(day.start_in(&ny), at("2026-03-08T05:00:00Z"));
        assert_eq!(next.start_in(&ny), at("2026-03-09T04:00:00Z"));
        assert_eq!(
            next.start_in(&ny).micros() - day.start_in(&ny).micros(),
            23 * 3_600_000_000
        );
        // 1 November 2026: 2:00 EDT back to 1:00 EST; the day is 25 hours.
        let fall = Date::parse("2026-11-01").unwrap();
        let after = Date::parse("2026-11-02").unwrap();
        assert_eq!(
            after.start_in(&ny).micros() - fall.start_in(&ny).micros(),
            25 * 3_600_000_000
        );
        // 23:30 EST on 1 November is 04:30 UTC on the 2nd.
        assert_eq!(
            at("2026-11-02T04:30:00Z").date_in(&ny).to_string(),
            "2026-11-01"
        );
        assert_eq!(
            at("2026-11-02T04:30:00Z")
                .in_zone(&ny)
                .strftime("%Z")
                .to_string(),
            "EST"
        );
    }

    #[test]
    fn hawaii_and_puerto_rico_keep_one_offset_all_year() {
        for (name, abbr, hours) in [
            ("Pacific/Honolulu", "HST", 10),
            ("America/Puerto_Rico", "AST", 4),
        ] {
            let z = zone(name);
            for utc_noon in ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"] {
                let local = at(utc_noon).in_zone(&z);
                assert_eq!(local.strftime("%Z").to_string(), abbr, "{name}");
                assert_eq!(i64::from(local.hour()), 12 - hours, "{name}");
            }
        }
        // Midnight of 1 July in Honolulu is 10:00 UTC.
        let d = Date::parse("2026-07-01").unwrap();
        assert_eq!(
            d.start_in(&zone("Pacific/Honolulu")),
            at("2026-07-01T10:00:00Z")
        );
        assert_eq!(
            d.noon_in(&zone("America/Puerto_Rico")),
            at("2026-07-01T16:00:00Z")
        );
    }

    #[test]
    fn zones_are_checked_names() {
        assert_eq!(zone("america/los_angeles").name(), "America/Los_Angeles");
        assert_eq!(TimeZone::programme().name(), PROGRAMME_ZONE);
        for bad in [
            "",
            "Mars/Olympus_Mons",
            "America/Nowhere",
            "+02:00",
            "EST5EDT,M3.2.0,M11.1.0",
            "../../etc/passwd",
            "America/New York",
        ] {
            assert_eq!(TimeZone::parse(bad), None, "{bad:?}");
            assert_eq!(TimeZone::check(bad), Err("invalid-time-zone"));
        }
        let names = TimeZone::all_names();
        assert!(names.iter().any(|n| n == "America/Puerto_Rico"));
        assert!(names.windows(2).all(|w| w[0] < w[1]));
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
