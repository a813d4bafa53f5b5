//! Workshop offerings written in bulk, as `workshops::create`,
//! `registrations::register` and attendance marking would have written
//! them: each offering's `confirmed` is its confirmed registrations and
//! `queued` its registrations (their `position`s are 1, 2, … in arrival
//! order); `starts_at`/`ends_at` are its sessions'; every registrant
//! belongs to the audience; credit is one `pd_ledger` entry (source
//! `workshop`, with the offering) per person who met the rule, in their
//! school's school year. Left out: workshop certificates, audit entries of
//! marks, emails.

use super::Written;
use crate::Programme;
use crate::rng::Rng;
use crate::workshops::{self, Offering};
use diesel::prelude::*;
use lyceum_db::schema::{
    attendance, offering_facilitators, offering_sessions, offerings, pd_ledger, registrations,
};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::Timestamp;
use lyceum_domain::pd::{Source, school_year};
use lyceum_domain::time::TimeZone;
use lyceum_domain::token::JOIN_ALPHABET;
use lyceum_domain::workshop::RegistrationStatus;

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct Workshops {
    pub seed: u64,
}

/// What was written, for the summary.
#[derive(Debug, Clone, Default)]
pub struct WorkshopsWritten {
    pub offerings: usize,
    pub sessions: usize,
    pub registrations: usize,
    pub attendance: usize,
    pub credited: usize,
    pub seconds: f64,
    /// An upcoming offering the benchmark educator is registered for, with
    /// its registrations.
    pub bench_offering: Option<(i64, usize)>,
    /// The webinar day's offerings (`workshops::WEBINARS`, empty, open).
    pub webinars: Vec<i64>,
}

#[derive(Insertable)]
#[diesel(table_name = offerings, treat_none_as_default_value = false)]
struct OfferingRow<'a> {
    id: i64,
    org_id: i64,
    course_id: Option<i64>,
    title: &'a str,
    description: &'a str,
    language: &'a str,
    quarter_hours: i32,
    audience_org_id: Option<i64>,
    capacity: i32,
    confirmed: i32,
    queued: i32,
    needs_approval: bool,
    registration_opens_at: i64,
    registration_closes_at: i64,
    credit_min_percent: i32,
    credit_needs_course: bool,
    remind_first_minutes: i32,
    remind_second_minutes: i32,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    cancelled_at: Option<i64>,
    cancel_message: Option<&'a str>,
    created_by: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = offering_sessions, treat_none_as_default_value = false)]
struct SessionRow<'a> {
    id: i64,
    offering_id: i64,
    uid: String,
    sequence: i32,
    starts_at: i64,
    ends_at: i64,
    time_zone: &'a str,
    mode: &'a str,
    venue: &'a str,
    address: &'a str,
    room: &'a str,
    meeting_url: String,
    checkin_code: String,
    cancelled_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = offering_facilitators, treat_none_as_default_value = false)]
struct FacilitatorRow {
    offering_id: i64,
    user_id: i64,
}

#[derive(Insertable)]
#[diesel(table_name = registrations, treat_none_as_default_value = false)]
struct RegistrationRow {
    offering_id: i64,
    user_id: i64,
    status: &'static str,
    position: i32,
    registered_by: Option<i64>,
    decided_by: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = attendance, treat_none_as_default_value = false)]
struct MarkRow {
    session_id: i64,
    user_id: i64,
    mark: &'static str,
    marked_by: Option<i64>,
    marked_at: i64,
}

#[derive(Insertable)]
#[diesel(table_name = pd_ledger, treat_none_as_default_value = false)]
struct LedgerRow<'a> {
    user_id: i64,
    source: &'a str,
    course_id: Option<i64>,
    title: &'a str,
    quarter_hours: i32,
    earned_at: i64,
    school_year: i32,
    created_at: i64,
    offering_id: Option<i64>,
}

/// Rows are loaded this many at a time, to bound memory.
const FLUSH_AT: usize = 100_000;

pub(super) fn write_in(
    c: &mut DbConn,
    p: &Programme,
    written: &Written,
    opts: &Workshops,
    now: Timestamp,
) -> Result<WorkshopsWritten, DbError> {
    let started = std::time::Instant::now();
    let now = now.micros();
    let since = now - super::PROGRAMME_AGE.as_micros() as i64;
    let mut plan = workshops::plan(p, opts.seed, since, now);
    let org_base = lyceum_db::orgs::root(c)?
        .map(|r| r.id)
        .ok_or(DbError::NotFound)?;
    let user = |person: u32| written.first_user + i64::from(person);
    let bench_educator = written
        .bench_users
        .iter()
        .find(|(l, _)| *l == "educator")
        .map(|(_, id)| *id);
    let (offering_base, session_base) = (
        super::next_id(c, "offerings")?,
        super::next_id(c, "offering_sessions")?,
    );
    let unchecked = super::learning::skip_foreign_key_checks(c)?;
    let mut rng = Rng::new(opts.seed ^ 0xca1e_0da7);
    let zones = p.zones();
    let mut w = WorkshopsWritten {
        offerings: plan.len(),
        ..Default::default()
    };

    // The webinar day's offerings come first in the plan.
    w.webinars = (0..workshops::WEBINARS as i64)
        .map(|k| offering_base + k)
        .collect();

    // The benchmark educator takes a seat in up to five upcoming offerings
    // with one free — their district's first, then their state's, then
    // those open to everyone (not the webinars): their "my sessions" page
    // has some, and the offering page has one they hold.
    if bench_educator.is_some() {
        let school = written.largest_school.0 - org_base;
        let district = p.orgs[school as usize].parent;
        let state = district.and_then(|d| p.orgs[d].parent);
        let mut taken = 0;
        for pass in 0..3 {
            for (k, o) in plan.iter_mut().enumerate() {
                let near = match pass {
                    0 => Some(o.org) == district,
                    1 => Some(o.org) == state,
                    _ => o.audience.is_none() && k >= workshops::WEBINARS,
                };
                let seats = o
                    .registrations
                    .iter()
                    .filter(|r| r.1 == RegistrationStatus::Confirmed)
                    .count();
                let mine = o.registrations.iter().any(|r| r.0 == u32::MAX);
                if taken < 5 && near && o.starts_at() > now && (seats as i32) < o.capacity && !mine
                {
                    taken += 1;
                    w.bench_offering
                        .get_or_insert((offering_base + k as i64, o.registrations.len() + 1));
                    // Marked with an index past the programme's people.
                    o.registrations
                        .push((u32::MAX, RegistrationStatus::Confirmed));
                }
            }
        }
    }
    let who = |person: u32| {
        if person == u32::MAX {
            bench_educator.unwrap_or(0)
        } else {
            user(person)
        }
    };

    let mut offering_rows = Vec::with_capacity(plan.len());
    for (k, o) in plan.iter().enumerate() {
        offering_rows.push(offering_row(o, offering_base + k as i64, org_base));
    }
    load!(c, offerings::table, &offering_rows, 25);
    drop(offering_rows);

    let mut sessions = Vec::new();
    let mut facilitators = Vec::new();
    let mut regs = Vec::new();
    let mut marks = Vec::new();
    let mut ledger = Vec::new();
    let mut session_id = session_base;
    for (k, o) in plan.iter().enumerate() {
        let id = offering_base + k as i64;
        let first_session = session_id;
        for &(start, end) in &o.sessions {
            sessions.push(SessionRow {
                id: session_id,
                offering_id: id,
                uid: format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64()),
                sequence: 0,
                starts_at: start,
                ends_at: end,
                time_zone: &o.zone,
                mode: o.mode.as_str(),
                venue: &o.venue,
                address: &o.address,
                room: "",
                meeting_url: if o.mode.virtual_() {
                    format!("https://meet.example.org/lyceum-{id}")
                } else {
                    String::new()
                },
                checkin_code: (0..lyceum_domain::workshop::CHECKIN_CODE_LEN)
                    .map(|_| char::from(JOIN_ALPHABET[rng.below(JOIN_ALPHABET.len())]))
                    .collect(),
                cancelled_at: None,
                created_at: o.opens_at,
                updated_at: o.opens_at,
            });
            session_id += 1;
        }
        for &f in &o.facilitators {
            facilitators.push((id, user(f)));
        }
        for (pos, &(person, status)) in o.registrations.iter().enumerate() {
            let at = o.opens_at + (pos as i64 + 1) * 60_000_000;
            regs.push(RegistrationRow {
                offering_id: id,
                user_id: who(person),
                status: status.as_str(),
                position: pos as i32 + 1,
                registered_by: None,
                decided_by: None,
                created_at: at,
                updated_at: at,
            });
        }
        let marker = o.facilitators.first().map(|f| user(*f));
        for &(s, person, mark) in &o.attendance {
            marks.push(MarkRow {
                session_id: first_session + s as i64,
                user_id: who(person),
                mark: mark.as_str(),
                marked_by: marker,
                marked_at: o.sessions[s].1,
            });
        }
        for &person in &o.credited {
            let zone: &TimeZone = &zones[p.people[person as usize].org];
            ledger.push(LedgerRow {
                user_id: user(person),
                source: Source::Workshop.as_str(),
                course_id: None,
                title: &o.title,
                quarter_hours: o.quarter_hours,
                earned_at: o.ends_at(),
                school_year: school_year(Timestamp::from_micros(o.ends_at()), zone),
                created_at: o.ends_at(),
                offering_id: Some(id),
            });
        }
        if sessions.len() >= FLUSH_AT || regs.len() >= FLUSH_AT || marks.len() >= FLUSH_AT {
            flush(
                c,
                &mut sessions,
                &mut facilitators,
                &mut regs,
                &mut marks,
                &mut w,
            )?;
        }
    }
    flush(
        c,
        &mut sessions,
        &mut facilitators,
        &mut regs,
        &mut marks,
        &mut w,
    )?;
    load!(c, pd_ledger::table, &ledger, 9);
    w.credited = ledger.len();
    // Each offering's `waitlisted`, which triggers keep: PostgreSQL's do not
    // fire while the load runs unchecked (SQLite's did, and agree).
    diesel::sql_query(
        "UPDATE offerings SET waitlisted = (SELECT COUNT(*) FROM registrations \
         WHERE registrations.offering_id = offerings.id AND registrations.status = 'waitlisted')",
    )
    .execute(c)?;

    if let DbConn::Pg(pg) = &mut *c {
        if unchecked {
            diesel::sql_query("SET LOCAL session_replication_role = DEFAULT").execute(pg)?;
        }
        for table in [
            "offerings",
            "offering_sessions",
            "registrations",
            "pd_ledger",
        ] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            ))
            .execute(pg)?;
        }
    }
    w.seconds = started.elapsed().as_secs_f64();
    Ok(w)
}

fn offering_row(o: &Offering, id: i64, org_base: i64) -> OfferingRow<'_> {
    let confirmed = o
        .registrations
        .iter()
        .filter(|r| r.1 == RegistrationStatus::Confirmed)
        .count();
    OfferingRow {
        id,
        org_id: org_base + o.org as i64,
        course_id: None,
        title: &o.title,
        description: &o.description,
        language: "en",
        quarter_hours: o.quarter_hours,
        audience_org_id: o.audience.map(|a| org_base + a as i64),
        capacity: o.capacity,
        confirmed: confirmed as i32,
        queued: o.registrations.len() as i32,
        needs_approval: false,
        registration_opens_at: o.opens_at,
        registration_closes_at: o.closes_at,
        credit_min_percent: 80,
        credit_needs_course: false,
        remind_first_minutes: 24 * 60,
        remind_second_minutes: 60,
        starts_at: Some(o.starts_at()),
        ends_at: Some(o.ends_at()),
        cancelled_at: None,
        cancel_message: None,
        created_by: None,
        created_at: o.opens_at,
        updated_at: o.opens_at,
    }
}

fn flush(
    c: &mut DbConn,
    sessions: &mut Vec<SessionRow<'_>>,
    facilitators: &mut Vec<(i64, i64)>,
    regs: &mut Vec<RegistrationRow>,
    marks: &mut Vec<MarkRow>,
    w: &mut WorkshopsWritten,
) -> Result<(), DbError> {
    load!(c, offering_sessions::table, &*sessions, 16);
    let rows: Vec<FacilitatorRow> = facilitators
        .iter()
        .map(|&(offering_id, user_id)| FacilitatorRow {
            offering_id,
            user_id,
        })
        .collect();
    load!(c, offering_facilitators::table, &rows, 2);
    load!(c, registrations::table, &*regs, 8);
    load!(c, attendance::table, &*marks, 5);
    w.sessions += sessions.len();
    w.registrations += regs.len();
    w.attendance += marks.len();
    sessions.clear();
    facilitators.clear();
    regs.clear();
    marks.clear();
    Ok(())
}
