//! What an admin plans: an offering and its sessions, as typed on the form
//! or sent to the API, checked into an [`OfferingPlan`]. Session times are
//! typed as a date and wall-clock times in a named zone (how people plan a
//! session) and stored as instants.

use super::Mode;
use crate::i18n::Lang;
use crate::time::{Date, TimeZone, Timestamp};
use crate::validation::{FieldError, Invalid, required_text};
use std::time::Duration;

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 5_000;
pub const MAX_PLACE: usize = 300;
pub const MAX_URL: usize = 2_000;
pub const MAX_CAPACITY: u32 = 100_000;
/// Most sessions one offering holds.
pub const MAX_SESSIONS: usize = 60;
/// A session lasts at most this long.
pub const MAX_SESSION: Duration = Duration::from_secs(12 * 3600);
/// Reminders go at most a week before a session.
pub const MAX_REMINDER_MINUTES: u32 = 7 * 24 * 60;
/// PD hours an offering gives, at most.
pub const MAX_PD_HOURS: u32 = crate::course::MAX_PD_HOURS;

/// One session as typed: a date, start and end times on that date's wall
/// clock in `time_zone`, and where it is held.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct SessionInput {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// `HH:MM`, 24-hour.
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub meeting_url: String,
}

/// A checked session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub zone: String,
    pub mode: Mode,
    pub venue: String,
    pub address: String,
    pub room: String,
    pub meeting_url: String,
}

/// The offering as typed (fields of the form; the API sends the same).
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct OfferingInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// `en` or `es`.
    #[serde(default)]
    pub language: String,
    /// Hours, `1.5` or `1,5`; in quarter hours once checked.
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub capacity: String,
    /// Registration opens and closes on these dates (`YYYY-MM-DD`, in the
    /// first session's zone): opens at the start of the day, closes at its end.
    #[serde(default)]
    pub registration_opens: String,
    #[serde(default)]
    pub registration_closes: String,
    /// `true`/`on` when an admin confirms each seat.
    #[serde(default)]
    pub needs_approval: bool,
    /// Share of sessions attended for credit, 0 to 100.
    #[serde(default)]
    pub credit_min_percent: String,
    /// For a cohort run of a course: the course must also be completed.
    #[serde(default)]
    pub credit_needs_course: bool,
    /// Minutes before each session (empty: the default; 0: none).
    #[serde(default)]
    pub remind_first_minutes: String,
    #[serde(default)]
    pub remind_second_minutes: String,
    #[serde(default)]
    pub sessions: Vec<SessionInput>,
}

/// A checked offering plan (who organises it, its course, audience,
/// facilitators and competencies are checked against the database by the
/// caller: they are organisations and people, not text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferingPlan {
    pub title: String,
    pub description: String,
    pub language: Lang,
    pub quarter_hours: u32,
    pub capacity: u32,
    pub registration_opens_at: Timestamp,
    pub registration_closes_at: Timestamp,
    pub needs_approval: bool,
    pub credit_min_percent: u32,
    pub credit_needs_course: bool,
    pub remind_first_minutes: u32,
    pub remind_second_minutes: u32,
    /// In order of start.
    pub sessions: Vec<SessionPlan>,
}

impl OfferingPlan {
    pub fn starts_at(&self) -> Timestamp {
        self.sessions
            .iter()
            .map(|s| s.starts_at)
            .min()
            .unwrap_or(Timestamp(0))
    }

    pub fn ends_at(&self) -> Timestamp {
        self.sessions
            .iter()
            .map(|s| s.ends_at)
            .max()
            .unwrap_or(Timestamp(0))
    }
}

/// Default reminders: a day and an hour before.
pub const DEFAULT_REMIND_FIRST: u32 = 24 * 60;
pub const DEFAULT_REMIND_SECOND: u32 = 60;
pub const DEFAULT_CREDIT_PERCENT: u32 = 80;

impl OfferingInput {
    /// Checks everything typed, reporting every problem: fields by name,
    /// a session's as `sessions-<n>-<field>` (from 1). `now` bounds nothing
    /// (an admin may record a past workshop) but an offering's window must
    /// open before it closes.
    pub fn validate(&self) -> Result<OfferingPlan, Invalid> {
        let mut errors = Invalid::new();
        let title = errors.check("title", required_text(&self.title, MAX_TITLE));
        let description = match self.description.trim() {
            d if d.chars().count() > MAX_DESCRIPTION => {
                errors.push(
                    FieldError::new("description", "too-long").with_arg("max", MAX_DESCRIPTION),
                );
                None
            }
            d => Some(d.replace("\r\n", "\n")),
        };
        let language = match Lang::parse(self.language.trim()) {
            Some(l) => Some(l),
            None => {
                errors.add("language", "choose-one");
                None
            }
        };
        let quarter_hours = errors.check("hours", parse_hours(&self.hours));
        let capacity = errors.check(
            "capacity",
            whole(&self.capacity, 1, MAX_CAPACITY, "capacity-invalid"),
        );
        let credit_min_percent = match self.credit_min_percent.trim() {
            "" => Some(DEFAULT_CREDIT_PERCENT),
            t => errors.check("credit_min_percent", whole(t, 0, 100, "percent-invalid")),
        };
        let remind_first_minutes = errors.check(
            "remind_first_minutes",
            reminder(&self.remind_first_minutes, DEFAULT_REMIND_FIRST),
        );
        let remind_second_minutes = errors.check(
            "remind_second_minutes",
            reminder(&self.remind_second_minutes, DEFAULT_REMIND_SECOND),
        );

        if self.sessions.is_empty() {
            errors.add("sessions", "sessions-required");
        } else if self.sessions.len() > MAX_SESSIONS {
            errors.push(FieldError::new("sessions", "too-many").with_arg("max", MAX_SESSIONS));
        }
        let mut sessions: Vec<SessionPlan> = self
            .sessions
            .iter()
            .take(MAX_SESSIONS)
            .enumerate()
            .filter_map(|(i, s)| s.validate(&format!("sessions-{}", i + 1), &mut errors))
            .collect();
        sessions.sort_by_key(|s| s.starts_at);

        // The window is typed as dates on the first session's calendar.
        let zone = sessions
            .first()
            .and_then(|s| TimeZone::parse(&s.zone))
            .unwrap_or_else(TimeZone::programme);
        let opens = errors.check("registration_opens", date(&self.registration_opens));
        let closes = errors.check("registration_closes", date(&self.registration_closes));
        let window = match (opens, closes) {
            (Some(o), Some(c)) if c < o => {
                errors.add("registration_closes", "closes-before-opens");
                None
            }
            (Some(o), Some(c)) => Some((o.start_in(&zone), end_of_day(c, &zone))),
            _ => None,
        };
        let last_end = sessions.iter().map(|s| s.ends_at).max();
        if let (Some((_, closes_at)), Some(last_end)) = (window, last_end)
            && closes_at > last_end.plus(Duration::from_secs(24 * 3600))
        {
            errors.add("registration_closes", "closes-after-last-session");
        }

        errors.into_result()?;
        match (
            title,
            description,
            language,
            quarter_hours,
            capacity,
            credit_min_percent,
            window,
        ) {
            (
                Some(title),
                Some(description),
                Some(language),
                Some(quarter_hours),
                Some(capacity),
                Some(credit_min_percent),
                Some((opens_at, closes_at)),
            ) => Ok(OfferingPlan {
                title,
                description,
                language,
                quarter_hours,
                capacity,
                registration_opens_at: opens_at,
                registration_closes_at: closes_at,
                needs_approval: self.needs_approval,
                credit_min_percent,
                credit_needs_course: self.credit_needs_course,
                remind_first_minutes: remind_first_minutes.unwrap_or(DEFAULT_REMIND_FIRST),
                remind_second_minutes: remind_second_minutes.unwrap_or(DEFAULT_REMIND_SECOND),
                sessions,
            }),
            _ => Err(Invalid::one("title", "required")),
        }
    }
}

impl SessionInput {
    /// Checks one session; its errors go to `<prefix>-<field>`.
    pub fn validate(&self, prefix: &str, errors: &mut Invalid) -> Option<SessionPlan> {
        let field = |f: &str| format!("{prefix}-{f}");
        let before = errors.0.len();
        let zone = match TimeZone::check(&self.time_zone) {
            Ok(z) => Some(z),
            Err(code) => {
                errors.add(
                    field("time_zone"),
                    if self.time_zone.trim().is_empty() {
                        "required"
                    } else {
                        code
                    },
                );
                None
            }
        };
        let day = errors.check(&field("date"), date(&self.date));
        let start = errors.check(&field("start"), clock(&self.start));
        let end = errors.check(&field("end"), clock(&self.end));
        let mode = match Mode::parse(self.mode.trim()) {
            Some(m) => Some(m),
            None => {
                errors.add(field("mode"), "choose-one");
                None
            }
        };
        let venue = errors.check(&field("venue"), optional_text(&self.venue, MAX_PLACE));
        let address = errors.check(&field("address"), optional_text(&self.address, MAX_PLACE));
        let room = errors.check(&field("room"), optional_text(&self.room, MAX_PLACE));
        let meeting_url = match self.meeting_url.trim() {
            "" => Some(String::new()),
            u => errors.check(&field("meeting_url"), meeting_link(u)),
        };
        if let Some(mode) = mode {
            if mode.in_person() && venue.as_deref() == Some("") && address.as_deref() == Some("") {
                errors.add(field("venue"), "venue-required");
            }
            if mode.virtual_() && meeting_url.as_deref() == Some("") {
                errors.add(field("meeting_url"), "meeting-url-required");
            }
        }
        let (Some(zone), Some(day), Some((sh, sm)), Some((eh, em)), Some(mode)) =
            (zone, day, start, end, mode)
        else {
            return None;
        };
        let starts_at = wall_clock(day, sh, sm, &zone);
        let ends_at = wall_clock(day, eh, em, &zone);
        if ends_at <= starts_at {
            errors.add(field("end"), "ends-before-start");
        } else if starts_at.plus(MAX_SESSION) < ends_at {
            errors.push(FieldError::new(field("end"), "session-too-long").with_arg("hours", 12));
        }
        if errors.0.len() > before {
            return None;
        }
        let keep = |s: Option<String>| s.unwrap_or_default();
        Some(SessionPlan {
            starts_at,
            ends_at,
            zone: zone.name().to_string(),
            mode,
            venue: if mode.in_person() {
                keep(venue)
            } else {
                String::new()
            },
            address: if mode.in_person() {
                keep(address)
            } else {
                String::new()
            },
            room: if mode.in_person() {
                keep(room)
            } else {
                String::new()
            },
            meeting_url: if mode.virtual_() {
                keep(meeting_url)
            } else {
                String::new()
            },
        })
    }
}

/// The instant `hour:minute` on `day` reads on the clocks of `zone` (a time
/// a DST change skips is moved forward, one it repeats is the first).
pub fn wall_clock(day: Date, hour: u8, minute: u8, zone: &TimeZone) -> Timestamp {
    let d = jiff::civil::date(
        i16::try_from(day.year()).unwrap_or(1970),
        day.month() as i8,
        day.day() as i8,
    );
    d.at(hour as i8, minute as i8, 0, 0)
        .to_zoned(zone.jiff().clone())
        .map_or(Timestamp(0), |z| Timestamp::from_jiff(z.timestamp()))
}

fn end_of_day(day: Date, zone: &TimeZone) -> Timestamp {
    wall_clock(day, 23, 59, zone).plus(Duration::from_secs(59))
}

fn date(s: &str) -> Result<Date, &'static str> {
    match s.trim() {
        "" => Err("required"),
        t => Date::parse(t).ok_or("date-invalid"),
    }
}

/// `HH:MM` (24-hour; `9:30` too).
fn clock(s: &str) -> Result<(u8, u8), &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Err("required");
    }
    let (h, m) = t.split_once(':').ok_or("time-invalid")?;
    let h: u8 = (h.len() <= 2)
        .then(|| h.parse().ok())
        .flatten()
        .ok_or("time-invalid")?;
    let m: u8 = (m.len() == 2)
        .then(|| m.parse().ok())
        .flatten()
        .ok_or("time-invalid")?;
    if h > 23 || m > 59 {
        return Err("time-invalid");
    }
    Ok((h, m))
}

fn whole(s: &str, min: u32, max: u32, code: &'static str) -> Result<u32, &'static str> {
    match s.trim() {
        "" => Err("required"),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or(code),
    }
}

fn reminder(s: &str, default: u32) -> Result<u32, &'static str> {
    match s.trim() {
        "" => Ok(default),
        t => whole(t, 0, MAX_REMINDER_MINUTES, "reminder-invalid"),
    }
}

/// Hours in quarter hours, 0 to [`MAX_PD_HOURS`] (a workshop may give none).
fn parse_hours(s: &str) -> Result<u32, &'static str> {
    let t = s.trim().replace(',', ".");
    if t.is_empty() {
        return Err("required");
    }
    let h: f64 = t.parse().map_err(|_| "workshop-hours-invalid")?;
    let q = h * 4.0;
    if !h.is_finite() || q.fract() != 0.0 || h < 0.0 || h > f64::from(MAX_PD_HOURS) {
        return Err("workshop-hours-invalid");
    }
    Ok(q as u32)
}

fn optional_text(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.trim();
    if t.chars().count() > max {
        Err("too-long")
    } else if t.chars().any(char::is_control) {
        Err("control-characters")
    } else {
        Ok(t.to_string())
    }
}

/// A meeting link: `https://` only, with a host.
fn meeting_link(s: &str) -> Result<String, &'static str> {
    if s.len() > MAX_URL {
        return Err("too-long");
    }
    match url::Url::parse(s) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some_and(|h| !h.is_empty()) => {
            Ok(u.to_string())
        }
        _ => Err("meeting-url-invalid"),
    }
}

/// Sessions of one facilitator that overlap: each pair as (this plan's
/// session index, the other session's start) — warned, never refused (a
/// co-facilitated double booking may be deliberate).
pub fn overlaps(
    plan: &[SessionPlan],
    theirs: &[(Timestamp, Timestamp)],
) -> Vec<(usize, Timestamp)> {
    let mut out = Vec::new();
    for (i, s) in plan.iter().enumerate() {
        for &(start, end) in theirs {
            if s.starts_at < end && start < s.ends_at {
                out.push((i, start));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(date: &str, start: &str, end: &str, zone: &str) -> SessionInput {
        SessionInput {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            time_zone: zone.into(),
            mode: "in_person".into(),
            venue: "Des Moines Learning Hub".into(),
            ..Default::default()
        }
    }

    fn input(sessions: Vec<SessionInput>) -> OfferingInput {
        OfferingInput {
            title: "AI feedback on student writing".into(),
            language: "en".into(),
            hours: "3".into(),
            capacity: "25".into(),
            registration_opens: "2027-01-04".into(),
            registration_closes: "2027-01-18".into(),
            sessions,
            ..Default::default()
        }
    }

    fn codes(i: &OfferingInput) -> Vec<(String, &'static str)> {
        i.validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_plan_keeps_wall_clock_times_in_the_session_zone() {
        let plan = input(vec![
            session("2027-01-20", "16:00", "17:30", "America/Chicago"),
            session("2027-01-13", "16:00", "17:30", "America/Chicago"),
        ])
        .validate()
        .unwrap();
        // Sorted by start; 16:00 CST is 22:00 UTC.
        assert_eq!(
            plan.sessions[0].starts_at.to_rfc3339(),
            "2027-01-13T22:00:00Z"
        );
        assert_eq!(plan.ends_at().to_rfc3339(), "2027-01-20T23:30:00Z");
        assert_eq!(plan.credit_min_percent, DEFAULT_CREDIT_PERCENT);
        assert_eq!(plan.remind_first_minutes, DEFAULT_REMIND_FIRST);
        // Registration closes at the end of its day on the first session's calendar.
        assert_eq!(
            plan.registration_closes_at.to_rfc3339(),
            "2027-01-19T05:59:59Z"
        );
    }

    #[test]
    fn sessions_across_daylight_saving_keep_their_local_hour() {
        // New York springs forward on 14 March 2027.
        let plan = input(vec![
            session("2027-03-13", "09:00", "10:00", "America/New_York"),
            session("2027-03-15", "09:00", "10:00", "America/New_York"),
        ]);
        let mut plan = plan;
        plan.registration_closes = "2027-03-12".into();
        let plan = plan.validate().unwrap();
        assert_eq!(
            plan.sessions[0].starts_at.to_rfc3339(),
            "2027-03-13T14:00:00Z"
        );
        assert_eq!(
            plan.sessions[1].starts_at.to_rfc3339(),
            "2027-03-15T13:00:00Z"
        );
    }

    #[test]
    fn a_session_that_ends_first_or_runs_past_twelve_hours_is_refused() {
        let i = input(vec![
            session("2027-01-20", "16:00", "15:00", "Pacific/Honolulu"),
            session("2027-01-21", "06:00", "18:30", "America/Puerto_Rico"),
        ]);
        assert_eq!(
            codes(&i),
            vec![
                ("sessions-1-end".to_string(), "ends-before-start"),
                ("sessions-2-end".to_string(), "session-too-long"),
            ]
        );
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let mut bad = session("2027-02-30", "25:00", "9", "Mars/Olympus");
        bad.mode = "virtual".into();
        bad.meeting_url = "http://meet.example.org".into();
        let mut i = input(vec![bad]);
        i.title = " ".into();
        i.capacity = "0".into();
        i.hours = "0.3".into();
        i.registration_opens = "2027-01-20".into();
        i.registration_closes = "2027-01-10".into();
        let found = codes(&i);
        for expected in [
            ("title", "required"),
            ("capacity", "capacity-invalid"),
            ("hours", "workshop-hours-invalid"),
            ("sessions-1-time_zone", "invalid-time-zone"),
            ("sessions-1-date", "date-invalid"),
            ("sessions-1-start", "time-invalid"),
            ("sessions-1-end", "time-invalid"),
            ("sessions-1-meeting_url", "meeting-url-invalid"),
            ("registration_closes", "closes-before-opens"),
        ] {
            assert!(
                found.contains(&(expected.0.to_string(), expected.1)),
                "{expected:?} in {found:?}"
            );
        }
        assert_eq!(
            codes(&input(vec![])),
            vec![("sessions".to_string(), "sessions-required")]
        );
    }

    #[test]
    fn places_follow_the_mode() {
        let mut s = session("2027-01-20", "16:00", "17:00", "America/Chicago");
        s.venue = String::new();
        let mut v = s.clone();
        v.mode = "both".into();
        assert!(
            codes(&input(vec![s])).contains(&("sessions-1-venue".to_string(), "venue-required"))
        );
        let found = codes(&input(vec![v]));
        assert!(found.contains(&("sessions-1-meeting_url".to_string(), "meeting-url-required")));
        // An online session keeps no room, an in-person one no link.
        let mut online = session("2027-01-20", "16:00", "17:00", "America/Chicago");
        online.mode = "virtual".into();
        online.meeting_url = "https://meet.example.org/x".into();
        let plan = input(vec![online]).validate().unwrap();
        assert_eq!(plan.sessions[0].venue, "");
        assert_eq!(plan.sessions[0].meeting_url, "https://meet.example.org/x");
    }

    #[test]
    fn overlapping_sessions_of_a_facilitator_are_found() {
        let plan = input(vec![session(
            "2027-01-20",
            "16:00",
            "17:00",
            "America/Chicago",
        )])
        .validate()
        .unwrap();
        let s = &plan.sessions[0];
        let touching = (s.ends_at, s.ends_at.plus(Duration::from_secs(3600)));
        let inside = (s.starts_at.plus(Duration::from_secs(600)), s.ends_at);
        assert_eq!(
            overlaps(&plan.sessions, &[touching, inside]),
            vec![(0, inside.0)]
        );
    }
}
