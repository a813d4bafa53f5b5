//! Lists for educators: the cards of a page of offerings (`cards`; which
//! offerings are on the page is `upcoming`'s, worked out in memory), one's
//! place on a waitlist, and one's own sessions and history (`mine`).
//!
//! Who may see an offering is decided before a page is cut, over every
//! offering not over (`upcoming::Seen`).

use super::OfferingRow;
use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{courses, offering_sessions, offerings, orgs, registrations};
use crate::{DbConn, DbError};
use diesel::dsl::exists;
use diesel::prelude::*;
use lyceum_domain::workshop::{Mode, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};

/// One offering as the list shows it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub offering: OfferingRow,
    pub organiser: String,
    /// The course of a cohort run: (slug, title).
    pub course: Option<(String, String)>,
    /// People on the waitlist.
    pub waitlisted: i64,
    pub has_online: bool,
    pub has_room: bool,
    /// The reader's registration, when in play.
    pub mine: Option<RegistrationStatus>,
}

/// `col = a OR col = b …`: a condition of fixed shape, where `eq_any`
/// (like any SQL literal) makes Diesel prepare the statement again on every
/// run on SQLite — a fifth of the list's CPU at 400,000 educators.
macro_rules! one_of {
    ($col:expr, $first:expr $(, $more:expr)* $(,)?) => {
        $col.eq($first)$(.or($col.eq($more)))*
    };
}

/// Cards read a statement at a time: ids beyond a chunk's own are padded
/// with 0, which no offering has, so the statement keeps one shape.
const CARD_CHUNK: usize = 21;

type Row = (
    OfferingRow,
    String,
    Option<String>,
    Option<String>,
    bool,
    bool,
    Option<String>,
);

/// The cards of the offerings `ids`, in the list's order, read in one
/// snapshot.
pub fn cards(conn: &mut DbConn, reader: UserId, ids: &[i64]) -> Result<Vec<Listed>, DbError> {
    crate::snapshot(conn, |c| read_cards(c, reader, ids))
}

fn read_cards(conn: &mut DbConn, reader: UserId, ids: &[i64]) -> Result<Vec<Listed>, DbError> {
    let (online, room, both) = (
        Mode::Virtual.as_str(),
        Mode::InPerson.as_str(),
        Mode::Both.as_str(),
    );
    let mut rows: Vec<Row> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CARD_CHUNK) {
        let mut k = [0i64; CARD_CHUNK];
        k[..chunk.len()].copy_from_slice(chunk);
        rows.extend(crate::on_backend!(conn, |c| {
            offerings::table
                .inner_join(orgs::table.on(orgs::id.eq(offerings::org_id)))
                .left_join(courses::table.on(offerings::course_id.eq(courses::id.nullable())))
                .filter(one_of!(
                    offerings::id,
                    k[0],
                    k[1],
                    k[2],
                    k[3],
                    k[4],
                    k[5],
                    k[6],
                    k[7],
                    k[8],
                    k[9],
                    k[10],
                    k[11],
                    k[12],
                    k[13],
                    k[14],
                    k[15],
                    k[16],
                    k[17],
                    k[18],
                    k[19],
                    k[20],
                ))
                .select((
                    OfferingRow::as_select(),
                    orgs::name,
                    courses::slug.nullable(),
                    courses::title.nullable(),
                    exists(
                        offering_sessions::table
                            .filter(offering_sessions::offering_id.eq(offerings::id))
                            .filter(offering_sessions::cancelled_at.is_null())
                            .filter(one_of!(offering_sessions::mode, online, both)),
                    ),
                    exists(
                        offering_sessions::table
                            .filter(offering_sessions::offering_id.eq(offerings::id))
                            .filter(offering_sessions::cancelled_at.is_null())
                            .filter(one_of!(offering_sessions::mode, room, both)),
                    ),
                    registrations::table
                        .filter(registrations::offering_id.eq(offerings::id))
                        .filter(registrations::user_id.eq(reader.0))
                        .select(registrations::status)
                        .single_value(),
                ))
                .load::<Row>(c)
        })?);
    }
    // In the page's order, as `ids` has it.
    rows.sort_by_key(|r| ids.iter().position(|&id| id == r.0.id.0));
    Ok(rows
        .into_iter()
        .map(
            |(offering, organiser, slug, title, has_online, has_room, mine)| Listed {
                waitlisted: i64::from(offering.waitlisted),
                offering,
                organiser,
                course: slug.zip(title),
                has_online,
                has_room,
                mine: mine
                    .as_deref()
                    .and_then(RegistrationStatus::parse)
                    .filter(|s| s.active()),
            },
        )
        .collect())
}

/// `user`'s place on the offering's waitlist (1 = next), if they are on it.
pub fn waitlist_place(
    conn: &mut DbConn,
    offering: OfferingId,
    user: UserId,
) -> Result<Option<i64>, DbError> {
    let waiting = RegistrationStatus::Waitlisted.as_str();
    let Some(mine) = super::registrations::of(conn, offering, user)?
        .filter(|r| r.status == RegistrationStatus::Waitlisted)
    else {
        return Ok(None);
    };
    let ahead: i64 = registrations::table
        .filter(registrations::offering_id.eq(offering.0))
        .filter(registrations::status.eq(waiting))
        .filter(
            registrations::position
                .lt(mine.position)
                .or(registrations::position
                    .eq(mine.position)
                    .and(registrations::id.lt(mine.id))),
        )
        .count()
        .get_result(conn)?;
    Ok(Some(ahead + 1))
}

/// A session of an offering one is registered for (or waiting for).
#[derive(Debug, Clone)]
pub struct MySession {
    pub id: SessionId,
    pub offering: OfferingId,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    pub mode: Mode,
    pub venue: String,
    pub status: RegistrationStatus,
}

/// An offering one registered for, with where that stands.
#[derive(Debug, Clone)]
pub struct MyOffering {
    pub offering: OfferingId,
    pub title: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub cancelled: bool,
    pub status: RegistrationStatus,
}

/// How many of each list `mine` reads at most.
pub const MAX_MINE: i64 = 100;

/// `user`'s sessions not over yet (soonest first) in offerings they are
/// registered for or waiting for, and their offerings over, cancelled or
/// left (newest first).
pub fn mine(
    conn: &mut DbConn,
    user: UserId,
    now: Timestamp,
) -> Result<(Vec<MySession>, Vec<MyOffering>), DbError> {
    let (confirmed, waitlisted, pending) = (
        RegistrationStatus::Confirmed.as_str(),
        RegistrationStatus::Waitlisted.as_str(),
        RegistrationStatus::Pending.as_str(),
    );
    type SessionTuple = (
        Id<SessionId>,
        Id<OfferingId>,
        String,
        i64,
        i64,
        String,
        Code<Mode>,
        String,
        Code<RegistrationStatus>,
    );
    let upcoming: Vec<SessionTuple> = crate::on_backend!(conn, |c| registrations::table
        .inner_join(offerings::table.on(offerings::id.eq(registrations::offering_id)))
        .inner_join(offering_sessions::table.on(offering_sessions::offering_id.eq(offerings::id)),)
        .filter(registrations::user_id.eq(user.0))
        .filter(one_of!(
            registrations::status,
            confirmed,
            waitlisted,
            pending
        ))
        .filter(offerings::cancelled_at.is_null())
        .filter(offering_sessions::cancelled_at.is_null())
        .filter(offering_sessions::ends_at.ge(now.micros()))
        .order((offering_sessions::starts_at, offering_sessions::id))
        .limit(MAX_MINE)
        .select((
            offering_sessions::id,
            offerings::id,
            offerings::title,
            offering_sessions::starts_at,
            offering_sessions::ends_at,
            offering_sessions::time_zone,
            offering_sessions::mode,
            offering_sessions::venue,
            registrations::status,
        ))
        .load(c))?;
    type OfferingTuple = (
        Id<OfferingId>,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Code<RegistrationStatus>,
    );
    // History: over, cancelled by the organiser, or left / not approved.
    let history: Vec<OfferingTuple> = crate::on_backend!(conn, |c| registrations::table
        .inner_join(offerings::table.on(offerings::id.eq(registrations::offering_id)))
        .filter(registrations::user_id.eq(user.0))
        .filter(
            offerings::ends_at
                .lt(now.micros())
                .or(offerings::cancelled_at.is_not_null())
                .or(registrations::status
                    .ne(confirmed)
                    .and(registrations::status.ne(waitlisted))
                    .and(registrations::status.ne(pending))),
        )
        .order((offerings::starts_at.desc(), offerings::id.desc()))
        .limit(MAX_MINE)
        .select((
            offerings::id,
            offerings::title,
            offerings::starts_at,
            offerings::ends_at,
            offerings::cancelled_at,
            registrations::status,
        ))
        .load(c))?;
    Ok((
        upcoming
            .into_iter()
            .map(
                |(id, o, title, s, e, zone, mode, venue, status)| MySession {
                    id: id.into(),
                    offering: o.into(),
                    title,
                    starts_at: s,
                    ends_at: e,
                    time_zone: zone,
                    mode: mode.into(),
                    venue,
                    status: status.into(),
                },
            )
            .collect(),
        history
            .into_iter()
            .map(|(o, title, s, e, cancelled, status)| MyOffering {
                offering: o.into(),
                title,
                starts_at: s,
                ends_at: e,
                cancelled: cancelled.is_some(),
                status: status.into(),
            })
            .collect(),
    ))
}

/// A competency with its names: (id, code, English, Spanish).
pub type NamedCompetency = (String, Option<String>, Option<String>, Option<String>);

/// An offering's competencies with their names.
pub fn competencies_named(
    conn: &mut DbConn,
    offering: OfferingId,
) -> Result<Vec<NamedCompetency>, DbError> {
    use crate::schema::{competencies, offering_competencies};
    Ok(offering_competencies::table
        .inner_join(
            competencies::table.on(competencies::id.eq(offering_competencies::competency_id)),
        )
        .filter(offering_competencies::offering_id.eq(offering.0))
        .order(offering_competencies::position)
        .select((
            competencies::id,
            competencies::code,
            competencies::name_en,
            competencies::name_es,
        ))
        .load(conn)?)
}

/// What an offering's page shows beside the offering: its organiser's
/// name, its course (slug, title), facilitators' names, competencies, the
/// waitlist's length and the reader's place on it.
#[derive(Debug, Clone, Default)]
pub struct Around {
    pub organiser: String,
    pub course: Option<(String, String)>,
    pub facilitators: Vec<String>,
    pub competencies: Vec<NamedCompetency>,
    pub waitlisted: i64,
    pub place: Option<i64>,
}

pub fn around(
    conn: &mut DbConn,
    offering: &OfferingRow,
    reader: UserId,
) -> Result<Around, DbError> {
    crate::snapshot(conn, |c| {
        let organiser: String = orgs::table
            .find(offering.org_id.0)
            .select(orgs::name)
            .first(c)?;
        let course = match offering.course_id {
            Some(id) => courses::table
                .find(id.0)
                .select((courses::slug, courses::title))
                .first(c)
                .optional()?,
            None => None,
        };
        Ok(Around {
            organiser,
            course,
            facilitators: super::facilitators_of(c, offering.id)?
                .into_iter()
                .map(|(_, n)| n)
                .collect(),
            competencies: competencies_named(c, offering.id)?,
            waitlisted: i64::from(offering.waitlisted),
            place: waitlist_place(c, offering.id, reader)?,
        })
    })
}
