//! The offerings not over yet, as the educators' list filters them, read
//! whole by each server and kept in memory (`web::workshop_actions`): the
//! list, its course choices and its states are then worked out without a
//! statement, and only the page's cards are read (`listing::cards`).
//!
//! The kept copy is checked on each use against `offerings_version`, which
//! triggers move whenever something this reads changes: an offering added,
//! removed, moved in time, cancelled, given another organiser, audience,
//! course or language; a session added, removed, cancelled or changed
//! online or in a room; an organisation moved or renamed; a course renamed.
//! Registering does not move it (seats and waitlists are the cards'), so a
//! webinar day's thousands of registrations keep every server's copy.

use crate::schema::{courses, offering_sessions, offerings, offerings_version, orgs};
use crate::{DbConn, DbError};
use diesel::dsl::exists;
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::workshop::Mode;
use lyceum_domain::{CourseId, OrgId, Timestamp};
use std::collections::BTreeMap;

/// The most offerings one page lists.
pub const MAX_PAGE: i64 = 50;

/// What the reader may see, from their grants (`web::workshop_actions`'s
/// rule): offerings with no audience (everyone signed in), those whose
/// audience holds one of their memberships, and all those organised where
/// they manage offerings.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Organisations whose audience the reader is in: every organisation on
    /// the path of each of their memberships (an audience covers its subtree).
    pub audiences: Vec<i64>,
    /// Subtrees where the reader manages offerings: they see all there.
    pub managed: Vec<OrgPath>,
}

/// The filters of the list; all optional but the clock.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Offerings not over at this instant (`ends_at` from now).
    pub now: Timestamp,
    /// Organised inside one of these subtrees ("near me": the reader's
    /// districts or states, or a state chosen).
    pub near: Vec<OrgPath>,
    /// At least one session online (virtual, or in a room and online).
    pub virtual_only: bool,
    pub course: Option<CourseId>,
    /// Starting at or after this instant.
    pub from: Option<Timestamp>,
    /// Starting before this instant.
    pub until: Option<Timestamp>,
    pub language: Option<Lang>,
    /// Keyset: after this (start, id) in the list's order.
    pub after: Option<(i64, i64)>,
    /// At most [`MAX_PAGE`].
    pub limit: i64,
}

/// What the list filters an offering on.
#[derive(Debug, Clone)]
pub struct Brief {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The organising organisation's path ("managed", "near me").
    pub organiser: OrgPath,
    /// No audience: everyone signed in.
    pub audience: Option<i64>,
    pub course: Option<i64>,
    pub language: Option<Lang>,
    /// At least one session, not cancelled, online (virtual or both).
    pub online: bool,
}

/// A state: the "near" filter's choices.
#[derive(Debug, Clone)]
pub struct State {
    pub id: OrgId,
    pub name: String,
}

/// The offerings not cancelled that end at or after `since`, soonest
/// first, as of `version`.
#[derive(Debug, Clone)]
pub struct Upcoming {
    pub version: i64,
    /// When it was read: good for readers whose clock is at or after it
    /// (an offering that ended before it is not here).
    pub since: Timestamp,
    /// By (start, id): the list's order.
    pub offerings: Vec<Brief>,
    /// The titles of the courses they run.
    pub course_titles: BTreeMap<i64, String>,
    /// Every state, by name.
    pub states: Vec<State>,
}

/// The version now.
pub fn version(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(offerings_version::table
        .find(1)
        .select(offerings_version::version)
        .first(conn)?)
}

/// The offerings not over at `now`, as they are now.
pub fn load(conn: &mut DbConn, now: Timestamp) -> Result<Upcoming, DbError> {
    crate::snapshot(conn, |c| {
        // The version first: a copy newer than its number is only read
        // again on the next request, never kept as current when it is not.
        let version = version(c)?;
        let online = [Mode::Virtual.as_str(), Mode::Both.as_str()];
        type Row = (
            i64,
            Option<i64>,
            Option<i64>,
            String,
            Option<i64>,
            Option<i64>,
            String,
            bool,
        );
        let rows: Vec<Row> = offerings::table
            .inner_join(orgs::table.on(orgs::id.eq(offerings::org_id)))
            .filter(offerings::cancelled_at.is_null())
            .filter(offerings::ends_at.ge(now.micros()))
            .order((offerings::starts_at, offerings::id))
            .select((
                offerings::id,
                offerings::starts_at,
                offerings::ends_at,
                orgs::path,
                offerings::audience_org_id,
                offerings::course_id,
                offerings::language,
                exists(
                    offering_sessions::table
                        .filter(offering_sessions::offering_id.eq(offerings::id))
                        .filter(offering_sessions::cancelled_at.is_null())
                        .filter(offering_sessions::mode.eq_any(online)),
                ),
            ))
            .load(c)?;
        let course_titles = offerings::table
            .inner_join(courses::table.on(offerings::course_id.eq(courses::id.nullable())))
            .filter(offerings::cancelled_at.is_null())
            .filter(offerings::ends_at.ge(now.micros()))
            .select((courses::id, courses::title))
            .distinct()
            .load::<(i64, String)>(c)?
            .into_iter()
            .collect();
        let states = orgs::table
            .filter(orgs::kind.eq(OrgKind::State.as_str()))
            .order((orgs::name, orgs::id))
            .select((orgs::id, orgs::name))
            .load::<(i64, String)>(c)?
            .into_iter()
            .map(|(id, name)| State {
                id: OrgId(id),
                name,
            })
            .collect();
        let offerings = rows
            .into_iter()
            .filter_map(
                |(id, starts, ends, path, audience, course, language, online)| {
                    Some(Brief {
                        id,
                        starts_at: starts?,
                        ends_at: ends?,
                        organiser: OrgPath::parse(&path)?,
                        audience,
                        course,
                        language: Lang::parse(&language),
                        online,
                    })
                },
            )
            .collect();
        Ok(Upcoming {
            version,
            since: now,
            offerings,
            course_titles,
            states,
        })
    })
}

impl Seen {
    /// Whether the reader may see `o`: open to everyone, or to an audience
    /// they are in, or organised where they manage offerings.
    pub fn sees(&self, o: &Brief) -> bool {
        o.audience.is_none_or(|a| self.audiences.contains(&a))
            || self.managed.iter().any(|m| m.contains(&o.organiser))
    }
}

impl Upcoming {
    /// The ids of the page `f` finds among the offerings `seen` lets the
    /// reader see, in the list's order, at most `f.limit` (capped).
    pub fn find(&self, seen: &Seen, f: &Filter) -> Vec<i64> {
        let limit = usize::try_from(f.limit.clamp(1, MAX_PAGE)).unwrap_or(1);
        let now = f.now.micros();
        // Keyset: the first offering after the cursor, by (start, id).
        let first = f.after.map_or(0, |after| {
            self.offerings
                .partition_point(|o| (o.starts_at, o.id) <= after)
        });
        self.offerings[first..]
            .iter()
            .filter(|o| o.ends_at >= now)
            .filter(|o| f.from.is_none_or(|t| o.starts_at >= t.micros()))
            .filter(|o| f.until.is_none_or(|t| o.starts_at < t.micros()))
            .filter(|o| f.course.is_none_or(|c| o.course == Some(c.0)))
            .filter(|o| f.language.is_none_or(|l| o.language == Some(l)))
            .filter(|o| !f.virtual_only || o.online)
            .filter(|o| f.near.is_empty() || f.near.iter().any(|n| n.contains(&o.organiser)))
            .filter(|o| seen.sees(o))
            .take(limit)
            .map(|o| o.id)
            .collect()
    }

    /// The courses of offerings `seen` lets the reader see, not over at
    /// `now`, by title: the course filter's choices.
    pub fn courses_offered(&self, seen: &Seen, now: Timestamp) -> Vec<(i64, String)> {
        let mut ids: Vec<i64> = self
            .offerings
            .iter()
            .filter(|o| o.ends_at >= now.micros() && seen.sees(o))
            .filter_map(|o| o.course)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut courses: Vec<(i64, String)> = ids
            .into_iter()
            .filter_map(|id| Some((id, self.course_titles.get(&id)?.clone())))
            .collect();
        courses.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        courses
    }
}
