//! The value types of OneRoster's CSV binding: status, booleans, dates,
//! date-times and comma-separated lists.

use crate::time::{Date, TimeZone, Timestamp, digits};

crate::code_enum! {
    /// A record's fate in a delta file. Bulk files leave it blank.
    pub enum Status: "oneroster-status" {
        Active = "active",
        ToBeDeleted = "tobedeleted",
    }
}

/// Finds the variant whose code is `value`, ignoring ASCII case: OneRoster
/// spells its vocabularies in one case, but spreadsheets and hand-made files
/// often do not, and no two codes differ only by case.
pub(crate) fn parse_code<T: Copy + 'static>(
    all: &'static [T],
    code: fn(T) -> &'static str,
    value: &str,
) -> Option<T> {
    all.iter()
        .copied()
        .find(|v| code(*v).eq_ignore_ascii_case(value))
}

/// `true` or `false`, in any case (spreadsheets write `TRUE`).
pub(crate) fn parse_bool(value: &str) -> Option<bool> {
    if value.eq_ignore_ascii_case("true") {
        Some(true)
    } else if value.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The non-blank, trimmed items of a comma-separated list in one field.
pub(crate) fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// An ISO 8601 date and time with a zone, as in `dateLastModified`:
/// `2026-09-01T12:00:00Z`, `2026-09-01T12:00:00.123Z`,
/// `2026-09-01T14:00:00+02:00`. Precision beyond microseconds is dropped.
/// A time without a zone is refused: it would be read differently by
/// different systems.
pub(crate) fn parse_datetime(value: &str) -> Option<Timestamp> {
    let b = value.as_bytes();
    let date = Date::parse(value.get(..10)?)?;
    if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut i = 19;
    let mut micros: i64 = 0;
    if b.get(i) == Some(&b'.') {
        let count = b
            .get(i + 1..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if count == 0 || count > 9 {
            return None;
        }
        for place in 0..6 {
            let d = if place < count {
                i64::from(digits(b, i + 1 + place, 1)?)
            } else {
                0
            };
            micros = micros * 10 + d;
        }
        i += 1 + count;
    }
    let offset_seconds: i64 = match b.get(i) {
        Some(b'Z') => {
            i += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            let (oh, om) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
            if b.get(i + 3) != Some(&b':') || oh > 23 || om > 59 {
                return None;
            }
            let seconds = i64::from(oh * 3600 + om * 60);
            i += 6;
            if *sign == b'+' { seconds } else { -seconds }
        }
        _ => return None,
    };
    if i != b.len() {
        return None;
    }
    let midnight = date.start_in(&TimeZone::utc()).micros() / 1_000_000;
    let seconds = midnight + i64::from(hour * 3600 + minute * 60 + second) - offset_seconds;
    Some(Timestamp::from_micros(seconds * 1_000_000 + micros))
}

/// The number written in ASCII digits at `b[at..at + len]`.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
        assert_eq!(d.to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01T00:00:00Z",
            "２０２６-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2026-01-31") < Date::parse("2026-02-01"));
    }

    #[test]
    fn datetimes() {
        let at = |s| parse_datetime(s).map(|t| t.to_rfc3339());
        assert_eq!(
            at("2026-09-01T12:00:00Z").as_deref(),
            Some("2026-09-01T12:00:00Z")
        );
        assert_eq!(
            at("2026-09-01T14:30:00+02:30").as_deref(),
            Some("2026-09-01T12:00:00Z")
        );
        assert_eq!(
            at("2026-08-31T23:00:00-01:00").as_deref(),
            Some("2026-09-01T00:00:00Z")
        );
        assert_eq!(
            at("1970-01-01T00:00:00Z").as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
        assert_eq!(
            parse_datetime("1970-01-01T00:00:01.1234567Z").map(Timestamp::micros),
            Some(1_123_456)
        );
        assert_eq!(
            parse_datetime("1970-01-01T00:00:00.5Z").map(Timestamp::micros),
            Some(500_000)
        );
        for bad in [
            "2026-09-01",
            "2026-09-01T12:00:00",
            "2026-09-01 12:00:00Z",
            "2026-09-01T24:00:00Z",
            "2026-09-01T12:60:00Z",
            "2026-09-01T12:00:00.Z",
            "2026-09-01T12:00:00.1234567890Z",
            "2026-09-01T12:00:00+0200",
            "2026-09-01T12:00:00Zjunk",
            "2026-02-30T12:00:00Z",
            "yesterday",
        ] {
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn booleans_codes_and_lists() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("false"), Some(false));
        assert_eq!(parse_bool("yes"), None);
        assert_eq!(
            parse_code(Status::ALL, Status::as_str, "ToBeDeleted"),
            Some(Status::ToBeDeleted)
        );
        assert_eq!(parse_code(Status::ALL, Status::as_str, "inactive"), None);
        assert_eq!(
            list_items(" 09, 10,,11 ,").collect::<Vec<_>>(),
            vec!["09", "10", "11"]
        );
        assert_eq!(list_items("").count(), 0);
    }
}
