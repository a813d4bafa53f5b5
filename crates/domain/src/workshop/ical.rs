//! Workshop sessions as iCalendar (RFC 5545): one session's file, an
//! offering's, and a person's feed. Events, escaping and line folding are
//! the `icalendar` crate's; the time zones (VTIMEZONE, which it does not
//! write) are ours, from jiff's transitions: each transition between a year
//! before the first event and a year after the last is an explicit
//! STANDARD or DAYLIGHT observance, so a calendar needs no zone database of
//! its own to place an event right across a DST change.
//!
//! Pure: the caller decides what each reader may see (the meeting link
//! only for those allowed it) and hands plain [`Event`]s.

use crate::time::{TimeZone, Timestamp};
use icalendar::{Component, EventLike, EventStatus, Property};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

/// Our product identifier, in every file.
pub const PRODID: &str = "-//Lyceum//Workshops//EN";

/// One session as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across every change of the session (its row's `uid`).
    pub uid: String,
    /// Increased on each change that matters to a calendar.
    pub sequence: u32,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    /// The zone the session was planned in: its wall-clock times are given
    /// there (TZID) and the zone is described in a VTIMEZONE.
    pub zone: TimeZone,
    pub summary: String,
    pub description: String,
    /// Venue, room and address, or empty.
    pub location: String,
    /// The meeting link, for readers allowed to see it; or the offering's page.
    pub url: Option<String>,
    pub cancelled: bool,
    pub organizer: Organizer,
}

/// Who organises the events (ORGANIZER, which iTIP, RFC 5546, requires in
/// both PUBLISH and CANCEL): the programme's mailbox, as its emails come
/// from, so a calendar that answers writes to the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organizer {
    /// Shown by calendars (CN); may be empty.
    pub name: String,
    pub address: String,
}

impl Organizer {
    /// From a mailbox as the mail settings write it: `Lyceum
    /// <no-reply@example.org>`, or a bare address.
    pub fn from_mailbox(mailbox: &str) -> Organizer {
        let m = mailbox.trim();
        match m.rsplit_once('<') {
            Some((name, rest)) => Organizer {
                // A parameter value may not hold a double quote at all.
                name: name.trim().replace('"', ""),
                address: rest.trim_end_matches('>').trim().to_string(),
            },
            None => Organizer {
                name: String::new(),
                address: m.to_string(),
            },
        }
    }

    fn property(&self) -> Property {
        let mut p = Property::new("ORGANIZER", format!("mailto:{}", self.address));
        if !self.name.is_empty() {
            p.add_parameter("CN", &self.name);
        }
        p
    }
}

/// What a calendar object asks of the calendar reading it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Publish,
    /// Every event in it is cancelled.
    Cancel,
}

impl Method {
    /// CANCEL when every event is cancelled (a cancelled session's own
    /// file); PUBLISH otherwise, cancelled events marked STATUS:CANCELLED.
    pub fn for_events(events: &[Event]) -> Method {
        if !events.is_empty() && events.iter().all(|e| e.cancelled) {
            Method::Cancel
        } else {
            Method::Publish
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Cancel => "CANCEL",
        }
    }
}

/// A whole calendar object: `name` is shown by calendars that subscribe to
/// it (X-WR-CALNAME); `now` is each event's DTSTAMP.
pub fn calendar(name: &str, events: &[Event], now: Timestamp) -> String {
    let method = Method::for_events(events);
    let mut cal = icalendar::Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", method.as_str()));
    if !name.is_empty() {
        cal.name(name);
    }
    for e in events {
        cal.push(event(e, now));
    }
    let written = cal.to_string();
    // VTIMEZONEs come before the events that name them.
    let zones = timezones(events);
    match written.find("BEGIN:VEVENT\r\n") {
        Some(at) => {
            let mut out = String::with_capacity(written.len() + zones.len());
            out.push_str(&written[..at]);
            out.push_str(&zones);
            out.push_str(&written[at..]);
            out
        }
        None => written,
    }
}

fn event(e: &Event, now: Timestamp) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    ev.uid(&e.uid)
        .sequence(e.sequence)
        .add_property("DTSTAMP", utc(now))
        .append_property(local("DTSTART", e.starts_at, &e.zone))
        .append_property(local("DTEND", e.ends_at, &e.zone))
        .append_property(e.organizer.property())
        .summary(&e.summary);
    if !e.description.is_empty() {
        ev.description(&e.description);
    }
    if !e.location.is_empty() {
        ev.location(&e.location);
    }
    if let Some(url) = &e.url {
        ev.url(url);
    }
    ev.status(if e.cancelled {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    });
    ev.done()
}

/// `20270314T090000`, the wall clock in `zone`, with its TZID.
fn local(key: &str, at: Timestamp, zone: &TimeZone) -> Property {
    let z = at.in_zone(zone);
    let mut p = Property::new(key, z.strftime("%Y%m%dT%H%M%S").to_string());
    p.add_parameter("TZID", zone.name());
    p
}

/// `20261206T195300Z`.
fn utc(at: Timestamp) -> String {
    at.to_jiff().strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A VTIMEZONE for each zone the events use, observances covering a year
/// either side of them.
fn timezones(events: &[Event]) -> String {
    let mut spans: BTreeMap<&str, (&TimeZone, Timestamp, Timestamp)> = BTreeMap::new();
    for e in events {
        let span = spans
            .entry(e.zone.name())
            .or_insert((&e.zone, e.starts_at, e.ends_at));
        span.1 = span.1.min(e.starts_at);
        span.2 = span.2.max(e.ends_at);
    }
    let year = Duration::from_secs(366 * 24 * 3600);
    let mut out = String::new();
    for (zone, from, to) in spans.values() {
        vtimezone(&mut out, zone, from.minus(year), to.plus(year));
    }
    out
}

/// One zone's observances from `from` to `to`: the one in force at `from`,
/// then every transition up to `to`.
fn vtimezone(out: &mut String, zone: &TimeZone, from: Timestamp, to: Timestamp) {
    let tz = zone.jiff();
    let start = from.to_jiff();
    let end = to.to_jiff();
    let _ = write!(out, "BEGIN:VTIMEZONE\r\nTZID:{}\r\n", zone.name());
    // The observance in force at the start: since its transition (or 1970,
    // for a zone that never changes, such as Hawaii's or Puerto Rico's).
    let onset = tz
        .preceding(start)
        .next()
        .map(|t| t.timestamp())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    observance(out, tz, onset);
    for t in tz.following(start) {
        if t.timestamp() > end {
            break;
        }
        observance(out, tz, t.timestamp());
    }
    out.push_str("END:VTIMEZONE\r\n");
}

/// The observance starting at `at`: DTSTART on the wall clock of the
/// offset before it, as RFC 5545 §3.6.5 has it.
fn observance(out: &mut String, tz: &jiff::tz::TimeZone, at: jiff::Timestamp) {
    let info = tz.to_offset_info(at);
    let to = info.offset();
    let before = at
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .map_or(to, |b| tz.to_offset(b));
    let from = if at == jiff::Timestamp::UNIX_EPOCH {
        to
    } else {
        before
    };
    let kind = if info.dst().is_dst() {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    let onset = from.to_datetime(at).strftime("%Y%m%dT%H%M%S").to_string();
    let _ = write!(
        out,
        "BEGIN:{kind}\r\nDTSTART:{onset}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
        offset(from),
        offset(to)
    );
    let name: String = info
        .abbreviation()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'))
        .collect();
    if !name.is_empty() {
        let _ = write!(out, "TZNAME:{name}\r\n");
    }
    let _ = write!(out, "END:{kind}\r\n");
}

/// `-0500`, `+0530` (seconds of old local mean times are dropped).
fn offset(o: jiff::tz::Offset) -> String {
    let secs = o.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Date;
    use crate::workshop::offering::wall_clock;

    fn zone(name: &str) -> TimeZone {
        TimeZone::parse(name).unwrap_or_else(TimeZone::utc)
    }

    fn session(day: &str, hour: u8, zone_name: &str) -> Event {
        let z = zone(zone_name);
        let d = Date::parse(day)
            .unwrap_or_else(|| Date::new(2027, 1, 1).unwrap_or_else(|| unreachable!()));
        Event {
            uid: "k3Rj2mX9qQ".into(),
            sequence: 0,
            starts_at: wall_clock(d, hour, 0, &z),
            ends_at: wall_clock(d, hour + 1, 30, &z),
            zone: z,
            summary: "AI feedback; on writing, part 1".into(),
            description: "Bring a laptop.\nWe start on time: \\ sharp".into(),
            location: "Des Moines Learning Hub, Room 4".into(),
            url: None,
            cancelled: false,
            organizer: Organizer::from_mailbox("Lyceum: Iowa <no-reply@lyceum.example.org>"),
        }
    }

    fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        match parser.next() {
            Some(Ok(cal)) => cal,
            other => panic!("not a calendar: {other:?}\n{text}"),
        }
    }

    fn prop<'a>(
        props: &'a [ical::property::Property],
        name: &str,
    ) -> Option<&'a ical::property::Property> {
        props.iter().find(|p| p.name == name)
    }

    fn value(props: &[ical::property::Property], name: &str) -> String {
        prop(props, name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    }

    /// The instant a parsed local DTSTART with TZID means, read through the
    /// file's own VTIMEZONE (not the zone database).
    fn instant_by_vtimezone(
        cal: &ical::parser::ical::component::IcalCalendar,
        local: &str,
    ) -> jiff::Timestamp {
        let dt: jiff::civil::DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", local)
            .and_then(|p| p.to_datetime())
            .unwrap_or_else(|e| panic!("{local}: {e}"));
        // The last observance whose onset is at or before the local time.
        let tz = &cal.timezones[0];
        let mut best: Option<(jiff::civil::DateTime, String)> = None;
        for t in &tz.transitions {
            let onset: jiff::civil::DateTime =
                jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", value(&t.properties, "DTSTART"))
                    .and_then(|p| p.to_datetime())
                    .unwrap_or_else(|e| panic!("{e}"));
            if onset <= dt && best.as_ref().is_none_or(|(b, _)| onset > *b) {
                best = Some((onset, value(&t.properties, "TZOFFSETTO")));
            }
        }
        let off = best.map(|b| b.1).unwrap_or_default();
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let h: i32 = off[1..3].parse().unwrap_or(0);
        let m: i32 = off[3..5].parse().unwrap_or(0);
        let offset = jiff::tz::Offset::from_seconds(sign * (h * 3600 + m * 60))
            .unwrap_or(jiff::tz::Offset::UTC);
        offset
            .to_timestamp(dt)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn a_session_across_the_new_york_dst_change_keeps_its_instant() {
        // New York springs forward at 02:00 on 14 March 2027: 09:00 that day is EDT.
        let e = session("2027-03-14", 9, "America/New_York");
        let text = calendar("", std::slice::from_ref(&e), Timestamp(0));
        let cal = parse(&text);
        assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
        let ev = &cal.events[0];
        let start = prop(&ev.properties, "DTSTART").unwrap_or_else(|| panic!("{text}"));
        assert_eq!(start.value.as_deref(), Some("20270314T090000"));
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params.contains(&("TZID".into(), vec!["America/New_York".into()])),
            "{params:?}"
        );
        assert_eq!(cal.timezones.len(), 1);
        assert_eq!(
            value(&cal.timezones[0].properties, "TZID"),
            "America/New_York"
        );
        let at = instant_by_vtimezone(&cal, "20270314T090000");
        assert_eq!(at.to_string(), "2027-03-14T13:00:00Z");
        // And the day before, still on standard time.
        assert_eq!(
            instant_by_vtimezone(&cal, "20270313T090000").to_string(),
            "2027-03-13T14:00:00Z"
        );
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"), "{text}");
    }

    #[test]
    fn zones_without_daylight_saving_get_one_standard_observance() {
        for (name, off, utc_start) in [
            ("Pacific/Honolulu", "-1000", "2027-03-14T19:00:00Z"),
            ("America/Puerto_Rico", "-0400", "2027-03-14T13:00:00Z"),
        ] {
            let e = session("2027-03-14", 9, name);
            let cal = parse(&calendar("", &[e], Timestamp(0)));
            let tz = &cal.timezones[0];
            assert_eq!(value(&tz.properties, "TZID"), name);
            assert!(
                tz.transitions
                    .iter()
                    .all(|t| value(&t.properties, "TZOFFSETTO") == off)
            );
            assert!(matches!(
                tz.transitions[0].transition,
                ical::parser::ical::component::IcalTimeZoneTransitionType::STANDARD
            ));
            assert_eq!(
                instant_by_vtimezone(&cal, "20270314T090000").to_string(),
                utc_start
            );
        }
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        let mut e = session("2027-01-20", 16, "America/Chicago");
        e.description = format!("{}\nLine two; with, commas", "Long words ".repeat(20));
        let text = calendar("My workshops", &[e], Timestamp(0));
        assert!(text.lines().all(|l| l.len() <= 75), "{text}");
        assert!(text.split("\r\n").all(|l| !l.contains('\n')));
        let cal = parse(&text);
        let ev = &cal.events[0];
        assert_eq!(
            value(&ev.properties, "SUMMARY"),
            "AI feedback\\; on writing\\, part 1"
        );
        assert!(value(&ev.properties, "DESCRIPTION").ends_with("\\nLine two\\; with\\, commas"));
        assert_eq!(value(&cal.properties, "X-WR-CALNAME"), "My workshops");
        assert_eq!(value(&ev.properties, "DTSTAMP"), "19700101T000000Z");
    }

    #[test]
    fn a_cancelled_session_is_a_cancel_with_its_uid_and_sequence() {
        let mut e = session("2027-01-20", 16, "America/Chicago");
        e.cancelled = true;
        e.sequence = 3;
        let cal = parse(&calendar("", &[e.clone()], Timestamp(0)));
        assert_eq!(value(&cal.properties, "METHOD"), "CANCEL");
        let ev = &cal.events[0];
        assert_eq!(value(&ev.properties, "STATUS"), "CANCELLED");
        assert_eq!(value(&ev.properties, "UID"), e.uid);
        assert_eq!(value(&ev.properties, "SEQUENCE"), "3");
        // Beside a session still on, it is published as cancelled.
        let on = session("2027-01-27", 16, "America/Chicago");
        let cal = parse(&calendar("", &[e, on], Timestamp(0)));
        assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
        assert_eq!(value(&cal.events[1].properties, "STATUS"), "CONFIRMED");
        assert_eq!(cal.timezones.len(), 1);
    }

    #[test]
    fn every_event_names_its_organizer_as_itip_requires() {
        let mut e = session("2027-01-20", 16, "America/Chicago");
        let cal = parse(&calendar("", std::slice::from_ref(&e), Timestamp(0)));
        let organizer = prop(&cal.events[0].properties, "ORGANIZER").expect("ORGANIZER");
        assert_eq!(
            organizer.value.as_deref(),
            Some("mailto:no-reply@lyceum.example.org")
        );
        // The name holds a colon: quoted, and read back whole.
        assert_eq!(
            organizer.params.clone().unwrap_or_default(),
            vec![("CN".to_string(), vec!["Lyceum: Iowa".to_string()])]
        );
        // A cancellation names it too.
        e.cancelled = true;
        let cal = parse(&calendar("", &[e], Timestamp(0)));
        assert_eq!(value(&cal.properties, "METHOD"), "CANCEL");
        assert!(prop(&cal.events[0].properties, "ORGANIZER").is_some());
        // A bare address, and a name with quotes in it.
        assert_eq!(
            Organizer::from_mailbox(" no-reply@x.org "),
            Organizer {
                name: String::new(),
                address: "no-reply@x.org".into()
            }
        );
        assert_eq!(
            Organizer::from_mailbox("\"Lyceum\" <a@x.org>").name,
            "Lyceum"
        );
    }

    #[test]
    fn the_meeting_link_is_there_only_when_given() {
        let mut e = session("2027-01-20", 16, "America/Chicago");
        let cal = parse(&calendar("", std::slice::from_ref(&e), Timestamp(0)));
        assert!(prop(&cal.events[0].properties, "URL").is_none());
        e.url = Some("https://meet.example.org/abc?x=1".into());
        let cal = parse(&calendar("", &[e], Timestamp(0)));
        assert_eq!(
            value(&cal.events[0].properties, "URL"),
            "https://meet.example.org/abc?x=1"
        );
    }
}
