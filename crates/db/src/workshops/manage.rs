//! Running offerings, for the admins of their organising organisation:
//! the list of a subtree's offerings, editing (sessions changed, added or
//! removed, people told), copying to a new date, cancelling with a note,
//! registering others and deciding approvals.
//!
//! Every change takes the offering's row first (its lock on PostgreSQL),
//! checks it belongs to the organisation the caller was allowed to manage,
//! and is audited — all in the caller's one write transaction.

use super::registrations::{self, By};
use super::{NewOffering, Offering, OfferingRow, SessionRow};
use crate::audit::{self, Event};
use crate::schema::{
    memberships, offering_sessions, offerings, orgs, registrations as regs, users,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::org::OrgPath;
use lyceum_domain::role::Role;
use lyceum_domain::time::{Date, TimeZone};
use lyceum_domain::validation::Invalid;
use lyceum_domain::workshop::offering::{OfferingInput, OfferingPlan, SessionInput, SessionPlan};
use lyceum_domain::workshop::{News, RegistrationStatus};
use lyceum_domain::{OfferingId, OrgId, SessionId, Timestamp, UserId};
use std::collections::HashMap;

fn invalid(field: &str, code: &'static str) -> DbError {
    DbError::Invalid(Invalid::one(field, code))
}

/// One offering in an admin's list, with its queue counts.
#[derive(Debug, Clone)]
pub struct Summary {
    pub offering: OfferingRow,
    pub org_name: String,
    pub waitlisted: i64,
    pub pending: i64,
}

/// Most offerings the admin list shows (newest first).
pub const LIST_LIMIT: i64 = 500;

/// The offerings organised in the subtree at `path`, latest start first.
pub fn overview(conn: &mut DbConn, path: &OrgPath) -> Result<Vec<Summary>, DbError> {
    let rows: Vec<(OfferingRow, String)> = offerings::table
        .inner_join(orgs::table.on(orgs::id.eq(offerings::org_id)))
        .filter(orgs::path.ge(path.as_str()))
        .filter(orgs::path.lt(path.subtree_end()))
        .order((offerings::starts_at.desc(), offerings::id.desc()))
        .limit(LIST_LIMIT)
        .select((OfferingRow::as_select(), orgs::name))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|(o, _)| o.id.0).collect();
    let counts: Vec<(i64, String, i64)> = regs::table
        .filter(regs::offering_id.eq_any(&ids))
        .filter(regs::status.eq_any([
            RegistrationStatus::Waitlisted.as_str(),
            RegistrationStatus::Pending.as_str(),
        ]))
        .group_by((regs::offering_id, regs::status))
        .select((regs::offering_id, regs::status, diesel::dsl::count_star()))
        .load(conn)?;
    let mut by: HashMap<(i64, String), i64> = HashMap::new();
    for (id, status, n) in counts {
        by.insert((id, status), n);
    }
    let count = |id: i64, s: RegistrationStatus| {
        by.get(&(id, s.as_str().to_string())).copied().unwrap_or(0)
    };
    Ok(rows
        .into_iter()
        .map(|(offering, org_name)| Summary {
            waitlisted: count(offering.id.0, RegistrationStatus::Waitlisted),
            pending: count(offering.id.0, RegistrationStatus::Pending),
            offering,
            org_name,
        })
        .collect())
}

/// People who may facilitate an offering organised at `path`: those with
/// the facilitator role there, above it or below it — as (id, name, email).
pub fn eligible_facilitators(
    conn: &mut DbConn,
    path: &OrgPath,
) -> Result<Vec<(UserId, String, String)>, DbError> {
    let above: Vec<i64> = path.ids().iter().map(|o| o.0).collect();
    let rows: Vec<(i64, String, Option<String>)> = memberships::table
        .inner_join(orgs::table)
        .inner_join(users::table.on(users::id.eq(memberships::user_id)))
        .filter(memberships::role.eq(Role::Facilitator.as_str()))
        .filter(
            orgs::id.eq_any(above).or(orgs::path
                .ge(path.as_str())
                .and(orgs::path.lt(path.subtree_end()))),
        )
        .order((users::display_name, users::id))
        .select((users::id, users::display_name, users::email))
        .distinct()
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, email)| (UserId(id), name, email.unwrap_or_default()))
        .collect())
}

/// The offering, refused as not found unless it belongs to `org` (the
/// organisation whose admin acts), and its row locked for the change.
fn lock(conn: &mut DbConn, id: OfferingId, org: OrgId) -> Result<OfferingRow, DbError> {
    let n = diesel::update(
        offerings::table
            .find(id.0)
            .filter(offerings::org_id.eq(org.0)),
    )
    .set(offerings::queued.eq(offerings::queued))
    .execute(conn)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    super::find(conn, id)?.ok_or(DbError::NotFound)
}

/// A session on the edit form: an existing one (by id) or a new one.
#[derive(Debug, Clone)]
pub struct SessionEdit {
    pub id: Option<SessionId>,
    pub plan: SessionPlan,
}

/// What an edit did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Updated {
    /// Sessions whose time or place changed, added, or cancelled.
    pub sessions_changed: usize,
    /// People emailed about the change.
    pub told: usize,
}

/// Whether a session's time or place differs from the plan's.
fn differs(s: &SessionRow, p: &SessionPlan) -> bool {
    s.starts_at != p.starts_at.micros()
        || s.ends_at != p.ends_at.micros()
        || s.time_zone != p.zone
        || s.mode != p.mode
        || s.venue != p.venue
        || s.address != p.address
        || s.room != p.room
        || s.meeting_url != p.meeting_url
}

/// Saves an edit: the plan, links and sessions. A changed session keeps
/// its calendar UID and its SEQUENCE goes up; a removed one is cancelled
/// (kept, SEQUENCE up) when anyone is registered, else deleted. Capacity
/// never goes below the seats taken. Registered people are emailed when
/// any session changed.
pub fn update(
    conn: &mut DbConn,
    id: OfferingId,
    links: &NewOffering<'_>,
    plan: &OfferingPlan,
    sessions: &[SessionEdit],
    base: &str,
    now: Timestamp,
) -> Result<Updated, DbError> {
    let row = lock(conn, id, links.org)?;
    if row.is_cancelled() {
        return Err(invalid("offering", "already-cancelled"));
    }
    registrations::set_capacity(conn, id, plan.capacity, base, now)?;
    let org_path = crate::orgs::path_of(conn, links.org)?.ok_or(DbError::NotFound)?;
    super::check_audience(conn, &org_path, links.audience)?;
    super::check_facilitators(conn, &org_path, links.facilitators)?;
    diesel::update(offerings::table.find(id.0))
        .set((
            offerings::course_id.eq(links.course.map(|c| c.0)),
            offerings::audience_org_id.eq(links.audience.map(|o| o.0)),
            super::plan_columns(plan, now),
        ))
        .execute(conn)?;

    let existing = super::sessions_of(conn, id)?;
    let anyone = has_registrations(conn, id)?;
    let mut changed = 0;
    for edit in sessions {
        match edit.id {
            Some(sid) => {
                let s = existing
                    .iter()
                    .find(|s| s.id == sid && s.cancelled_at.is_none())
                    .ok_or(DbError::NotFound)?;
                if differs(s, &edit.plan) {
                    diesel::update(offering_sessions::table.find(sid.0))
                        .set((
                            super::session_columns(&edit.plan, now),
                            offering_sessions::sequence.eq(offering_sessions::sequence + 1),
                        ))
                        .execute(conn)?;
                    changed += 1;
                }
            }
            None => {
                super::insert_session(conn, id, &edit.plan, now)?;
                changed += 1;
            }
        }
    }
    for s in existing.iter().filter(|s| s.cancelled_at.is_none()) {
        if sessions.iter().any(|e| e.id == Some(s.id)) {
            continue;
        }
        if anyone {
            cancel_session(conn, s.id, now)?;
        } else {
            diesel::delete(offering_sessions::table.find(s.id.0)).execute(conn)?;
        }
        changed += 1;
    }
    super::set_facilitators(conn, id, links.facilitators)?;
    super::set_competencies(conn, id, links.competencies)?;
    // Sessions held and the rule may have changed: credit follows, in this
    // transaction (written, or taken back with its reason).
    super::attendance::evaluate_everyone(conn, id, Some(links.created_by), now)?;
    let told = if changed > 0 {
        let when = next_start(conn, id, now)?;
        tell_everyone(conn, &row, News::Changed, None, when, base, now)?
    } else {
        0
    };
    audit::record(
        conn,
        now,
        Event {
            actor: Some(links.created_by),
            action: "offering.updated",
            org: Some(links.org),
            subject: None,
            detail: serde_json::json!({
                "offering": id.0, "sessions_changed": changed, "told": told,
                "capacity": plan.capacity,
            }),
        },
    )?;
    Ok(Updated {
        sessions_changed: changed,
        told,
    })
}

fn cancel_session(conn: &mut DbConn, id: SessionId, now: Timestamp) -> Result<(), DbError> {
    diesel::update(
        offering_sessions::table
            .find(id.0)
            .filter(offering_sessions::cancelled_at.is_null()),
    )
    .set((
        offering_sessions::cancelled_at.eq(now.micros()),
        offering_sessions::sequence.eq(offering_sessions::sequence + 1),
        offering_sessions::updated_at.eq(now.micros()),
    ))
    .execute(conn)?;
    Ok(())
}

fn has_registrations(conn: &mut DbConn, id: OfferingId) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        regs::table
            .filter(regs::offering_id.eq(id.0))
            .filter(regs::status.eq_any(ACTIVE)),
    ))
    .get_result(conn)?)
}

const ACTIVE: [&str; 3] = ["pending", "confirmed", "waitlisted"];

/// The next session's start (not cancelled, not over), if any.
fn next_start(conn: &mut DbConn, id: OfferingId, now: Timestamp) -> Result<Option<i64>, DbError> {
    Ok(offering_sessions::table
        .filter(offering_sessions::offering_id.eq(id.0))
        .filter(offering_sessions::cancelled_at.is_null())
        .filter(offering_sessions::ends_at.gt(now.micros()))
        .select(diesel::dsl::min(offering_sessions::starts_at))
        .first(conn)?)
}

/// Emails everyone holding, waiting for or asking for a seat; returns how many.
fn tell_everyone(
    conn: &mut DbConn,
    row: &OfferingRow,
    about: News,
    note: Option<&str>,
    when: Option<i64>,
    base: &str,
    now: Timestamp,
) -> Result<usize, DbError> {
    let people: Vec<i64> = regs::table
        .filter(regs::offering_id.eq(row.id.0))
        .filter(regs::status.eq_any(ACTIVE))
        .order(regs::position)
        .select(regs::user_id)
        .load(conn)?;
    for p in &people {
        registrations::tell(conn, row, UserId(*p), about, note, when, base, now)?;
    }
    Ok(people.len())
}

/// Cancels the offering: every session cancelled (SEQUENCE up), everyone
/// registered, waiting or asking emailed with the organiser's note; the
/// registrations stay, to show what was cancelled. Returns how many were told.
pub fn cancel(
    conn: &mut DbConn,
    id: OfferingId,
    org: OrgId,
    message: &str,
    admin: UserId,
    base: &str,
    now: Timestamp,
) -> Result<usize, DbError> {
    let row = lock(conn, id, org)?;
    if row.is_cancelled() {
        return Err(invalid("offering", "already-cancelled"));
    }
    let note = message.trim();
    diesel::update(offerings::table.find(id.0))
        .set((
            offerings::cancelled_at.eq(now.micros()),
            offerings::cancel_message.eq((!note.is_empty()).then(|| note.to_string())),
            offerings::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    for s in super::sessions_of(conn, id)? {
        cancel_session(conn, s.id, now)?;
    }
    let told = tell_everyone(
        conn,
        &row,
        News::Cancelled,
        Some(note),
        row.starts_at,
        base,
        now,
    )?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(admin),
            action: "offering.cancelled",
            org: Some(org),
            subject: None,
            detail: serde_json::json!({ "offering": id.0, "message": note, "told": told }),
        },
    )?;
    Ok(told)
}

/// The offering's plan as the form would type it, every session moved by
/// the days between its first session's date and `first` (each keeping its
/// wall-clock times in its own zone), the registration window with them.
pub fn moved_to(o: &Offering, first: Date) -> OfferingInput {
    let live: Vec<&SessionRow> = o
        .sessions
        .iter()
        .filter(|s| s.cancelled_at.is_none())
        .collect();
    let zone_of = |s: &SessionRow| TimeZone::parse(&s.time_zone).unwrap_or_else(TimeZone::utc);
    let first_zone = live.first().map_or_else(TimeZone::utc, |s| zone_of(s));
    let day_number = |d: Date| d.noon_in(&TimeZone::utc()).micros() / 86_400_000_000;
    let shift = live.first().map_or(0, |s| {
        day_number(first) - day_number(Timestamp::from_micros(s.starts_at).date_in(&first_zone))
    });
    let moved = |d: Date| -> String {
        let at = d.noon_in(&TimeZone::utc()).micros() + shift * 86_400_000_000;
        Timestamp::from_micros(at)
            .date_in(&TimeZone::utc())
            .to_string()
    };
    let local = |at: i64, zone: &TimeZone| {
        let z = Timestamp::from_micros(at).in_zone(zone);
        format!("{:02}:{:02}", z.hour(), z.minute())
    };
    let r = &o.offering;
    let date_of = |at: i64| Timestamp::from_micros(at).date_in(&first_zone);
    OfferingInput {
        title: r.title.clone(),
        description: r.description.clone(),
        language: r.language.as_str().to_string(),
        hours: format!("{}", f64::from(r.quarter_hours) / 4.0),
        capacity: r.capacity.to_string(),
        registration_opens: moved(date_of(r.registration_opens_at)),
        registration_closes: moved(date_of(r.registration_closes_at)),
        needs_approval: r.needs_approval,
        credit_min_percent: r.credit_min_percent.to_string(),
        credit_needs_course: r.credit_needs_course,
        remind_first_minutes: r.remind_first_minutes.to_string(),
        remind_second_minutes: r.remind_second_minutes.to_string(),
        sessions: live
            .iter()
            .map(|s| {
                let zone = zone_of(s);
                SessionInput {
                    date: moved(Timestamp::from_micros(s.starts_at).date_in(&zone)),
                    start: local(s.starts_at, &zone),
                    end: local(s.ends_at, &zone),
                    time_zone: s.time_zone.clone(),
                    mode: s.mode.as_str().to_string(),
                    venue: s.venue.clone(),
                    address: s.address.clone(),
                    room: s.room.clone(),
                    meeting_url: s.meeting_url.clone(),
                }
            })
            .collect(),
    }
}

/// Copies the offering to a new first date (see [`moved_to`]): same
/// links, facilitators and competencies, no registrations. Returns the copy.
pub fn copy(
    conn: &mut DbConn,
    id: OfferingId,
    org: OrgId,
    first: Date,
    admin: UserId,
    now: Timestamp,
) -> Result<OfferingId, DbError> {
    lock(conn, id, org)?;
    let o = super::get(conn, id)?;
    let plan = moved_to(&o, first).validate().map_err(DbError::Invalid)?;
    let facilitators: Vec<UserId> = super::facilitators_of(conn, id)?
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    let competencies = super::competencies_of(conn, id)?;
    let copy = super::create(
        conn,
        &NewOffering {
            org,
            course: o.offering.course_id,
            audience: o.offering.audience_org_id,
            facilitators: &facilitators,
            competencies: &competencies,
            created_by: admin,
        },
        &plan,
        now,
    )?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(admin),
            action: "offering.copied",
            org: Some(org),
            subject: None,
            detail: serde_json::json!({ "offering": id.0, "copy": copy.0, "first": first.to_string() }),
        },
    )?;
    Ok(copy)
}

/// How registering one listed person went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Registered,
    Waitlisted,
    UnknownEmail,
    OutsideAudience,
    AlreadyRegistered,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Registered => "registered",
            Outcome::Waitlisted => "waitlisted",
            Outcome::UnknownEmail => "unknown_email",
            Outcome::OutsideAudience => "outside_audience",
            Outcome::AlreadyRegistered => "already_registered",
        }
    }
}

/// Registers each listed person (by email) as the admin: each line its own
/// outcome, none blocking the others. Refused whole only when the
/// offering is cancelled.
pub fn register_others(
    conn: &mut DbConn,
    id: OfferingId,
    org: OrgId,
    people: &[EmailAddress],
    admin: UserId,
    base: &str,
    now: Timestamp,
) -> Result<Vec<Outcome>, DbError> {
    let row = lock(conn, id, org)?;
    if row.is_cancelled() {
        return Err(invalid("offering", "already-cancelled"));
    }
    let mut out = Vec::with_capacity(people.len());
    for email in people {
        let user = crate::users::by_email(conn, email)?.filter(|u| !u.is_deleted());
        let Some(user) = user else {
            out.push(Outcome::UnknownEmail);
            continue;
        };
        let outcome =
            match registrations::register(conn, id, user.id(), By::Admin(admin), base, now) {
                Ok(RegistrationStatus::Waitlisted) => Outcome::Waitlisted,
                Ok(_) => Outcome::Registered,
                Err(DbError::Invalid(i)) if i.is_only("offering", "outside-audience") => {
                    Outcome::OutsideAudience
                }
                Err(DbError::Invalid(i)) if i.is_only("offering", "already-registered") => {
                    Outcome::AlreadyRegistered
                }
                Err(e) => return Err(e),
            };
        out.push(outcome);
    }
    let registered = out
        .iter()
        .filter(|o| matches!(o, Outcome::Registered | Outcome::Waitlisted))
        .count();
    audit::record(
        conn,
        now,
        Event {
            actor: Some(admin),
            action: "offering.registered_others",
            org: Some(org),
            subject: None,
            detail: serde_json::json!({
                "offering": id.0, "listed": people.len(), "registered": registered,
            }),
        },
    )?;
    Ok(out)
}

/// An admin's decision on `user`'s pending registration. Nobody decides
/// their own case: an admin's own request waits for another admin.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    id: OfferingId,
    org: OrgId,
    user: UserId,
    approve: bool,
    admin: UserId,
    base: &str,
    now: Timestamp,
) -> Result<RegistrationStatus, DbError> {
    if user == admin {
        return Err(invalid("registration", "decide-own-registration"));
    }
    lock(conn, id, org)?;
    let status = registrations::decide(conn, id, user, approve, admin, base, now)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(admin),
            action: if approve {
                "offering.registration_approved"
            } else {
                "offering.registration_declined"
            },
            org: Some(org),
            subject: Some(user),
            detail: serde_json::json!({ "offering": id.0, "status": status.as_str() }),
        },
    )?;
    Ok(status)
}
