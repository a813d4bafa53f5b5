//! Attendance and workshop credit. Facilitators mark each session (and
//! correct marks), attendees check themselves in with the session's code;
//! every change is audited and re-evaluates the offering's credit rule for
//! that person in the same transaction: meeting it writes one ledger entry
//! (source `workshop`) and issues a certificate; a correction that breaks
//! it deletes the entry and revokes the certificate, with an audit entry
//! naming why.
//!
//! Callers have checked the actor leads the offering (or, for check-in, is
//! the person); the session is checked against the offering here, inside
//! the transaction.

use super::{OfferingRow, SessionRow};
use crate::audit::{self, Event};
use crate::codes::Code;
use crate::credit::{self, NewEntry};
use crate::schema::{
    attendance, certificates, enrolments, offering_competencies, offering_sessions, offerings,
    pd_ledger, registrations, users,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::course::Builds;
use lyceum_domain::i18n::catalogue;
use lyceum_domain::pd::Source;
use lyceum_domain::token::new_public_id;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::attendance::{
    CreditRule, Progress, Window, checkin_window, code_matches,
};
use lyceum_domain::workshop::{Mark, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};
use serde_json::json;
use std::collections::HashMap;

/// One person on an offering's roster, with their mark at each session.
#[derive(Debug, Clone)]
pub struct RosterPerson {
    pub user_id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub status: RegistrationStatus,
    /// Arrival order (the waitlist's order).
    pub position: i32,
    /// The mark at each of the roster's sessions, in their order.
    pub marks: Vec<Option<Mark>>,
    /// The offering's credit is in their ledger.
    pub credited: bool,
}

/// An offering's roster: its sessions, and the people confirmed, waiting
/// (in order) and asking for a seat, in that order.
#[derive(Debug, Clone)]
pub struct Roster {
    pub sessions: Vec<SessionRow>,
    pub people: Vec<RosterPerson>,
}

impl Roster {
    pub fn with_status(&self, status: RegistrationStatus) -> impl Iterator<Item = &RosterPerson> {
        self.people.iter().filter(move |p| p.status == status)
    }
}

fn status_order(s: RegistrationStatus) -> u8 {
    match s {
        RegistrationStatus::Confirmed => 0,
        RegistrationStatus::Waitlisted => 1,
        RegistrationStatus::Pending => 2,
        RegistrationStatus::Cancelled => 3,
        RegistrationStatus::Declined => 4,
    }
}

/// (user, name, email, status, position), as read for the roster.
type RegisteredRow = (i64, String, Option<String>, Code<RegistrationStatus>, i32);

/// The roster of `offering`, read in one snapshot.
pub fn roster(conn: &mut DbConn, offering: OfferingId) -> Result<Roster, DbError> {
    crate::snapshot(conn, |c| {
        let sessions = super::sessions_of(c, offering)?;
        let rows: Vec<RegisteredRow> = registrations::table
            .inner_join(users::table.on(users::id.eq(registrations::user_id)))
            .filter(registrations::offering_id.eq(offering.0))
            .filter(registrations::status.eq_any([
                RegistrationStatus::Confirmed.as_str(),
                RegistrationStatus::Waitlisted.as_str(),
                RegistrationStatus::Pending.as_str(),
            ]))
            .select((
                users::id,
                users::display_name,
                users::email,
                registrations::status,
                registrations::position,
            ))
            .load(c)?;
        let marks = marks_of_offering(c, offering)?;
        let credited: std::collections::HashSet<i64> = pd_ledger::table
            .filter(pd_ledger::offering_id.eq(offering.0))
            .select(pd_ledger::user_id)
            .load::<i64>(c)?
            .into_iter()
            .collect();
        let mut people: Vec<RosterPerson> = rows
            .into_iter()
            .map(|(id, name, email, status, position)| RosterPerson {
                user_id: UserId(id),
                name,
                email,
                status: status.into(),
                position,
                marks: sessions
                    .iter()
                    .map(|s| marks.get(&(s.id.0, id)).copied())
                    .collect(),
                credited: credited.contains(&id),
            })
            .collect();
        people.sort_by(|a, b| {
            (status_order(a.status), a.position, &a.name).cmp(&(
                status_order(b.status),
                b.position,
                &b.name,
            ))
        });
        Ok(Roster { sessions, people })
    })
}

/// Every mark at the offering's sessions, by (session, person).
fn marks_of_offering(
    conn: &mut DbConn,
    offering: OfferingId,
) -> Result<HashMap<(i64, i64), Mark>, DbError> {
    let rows: Vec<(i64, i64, Code<Mark>)> = attendance::table
        .inner_join(offering_sessions::table)
        .filter(offering_sessions::offering_id.eq(offering.0))
        .select((
            attendance::session_id,
            attendance::user_id,
            attendance::mark,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(s, u, m)| ((s, u), Mark::from(m)))
        .collect())
}

/// One line of a session's marking sheet.
#[derive(Debug, Clone)]
pub struct SheetLine {
    pub user_id: UserId,
    pub name: String,
    pub mark: Option<Mark>,
}

/// A session of the offering, or `NotFound` (a session of another
/// offering is not this one's, whatever the URL says).
pub fn session_of(
    conn: &mut DbConn,
    offering: OfferingId,
    session: SessionId,
) -> Result<SessionRow, DbError> {
    super::session(conn, session)?
        .filter(|s| s.offering_id == offering)
        .ok_or(DbError::NotFound)
}

/// The people to mark at a session: those holding a seat, and anyone
/// marked there before (a seat given up later keeps its history), by name.
pub fn sheet(
    conn: &mut DbConn,
    offering: OfferingId,
    session: SessionId,
) -> Result<(SessionRow, Vec<SheetLine>), DbError> {
    crate::snapshot(conn, |c| {
        let s = session_of(c, offering, session)?;
        let seated: Vec<(i64, String)> = registrations::table
            .inner_join(users::table.on(users::id.eq(registrations::user_id)))
            .filter(registrations::offering_id.eq(offering.0))
            .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
            .select((users::id, users::display_name))
            .load(c)?;
        let marked: Vec<(i64, String, Code<Mark>)> = attendance::table
            .inner_join(users::table.on(users::id.eq(attendance::user_id)))
            .filter(attendance::session_id.eq(session.0))
            .select((users::id, users::display_name, attendance::mark))
            .load(c)?;
        let mut lines: HashMap<i64, SheetLine> = seated
            .into_iter()
            .map(|(id, name)| {
                let line = SheetLine {
                    user_id: UserId(id),
                    name,
                    mark: None,
                };
                (id, line)
            })
            .collect();
        for (id, name, mark) in marked {
            lines
                .entry(id)
                .or_insert(SheetLine {
                    user_id: UserId(id),
                    name,
                    mark: None,
                })
                .mark = Some(mark.into());
        }
        let mut lines: Vec<SheetLine> = lines.into_values().collect();
        lines.sort_by(|a, b| (&a.name, a.user_id.0).cmp(&(&b.name, b.user_id.0)));
        Ok((s, lines))
    })
}

/// What saving marks changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Marks that changed (unchanged ones are not written nor audited).
    pub changed: usize,
    /// People whose credit this wrote.
    pub earned: Vec<UserId>,
    /// People whose credit this took back.
    pub reversed: Vec<UserId>,
}

/// Takes the session's row lock (PostgreSQL), so marks for one session are
/// written one change at a time (a facilitator's sheet and check-ins).
fn lock_session(conn: &mut DbConn, session: SessionId) -> Result<(), DbError> {
    diesel::update(offering_sessions::table.find(session.0))
        .set(offering_sessions::updated_at.eq(offering_sessions::updated_at))
        .execute(conn)?;
    Ok(())
}

/// `user`'s mark at one session, if they have one.
pub fn mark_of(
    conn: &mut DbConn,
    session: SessionId,
    user: UserId,
) -> Result<Option<Mark>, DbError> {
    Ok(attendance::table
        .find((session.0, user.0))
        .select(attendance::mark)
        .first::<Code<Mark>>(conn)
        .optional()?
        .map(Mark::from))
}

fn write_mark(
    conn: &mut DbConn,
    session: SessionId,
    user: UserId,
    old: Option<Mark>,
    mark: Mark,
    by: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    let columns = (
        attendance::mark.eq(mark.as_str()),
        attendance::marked_by.eq(Some(by.0)),
        attendance::marked_at.eq(now.micros()),
    );
    if old.is_some() {
        diesel::update(attendance::table.find((session.0, user.0)))
            .set(columns)
            .execute(conn)?;
    } else {
        diesel::insert_into(attendance::table)
            .values((
                attendance::session_id.eq(session.0),
                attendance::user_id.eq(user.0),
                columns,
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets marks at one session of `offering`, as `actor` (a facilitator or
/// someone who manages it: the caller checked). Each person must hold a
/// seat or have been marked there before; a person named twice keeps the
/// last mark. Each change is audited (who, old → new, when) and
/// re-evaluates that person's credit.
pub fn set_marks(
    conn: &mut DbConn,
    offering: OfferingId,
    session: SessionId,
    actor: UserId,
    marks: &[(UserId, Mark)],
    now: Timestamp,
) -> Result<Saved, DbError> {
    let s = session_of(conn, offering, session)?;
    if s.cancelled_at.is_some() {
        return Err(DbError::Invalid(Invalid::one(
            "marks",
            "attendance-session-cancelled",
        )));
    }
    lock_session(conn, session)?;
    let row = super::find(conn, offering)?.ok_or(DbError::NotFound)?;
    let last: HashMap<UserId, Mark> = marks.iter().copied().collect();
    let mut people: Vec<(UserId, Mark)> = last.into_iter().collect();
    people.sort_by_key(|(u, _)| u.0);
    let mut invalid = Invalid::new();
    let mut saved = Saved::default();
    for (user, mark) in people {
        let old = mark_of(conn, session, user)?;
        if old.is_none() && !holds_seat(conn, offering, user)? {
            invalid.push(
                FieldError::new(format!("mark-{}", user.0), "attendance-not-on-roster")
                    .with_arg("value", user.0),
            );
            continue;
        }
        if old == Some(mark) {
            continue;
        }
        write_mark(conn, session, user, old, mark, actor, now)?;
        audit::record(
            conn,
            now,
            Event {
                actor: Some(actor),
                action: "workshop.attendance_marked",
                org: Some(row.org_id),
                subject: Some(user),
                detail: json!({
                    "offering": offering.0,
                    "session": session.0,
                    "old": old.map(Mark::as_str),
                    "new": mark.as_str(),
                }),
            },
        )?;
        saved.changed += 1;
        match evaluate(conn, &row, user, Some(actor), now)? {
            Credit::Earned => saved.earned.push(user),
            Credit::Reversed => saved.reversed.push(user),
            Credit::Unchanged => {}
        }
    }
    if invalid.is_empty() {
        Ok(saved)
    } else {
        // Nothing half-saved: the caller's transaction rolls back.
        Err(DbError::Invalid(invalid))
    }
}

fn holds_seat(conn: &mut DbConn, offering: OfferingId, user: UserId) -> Result<bool, DbError> {
    Ok(super::registrations::of(conn, offering, user)?
        .is_some_and(|r| r.status == RegistrationStatus::Confirmed))
}

/// Why a check-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The person holds no seat.
    NotRegistered,
    /// The code is no session's of this offering.
    WrongCode,
    /// The code is another session's of this offering.
    OtherSession,
    /// Check-in opens at this time.
    NotYet(Timestamp),
    /// The session is over.
    Over,
    /// The session (or the offering) was cancelled.
    Cancelled,
}

/// What a check-in did.
#[derive(Debug, Clone)]
pub struct CheckedIn {
    pub session: SessionRow,
    /// The person's mark there now.
    pub mark: Mark,
    /// False when they were marked already (by a facilitator, or an earlier
    /// check-in): the mark stands.
    pub new: bool,
}

/// Checks `user` in with the code they typed: at `session` when they
/// chose one, else at the offering's session whose code it is. Accepted
/// only for a confirmed registration, for that session, from 30 minutes
/// before its start to its end. A mark already there stands.
pub fn check_in(
    conn: &mut DbConn,
    offering: OfferingId,
    session: Option<SessionId>,
    user: UserId,
    typed: &str,
    now: Timestamp,
) -> Result<Result<CheckedIn, Refused>, DbError> {
    let row = super::find(conn, offering)?.ok_or(DbError::NotFound)?;
    let sessions = super::sessions_of(conn, offering)?;
    if let Some(id) = session
        && !sessions.iter().any(|s| s.id == id)
    {
        return Err(DbError::NotFound);
    }
    if !holds_seat(conn, offering, user)? {
        return Ok(Err(Refused::NotRegistered));
    }
    let matching = |s: &&SessionRow| code_matches(&s.checkin_code, typed);
    let target = match session {
        Some(id) => match sessions.iter().find(|s| s.id == id).filter(matching) {
            Some(s) => s,
            None if sessions.iter().any(|s| matching(&s)) => return Ok(Err(Refused::OtherSession)),
            None => return Ok(Err(Refused::WrongCode)),
        },
        None => match sessions.iter().find(matching) {
            Some(s) => s,
            None => return Ok(Err(Refused::WrongCode)),
        },
    };
    if target.cancelled_at.is_some() || row.is_cancelled() {
        return Ok(Err(Refused::Cancelled));
    }
    let start = Timestamp::from_micros(target.starts_at);
    let end = Timestamp::from_micros(target.ends_at);
    match checkin_window(start, end, now) {
        Window::OpensAt(at) => return Ok(Err(Refused::NotYet(at))),
        Window::Closed => return Ok(Err(Refused::Over)),
        Window::Open => {}
    }
    lock_session(conn, target.id)?;
    if let Some(mark) = mark_of(conn, target.id, user)? {
        return Ok(Ok(CheckedIn {
            session: target.clone(),
            mark,
            new: false,
        }));
    }
    write_mark(conn, target.id, user, None, Mark::Present, user, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(user),
            action: "workshop.checked_in",
            org: Some(row.org_id),
            subject: Some(user),
            detail: json!({
                "offering": offering.0,
                "session": target.id.0,
                "old": null,
                "new": Mark::Present.as_str(),
            }),
        },
    )?;
    evaluate(conn, &row, user, Some(user), now)?;
    Ok(Ok(CheckedIn {
        session: target.clone(),
        mark: Mark::Present,
        new: true,
    }))
}

/// What evaluating the credit rule did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credit {
    Unchanged,
    Earned,
    Reversed,
}

/// Where `user` stands against the offering's rule.
pub fn progress(
    conn: &mut DbConn,
    offering: &OfferingRow,
    user: UserId,
) -> Result<Progress, DbError> {
    let sessions: Vec<i64> = offering_sessions::table
        .filter(offering_sessions::offering_id.eq(offering.id.0))
        .filter(offering_sessions::cancelled_at.is_null())
        .select(offering_sessions::id)
        .load(conn)?;
    let marks: HashMap<i64, Mark> = attendance::table
        .filter(attendance::user_id.eq(user.0))
        .filter(attendance::session_id.eq_any(&sessions))
        .select((attendance::session_id, attendance::mark))
        .load::<(i64, Code<Mark>)>(conn)?
        .into_iter()
        .map(|(s, m)| (s, Mark::from(m)))
        .collect();
    let per_session: Vec<Option<Mark>> = sessions.iter().map(|s| marks.get(s).copied()).collect();
    let course_completed = match offering.course_id {
        Some(course) => enrolments::table
            .find((user.0, course.0))
            .select(enrolments::completed_at)
            .first::<Option<i64>>(conn)
            .optional()?
            .flatten()
            .is_some(),
        None => false,
    };
    Ok(Progress::from_marks(&per_session, course_completed))
}

pub fn rule_of(offering: &OfferingRow) -> CreditRule {
    CreditRule {
        min_percent: u32::try_from(offering.credit_min_percent).unwrap_or(0),
        needs_course: offering.credit_needs_course && offering.course_id.is_some(),
    }
}

/// Re-evaluates `user`'s credit for `offering`, inside the caller's
/// transaction: writes the ledger entry and the certificate when the rule
/// is newly met, takes them back (audited, with the reason) when it no
/// longer is. `actor` is who changed what led here (None: the system).
pub fn evaluate(
    conn: &mut DbConn,
    offering: &OfferingRow,
    user: UserId,
    actor: Option<UserId>,
    now: Timestamp,
) -> Result<Credit, DbError> {
    // One evaluation per person and offering at a time (PostgreSQL row
    // lock): two sessions marked at once cannot both write the entry.
    diesel::update(
        registrations::table
            .filter(registrations::offering_id.eq(offering.id.0))
            .filter(registrations::user_id.eq(user.0)),
    )
    .set(registrations::updated_at.eq(registrations::updated_at))
    .execute(conn)?;
    let p = progress(conn, offering, user)?;
    let rule = rule_of(offering);
    let met = rule.met_by(&p);
    let entry: Option<i64> = pd_ledger::table
        .filter(pd_ledger::user_id.eq(user.0))
        .filter(pd_ledger::offering_id.eq(offering.id.0))
        .select(pd_ledger::id)
        .first(conn)
        .optional()?;
    let detail = json!({
        "offering": offering.id.0,
        "attended": p.attended,
        "sessions": p.sessions,
        "min_percent": rule.min_percent,
        "needs_course": rule.needs_course,
        "course_completed": p.course_completed,
    });
    match (met, entry) {
        (true, None) => {
            earn(conn, offering, user, now)?;
            audit::record(
                conn,
                now,
                Event {
                    actor,
                    action: "workshop.credit_earned",
                    org: Some(offering.org_id),
                    subject: Some(user),
                    detail,
                },
            )?;
            Ok(Credit::Earned)
        }
        (false, Some(id)) => {
            diesel::delete(pd_ledger::table.find(id)).execute(conn)?;
            let reason = catalogue().text(offering.language, "workshop-credit-reversed-reason");
            let standing: Option<String> = certificates::table
                .filter(certificates::user_id.eq(user.0))
                .filter(certificates::offering_id.eq(offering.id.0))
                .filter(certificates::revoked_at.is_null())
                .select(certificates::code)
                .first(conn)
                .optional()?;
            if let Some(code) = &standing {
                credit::revoke(conn, code, &reason, now)?;
            }
            let mut detail = detail;
            detail["reason"] = json!("credit-rule-no-longer-met");
            detail["certificate"] = json!(standing);
            audit::record(
                conn,
                now,
                Event {
                    actor,
                    action: "workshop.credit_reversed",
                    org: Some(offering.org_id),
                    subject: Some(user),
                    detail,
                },
            )?;
            Ok(Credit::Reversed)
        }
        _ => Ok(Credit::Unchanged),
    }
}

/// The ledger entry (hours earned at the end of the last session held) and
/// the certificate, recording the offering as it is now.
fn earn(
    conn: &mut DbConn,
    offering: &OfferingRow,
    user: UserId,
    now: Timestamp,
) -> Result<String, DbError> {
    let last_end: Option<i64> = offering_sessions::table
        .filter(offering_sessions::offering_id.eq(offering.id.0))
        .filter(offering_sessions::cancelled_at.is_null())
        .select(diesel::dsl::max(offering_sessions::ends_at))
        .first(conn)?;
    credit::add_entry(
        conn,
        user,
        &NewEntry {
            source: Source::Workshop,
            course: None,
            offering: Some(offering.id),
            title: &offering.title,
            quarter_hours: offering.hours(),
            earned_at: Timestamp::from_micros(last_end.unwrap_or(now.micros())),
        },
        now,
    )?;
    let person = crate::users::by_id(conn, user)?.ok_or(DbError::NotFound)?;
    let builds: Vec<Builds> = offering_competencies::table
        .filter(offering_competencies::offering_id.eq(offering.id.0))
        .order(offering_competencies::position)
        .select(offering_competencies::competency_id)
        .load::<String>(conn)?
        .into_iter()
        .map(|competency| Builds {
            competency,
            level: None,
        })
        .collect();
    let json = credit::certified_competencies(conn, &builds)?;
    let issuer = credit::issuer(conn)?;
    let code = new_public_id().map_err(|e| DbError::task_from("certificate code", e))?;
    diesel::insert_into(certificates::table)
        .values((
            certificates::code.eq(&code),
            certificates::user_id.eq(user.0),
            certificates::offering_id.eq(Some(offering.id.0)),
            certificates::course_version.eq(0),
            certificates::recipient_name.eq(&person.display_name),
            certificates::course_title.eq(&offering.title),
            certificates::course_language.eq(offering.language.as_str()),
            certificates::quarter_hours.eq(offering.quarter_hours),
            certificates::competencies.eq(json),
            certificates::issuer.eq(issuer),
            certificates::issued_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(code)
}

/// Completing `course` may meet the rule of a cohort run of it: evaluates
/// each offering of the course whose rule needs it, for `user`. Called
/// where course completion is recorded, in its transaction.
pub fn on_course_completed(
    conn: &mut DbConn,
    user: UserId,
    course: lyceum_domain::CourseId,
    now: Timestamp,
) -> Result<(), DbError> {
    let ids: Vec<i64> = offerings::table
        .inner_join(registrations::table)
        .filter(offerings::course_id.eq(course.0))
        .filter(offerings::credit_needs_course.eq(true))
        .filter(registrations::user_id.eq(user.0))
        .select(offerings::id)
        .load(conn)?;
    for id in ids {
        if let Some(row) = super::find(conn, OfferingId(id))? {
            evaluate(conn, &row, user, None, now)?;
        }
    }
    Ok(())
}

/// Re-evaluates everyone marked at the offering's sessions: after a
/// session is cancelled or added, or the rule changes (`manage`).
pub fn evaluate_everyone(
    conn: &mut DbConn,
    offering: OfferingId,
    actor: Option<UserId>,
    now: Timestamp,
) -> Result<(), DbError> {
    let row = super::find(conn, offering)?.ok_or(DbError::NotFound)?;
    let mut people: Vec<i64> = attendance::table
        .inner_join(offering_sessions::table)
        .filter(offering_sessions::offering_id.eq(offering.0))
        .select(attendance::user_id)
        .distinct()
        .load(conn)?;
    people.sort_unstable();
    for p in people {
        evaluate(conn, &row, UserId(p), actor, now)?;
    }
    Ok(())
}
