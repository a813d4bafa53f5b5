//! The audit log: who did what to whom, where and when.

use crate::schema::{audit_log, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{OrgId, Timestamp, UserId};

/// One thing that happened, as the code that did it describes it.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub actor: Option<UserId>,
    pub action: &'a str,
    pub org: Option<OrgId>,
    pub subject: Option<UserId>,
    pub detail: serde_json::Value,
}

pub fn record(conn: &mut DbConn, now: Timestamp, event: Event<'_>) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now.micros()),
            audit_log::actor_id.eq(event.actor.map(|u| u.0)),
            audit_log::action.eq(event.action),
            audit_log::org_id.eq(event.org.map(|o| o.0)),
            audit_log::subject_user_id.eq(event.subject.map(|u| u.0)),
            audit_log::detail.eq(event.detail.to_string()),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub at: i64,
    pub actor_name: Option<String>,
    pub action: String,
    pub detail: String,
}

/// The newest entries about one organisation.
pub fn recent_for_org(conn: &mut DbConn, org: OrgId, limit: i64) -> Result<Vec<Entry>, DbError> {
    let rows: Vec<(i64, Option<String>, String, String)> = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_id)))
        .filter(audit_log::org_id.eq(org.0))
        .order(audit_log::id.desc())
        .limit(limit)
        .select((
            audit_log::at,
            users::display_name.nullable(),
            audit_log::action,
            audit_log::detail,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, actor_name, action, detail)| Entry {
            at,
            actor_name,
            action,
            detail,
        })
        .collect())
}

/// What the log holds about a person's own actions, for their data export.
pub fn by_actor(conn: &mut DbConn, user: UserId) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::actor_id.eq(user.0))
        .order(audit_log::id)
        .select((audit_log::at, audit_log::action, audit_log::detail))
        .load(conn)?)
}
