//! Workshops as stored: offerings, their sessions, facilitators and
//! competencies (this file); registrations with the waitlist
//! (`registrations`); the offerings not over, kept in memory by each
//! server (`upcoming`); lists for finding offerings and one's sessions
//! (`listing`); editing, copying and cancelling (`manage`); attendance and
//! workshop credit (`attendance`); calendar feeds and reminders
//! (`calendar`); surveys after sessions (`surveys`).
//!
//! An offering belongs to its organising organisation: callers check the
//! actor may manage offerings there (`Action::ManageOfferings`) against the
//! `org_id` read here, inside the same transaction as the change.

pub mod attendance;
pub mod calendar;
pub mod listing;
pub mod manage;
pub mod registrations;
pub mod surveys;
pub mod upcoming;

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{
    memberships, offering_competencies, offering_facilitators, offering_sessions, offerings, orgs,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgPath;
use lyceum_domain::role::Role;
use lyceum_domain::token::new_public_id;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::Mode;
use lyceum_domain::workshop::offering::{OfferingPlan, SessionPlan};
use lyceum_domain::{CourseId, OfferingId, OrgId, SessionId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offerings)]
pub struct OfferingRow {
    #[diesel(deserialize_as = Id<OfferingId>)]
    pub id: OfferingId,
    #[diesel(deserialize_as = Id<OrgId>)]
    pub org_id: OrgId,
    #[diesel(deserialize_as = Id<Option<CourseId>>)]
    pub course_id: Option<CourseId>,
    pub title: String,
    pub description: String,
    #[diesel(deserialize_as = Code<Lang>)]
    pub language: Lang,
    pub quarter_hours: i32,
    #[diesel(deserialize_as = Id<Option<OrgId>>)]
    pub audience_org_id: Option<OrgId>,
    pub capacity: i32,
    pub confirmed: i32,
    pub queued: i32,
    /// People waiting, kept by the database's triggers on `registrations`.
    pub waitlisted: i32,
    pub needs_approval: bool,
    pub registration_opens_at: i64,
    pub registration_closes_at: i64,
    pub credit_min_percent: i32,
    pub credit_needs_course: bool,
    pub remind_first_minutes: i32,
    pub remind_second_minutes: i32,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub cancel_message: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl OfferingRow {
    /// Seats left (never below zero).
    pub fn seats_left(&self) -> u32 {
        u32::try_from(self.capacity - self.confirmed).unwrap_or(0)
    }

    pub fn hours(&self) -> u32 {
        u32::try_from(self.quarter_hours).unwrap_or(0)
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled_at.is_some()
    }

    /// Registration is open at `now`: inside the window, not cancelled.
    pub fn open_at(&self, now: Timestamp) -> bool {
        !self.is_cancelled()
            && self.registration_opens_at <= now.micros()
            && now.micros() <= self.registration_closes_at
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offering_sessions)]
pub struct SessionRow {
    #[diesel(deserialize_as = Id<SessionId>)]
    pub id: SessionId,
    #[diesel(deserialize_as = Id<OfferingId>)]
    pub offering_id: OfferingId,
    pub uid: String,
    pub sequence: i32,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    #[diesel(deserialize_as = Code<Mode>)]
    pub mode: Mode,
    pub venue: String,
    pub address: String,
    pub room: String,
    pub meeting_url: String,
    pub checkin_code: String,
    pub cancelled_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Who organises a new offering and what it is linked to; the plan holds
/// the rest.
pub struct NewOffering<'a> {
    pub org: OrgId,
    /// A cohort run of this course (the caller checked the organiser may see it).
    pub course: Option<CourseId>,
    /// Who may register: this subtree, or anyone signed in.
    pub audience: Option<OrgId>,
    pub facilitators: &'a [UserId],
    pub competencies: &'a [String],
    pub created_by: UserId,
}

/// An offering with its sessions, in order of start.
#[derive(Debug, Clone)]
pub struct Offering {
    pub offering: OfferingRow,
    pub sessions: Vec<SessionRow>,
}

/// Creates an offering with its sessions, facilitators, competencies and
/// its members-only community space (`community::create_space_for`).
/// The audience must be the organiser's subtree or inside it, and every
/// facilitator must hold the facilitator role at the organiser, above it or
/// below it (never in a sibling's tree).
pub fn create(
    conn: &mut DbConn,
    new: &NewOffering<'_>,
    plan: &OfferingPlan,
    now: Timestamp,
) -> Result<OfferingId, DbError> {
    let org_path = crate::orgs::path_of(conn, new.org)?.ok_or(DbError::NotFound)?;
    check_audience(conn, &org_path, new.audience)?;
    check_facilitators(conn, &org_path, new.facilitators)?;
    let id: i64 = diesel::insert_into(offerings::table)
        .values((
            offerings::org_id.eq(new.org.0),
            offerings::course_id.eq(new.course.map(|c| c.0)),
            offerings::audience_org_id.eq(new.audience.map(|o| o.0)),
            offerings::created_by.eq(new.created_by.0),
            offerings::created_at.eq(now.micros()),
            offerings::capacity.eq(to_i32(plan.capacity)),
            plan_columns(plan, now),
        ))
        .returning(offerings::id)
        .get_result(conn)?;
    let offering = OfferingId(id);
    for s in &plan.sessions {
        insert_session(conn, offering, s, now)?;
    }
    set_facilitators(conn, offering, new.facilitators)?;
    set_competencies(conn, offering, new.competencies)?;
    let row = find(conn, offering)?.ok_or(DbError::NotFound)?;
    crate::community::create_space_for(conn, &row, now)?;
    Ok(offering)
}

type PlanColumns = (
    diesel::dsl::Eq<offerings::title, String>,
    diesel::dsl::Eq<offerings::description, String>,
    diesel::dsl::Eq<offerings::language, &'static str>,
    diesel::dsl::Eq<offerings::quarter_hours, i32>,
    diesel::dsl::Eq<offerings::needs_approval, bool>,
    diesel::dsl::Eq<offerings::registration_opens_at, i64>,
    diesel::dsl::Eq<offerings::registration_closes_at, i64>,
    diesel::dsl::Eq<offerings::credit_min_percent, i32>,
    diesel::dsl::Eq<offerings::credit_needs_course, bool>,
    diesel::dsl::Eq<offerings::remind_first_minutes, i32>,
    diesel::dsl::Eq<offerings::remind_second_minutes, i32>,
    diesel::dsl::Eq<offerings::starts_at, Option<i64>>,
    diesel::dsl::Eq<offerings::ends_at, Option<i64>>,
    diesel::dsl::Eq<offerings::updated_at, i64>,
);

/// The columns a plan sets, on create and on every edit.
fn plan_columns(plan: &OfferingPlan, now: Timestamp) -> PlanColumns {
    (
        offerings::title.eq(plan.title.clone()),
        offerings::description.eq(plan.description.clone()),
        offerings::language.eq(plan.language.as_str()),
        offerings::quarter_hours.eq(to_i32(plan.quarter_hours)),
        offerings::needs_approval.eq(plan.needs_approval),
        offerings::registration_opens_at.eq(plan.registration_opens_at.micros()),
        offerings::registration_closes_at.eq(plan.registration_closes_at.micros()),
        offerings::credit_min_percent.eq(to_i32(plan.credit_min_percent)),
        offerings::credit_needs_course.eq(plan.credit_needs_course),
        offerings::remind_first_minutes.eq(to_i32(plan.remind_first_minutes)),
        offerings::remind_second_minutes.eq(to_i32(plan.remind_second_minutes)),
        offerings::starts_at.eq(Some(plan.starts_at().micros())),
        offerings::ends_at.eq(Some(plan.ends_at().micros())),
        offerings::updated_at.eq(now.micros()),
    )
}

fn to_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn insert_session(
    conn: &mut DbConn,
    offering: OfferingId,
    s: &SessionPlan,
    now: Timestamp,
) -> Result<SessionId, DbError> {
    let uid = new_public_id().map_err(|e| DbError::task_from("no random numbers", e))?;
    let code = lyceum_domain::workshop::new_checkin_code()
        .map_err(|e| DbError::task_from("no random numbers", e))?;
    let id: i64 = diesel::insert_into(offering_sessions::table)
        .values((
            offering_sessions::offering_id.eq(offering.0),
            offering_sessions::uid.eq(uid),
            offering_sessions::checkin_code.eq(code),
            offering_sessions::created_at.eq(now.micros()),
            session_columns(s, now),
        ))
        .returning(offering_sessions::id)
        .get_result(conn)?;
    Ok(SessionId(id))
}

type SessionColumns = (
    diesel::dsl::Eq<offering_sessions::starts_at, i64>,
    diesel::dsl::Eq<offering_sessions::ends_at, i64>,
    diesel::dsl::Eq<offering_sessions::time_zone, String>,
    diesel::dsl::Eq<offering_sessions::mode, &'static str>,
    diesel::dsl::Eq<offering_sessions::venue, String>,
    diesel::dsl::Eq<offering_sessions::address, String>,
    diesel::dsl::Eq<offering_sessions::room, String>,
    diesel::dsl::Eq<offering_sessions::meeting_url, String>,
    diesel::dsl::Eq<offering_sessions::updated_at, i64>,
);

fn session_columns(s: &SessionPlan, now: Timestamp) -> SessionColumns {
    (
        offering_sessions::starts_at.eq(s.starts_at.micros()),
        offering_sessions::ends_at.eq(s.ends_at.micros()),
        offering_sessions::time_zone.eq(s.zone.clone()),
        offering_sessions::mode.eq(s.mode.as_str()),
        offering_sessions::venue.eq(s.venue.clone()),
        offering_sessions::address.eq(s.address.clone()),
        offering_sessions::room.eq(s.room.clone()),
        offering_sessions::meeting_url.eq(s.meeting_url.clone()),
        offering_sessions::updated_at.eq(now.micros()),
    )
}

fn set_facilitators(
    conn: &mut DbConn,
    offering: OfferingId,
    people: &[UserId],
) -> Result<(), DbError> {
    diesel::delete(
        offering_facilitators::table.filter(offering_facilitators::offering_id.eq(offering.0)),
    )
    .execute(conn)?;
    let mut seen = std::collections::BTreeSet::new();
    for p in people.iter().filter(|p| seen.insert(p.0)) {
        diesel::insert_into(offering_facilitators::table)
            .values((
                offering_facilitators::offering_id.eq(offering.0),
                offering_facilitators::user_id.eq(p.0),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn set_competencies(
    conn: &mut DbConn,
    offering: OfferingId,
    ids: &[String],
) -> Result<(), DbError> {
    diesel::delete(
        offering_competencies::table.filter(offering_competencies::offering_id.eq(offering.0)),
    )
    .execute(conn)?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, c) in ids.iter().filter(|c| seen.insert(c.as_str())).enumerate() {
        let known: i64 = crate::schema::competencies::table
            .filter(crate::schema::competencies::id.eq(c))
            .count()
            .get_result(conn)?;
        if known == 0 {
            return Err(DbError::Invalid(Invalid(vec![
                FieldError::new("competencies", "unknown-competency").with_arg("value", c),
            ])));
        }
        diesel::insert_into(offering_competencies::table)
            .values((
                offering_competencies::offering_id.eq(offering.0),
                offering_competencies::competency_id.eq(c),
                offering_competencies::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The audience is the organiser's subtree or inside it: an admin offers
/// seats to their own people, never to a neighbour's.
fn check_audience(
    conn: &mut DbConn,
    org: &OrgPath,
    audience: Option<OrgId>,
) -> Result<(), DbError> {
    let Some(audience) = audience else {
        return Ok(());
    };
    match crate::orgs::path_of(conn, audience)? {
        Some(path) if org.contains(&path) => Ok(()),
        _ => Err(DbError::Invalid(Invalid::one(
            "audience",
            "audience-outside",
        ))),
    }
}

/// Each facilitator holds the facilitator role at the organiser, above it
/// or below it.
fn check_facilitators(conn: &mut DbConn, org: &OrgPath, people: &[UserId]) -> Result<(), DbError> {
    for p in people {
        let paths: Vec<String> = memberships::table
            .inner_join(orgs::table)
            .filter(memberships::user_id.eq(p.0))
            .filter(memberships::role.eq(Role::Facilitator.as_str()))
            .select(orgs::path)
            .load(conn)?;
        let ok = paths
            .iter()
            .filter_map(|p| OrgPath::parse(p))
            .any(|p| p.contains(org) || org.contains(&p));
        if !ok {
            return Err(DbError::Invalid(Invalid(vec![
                FieldError::new("facilitators", "not-a-facilitator").with_arg("value", p.0),
            ])));
        }
    }
    Ok(())
}

/// The offering, or `None`.
pub fn find(conn: &mut DbConn, id: OfferingId) -> Result<Option<OfferingRow>, DbError> {
    Ok(offerings::table
        .find(id.0)
        .select(OfferingRow::as_select())
        .first(conn)
        .optional()?)
}

/// The offering with its sessions (cancelled ones included, marked).
pub fn get(conn: &mut DbConn, id: OfferingId) -> Result<Offering, DbError> {
    let offering = find(conn, id)?.ok_or(DbError::NotFound)?;
    let sessions = sessions_of(conn, id)?;
    Ok(Offering { offering, sessions })
}

pub fn sessions_of(conn: &mut DbConn, id: OfferingId) -> Result<Vec<SessionRow>, DbError> {
    Ok(offering_sessions::table
        .filter(offering_sessions::offering_id.eq(id.0))
        .order((offering_sessions::starts_at, offering_sessions::id))
        .select(SessionRow::as_select())
        .load(conn)?)
}

pub fn session(conn: &mut DbConn, id: SessionId) -> Result<Option<SessionRow>, DbError> {
    Ok(offering_sessions::table
        .find(id.0)
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?)
}

/// The facilitators of an offering, by name.
pub fn facilitators_of(
    conn: &mut DbConn,
    id: OfferingId,
) -> Result<Vec<(UserId, String)>, DbError> {
    use crate::schema::users;
    let rows: Vec<(i64, String)> = offering_facilitators::table
        .inner_join(users::table.on(users::id.eq(offering_facilitators::user_id)))
        .filter(offering_facilitators::offering_id.eq(id.0))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, n)| (UserId(id), n)).collect())
}

pub fn competencies_of(conn: &mut DbConn, id: OfferingId) -> Result<Vec<String>, DbError> {
    Ok(offering_competencies::table
        .filter(offering_competencies::offering_id.eq(id.0))
        .order(offering_competencies::position)
        .select(offering_competencies::competency_id)
        .load(conn)?)
}

/// Whether `user` facilitates the offering.
pub fn facilitates(conn: &mut DbConn, id: OfferingId, user: UserId) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        offering_facilitators::table
            .filter(offering_facilitators::offering_id.eq(id.0))
            .filter(offering_facilitators::user_id.eq(user.0)),
    ))
    .get_result(conn)?)
}

/// Other sessions `user` facilitates that overlap `[start, end)`, as
/// (offering title, start): warned about when planning, never refused.
pub fn facilitator_busy(
    conn: &mut DbConn,
    user: UserId,
    except: Option<OfferingId>,
    start: Timestamp,
    end: Timestamp,
) -> Result<Vec<(Timestamp, Timestamp)>, DbError> {
    let rows: Vec<(i64, i64)> = offering_sessions::table
        .inner_join(
            offering_facilitators::table
                .on(offering_facilitators::offering_id.eq(offering_sessions::offering_id)),
        )
        .filter(offering_facilitators::user_id.eq(user.0))
        .filter(offering_sessions::offering_id.ne(except.map_or(0, |o| o.0)))
        .filter(offering_sessions::cancelled_at.is_null())
        .filter(offering_sessions::starts_at.lt(end.micros()))
        .filter(offering_sessions::ends_at.gt(start.micros()))
        .select((offering_sessions::starts_at, offering_sessions::ends_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(s, e)| (Timestamp::from_micros(s), Timestamp::from_micros(e)))
        .collect())
}

/// An offering as one signed-in person stands to it: the offering with its
/// sessions, whether they facilitate it, and their registration — in one
/// read, for every page and API answer about it.
#[derive(Debug, Clone)]
pub struct Standing {
    pub offering: Offering,
    pub facilitates: bool,
    pub registration: Option<registrations::RegistrationRow>,
}

pub fn standing_of(
    conn: &mut DbConn,
    id: OfferingId,
    user: UserId,
) -> Result<Option<Standing>, DbError> {
    crate::snapshot(conn, |c| {
        let Some(offering) = find(c, id)? else {
            return Ok(None);
        };
        let sessions = sessions_of(c, id)?;
        Ok(Some(Standing {
            offering: Offering { offering, sessions },
            facilitates: facilitates(c, id, user)?,
            registration: registrations::of(c, id, user)?,
        }))
    })
}
