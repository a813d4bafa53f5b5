//! The first step after registering: one's school and what one teaches,
//! asked once, skippable. A `welcomes` row is the step still waiting.
//!
//! The school is chosen among the schools inside an organisation the
//! person already belongs to (the one their email domain or join code
//! put them in), and joined as an educator only: nothing reaches above or
//! beside where they already are, and the join is audited.

use crate::audit::{self, Event};
use crate::codes::Code;
use crate::memberships;
use crate::orgs::OrgRow;
use crate::schema::{memberships as m, orgs, user_grade_bands, user_subjects, welcomes};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::org::{OrgKind, OrgPath};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, Timestamp, UserId};

/// Marks the step as waiting for a person who just registered.
pub fn start(conn: &mut DbConn, user: UserId, now: Timestamp) -> Result<(), DbError> {
    diesel::insert_into(welcomes::table)
        .values((
            welcomes::user_id.eq(user.0),
            welcomes::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether the step waits for `user`.
pub fn pending(conn: &mut DbConn, user: UserId) -> Result<bool, DbError> {
    Ok(welcomes::table
        .find(user.0)
        .select(welcomes::user_id)
        .first::<i64>(conn)
        .optional()?
        .is_some())
}

/// Schools `user` may join here: inside a district or local they belong
/// to (or that school itself), that they do not belong to yet; by name.
/// A membership of a whole state or of the programme offers none: a
/// state's join code is no reason to walk into any of its schools.
pub fn schools_for(conn: &mut DbConn, user: UserId) -> Result<Vec<OrgRow>, DbError> {
    let rows: Vec<(String, i64, OrgKind)> = m::table
        .inner_join(orgs::table)
        .filter(m::user_id.eq(user.0))
        .select((orgs::path, orgs::id, orgs::kind))
        .load::<(String, i64, Code<OrgKind>)>(conn)?
        .into_iter()
        .map(|(path, id, kind)| (path, id, kind.into()))
        .collect();
    let mine: Vec<i64> = rows.iter().map(|(_, id, _)| *id).collect();
    let offering = [OrgKind::District, OrgKind::Local, OrgKind::School];
    let paths = rows
        .iter()
        .filter(|(_, _, kind)| offering.contains(kind))
        .filter_map(|(path, _, _)| OrgPath::parse(path));
    let mut out: Vec<OrgRow> = Vec::new();
    for path in paths {
        let rows: Vec<OrgRow> = orgs::table
            .filter(orgs::kind.eq(OrgKind::School.as_str()))
            .filter(orgs::path.ge(path.as_str()))
            .filter(orgs::path.lt(path.subtree_end()))
            .select(OrgRow::as_select())
            .load(conn)?;
        for r in rows {
            if !mine.contains(&r.id) && !out.iter().any(|o| o.id == r.id) {
                out.push(r);
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// Finishes the step: joins `school` as an educator (refused, field
/// `school`, unless it is among [`schools_for`]), replaces the subjects
/// and grade bands, and clears the step. `NotFound` if it was not waiting.
pub fn finish(
    conn: &mut DbConn,
    user: UserId,
    school: Option<OrgId>,
    subjects: &[Subject],
    bands: &[GradeBand],
    now: Timestamp,
) -> Result<(), DbError> {
    if let Some(school) = school {
        let Some(org) = schools_for(conn, user)?
            .into_iter()
            .find(|o| o.id == school.0)
        else {
            return Err(DbError::invalid("school", "choose-one"));
        };
        memberships::add(conn, user, &org, Role::Educator, now)?;
        audit::record(
            conn,
            now,
            Event {
                actor: Some(user),
                action: "membership.joined_at_welcome",
                org: Some(org.id()),
                subject: Some(user),
                detail: serde_json::json!({ "role": Role::Educator }),
            },
        )?;
    }
    diesel::delete(user_subjects::table.filter(user_subjects::user_id.eq(user.0))).execute(conn)?;
    diesel::delete(user_grade_bands::table.filter(user_grade_bands::user_id.eq(user.0)))
        .execute(conn)?;
    for s in subjects {
        diesel::insert_into(user_subjects::table)
            .values((
                user_subjects::user_id.eq(user.0),
                user_subjects::subject.eq(s.as_str()),
            ))
            .execute(conn)?;
    }
    for b in bands {
        diesel::insert_into(user_grade_bands::table)
            .values((
                user_grade_bands::user_id.eq(user.0),
                user_grade_bands::grade_band.eq(b.as_str()),
            ))
            .execute(conn)?;
    }
    skip(conn, user)
}

/// Leaves the step for later: it is not asked again (the profile page
/// keeps every field). `NotFound` if it was not waiting.
pub fn skip(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    match diesel::delete(welcomes::table.find(user.0)).execute(conn)? {
        0 => Err(DbError::NotFound),
        _ => Ok(()),
    }
}
