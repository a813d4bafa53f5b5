//! The programme's own settings: one row per key in `programme_settings`,
//! read and written here as typed values. A key without a row has its
//! default, so a new setting needs no migration of data.
//!
//! Only programme admins change them (`Action::ManageProgrammeSettings`,
//! asked here inside the write, whatever the caller checked before), and
//! every change is audited with what it was and what it is. Reads are one
//! primary-key look-up, made per request: app servers keep no copy.

use crate::audit::{self, Event};
use crate::schema::programme_settings;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::analytics::goal::Goal;
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::{Timestamp, UserId};
use serde_json::json;

/// Whether the challenge radar's summaries (the programme-wide radar,
/// suppressed as for anyone outside the programme team) are published to
/// everyone, without sign-in. Off unless a programme admin turns it on.
pub const PUBLIC_RADAR: &str = "public_radar";

/// A setting as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = programme_settings)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
    pub updated_at: i64,
    pub updated_by: Option<i64>,
}

impl SettingRow {
    /// When it was last changed.
    pub fn updated_at(&self) -> Timestamp {
        Timestamp(self.updated_at)
    }

    /// Who last changed it (none once their account is gone, or never).
    pub fn updated_by(&self) -> Option<UserId> {
        self.updated_by.map(UserId)
    }
}

/// The stored row of `key`, if it was ever set.
pub fn get(conn: &mut DbConn, key: &str) -> Result<Option<SettingRow>, DbError> {
    Ok(programme_settings::table
        .find(key)
        .select(SettingRow::as_select())
        .first(conn)
        .optional()?)
}

/// A stored boolean: `true` or `false`; anything else is corrupt.
fn flag(row: &SettingRow) -> Result<bool, DbError> {
    match row.value.as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(DbError::Corrupt(format!(
            "programme setting {} is {other:?}, not a boolean",
            row.key
        ))),
    }
}

/// Whether the radar is published to everyone ([`PUBLIC_RADAR`]); false
/// when never set.
pub fn public_radar(conn: &mut DbConn) -> Result<bool, DbError> {
    match get(conn, PUBLIC_RADAR)? {
        Some(row) => flag(&row),
        None => Ok(false),
    }
}

/// The programme (the root organisation), refused on `field` unless
/// `actor` may change its settings (its admins).
fn may_manage(
    conn: &mut DbConn,
    actor: &Actor,
    field: &str,
) -> Result<lyceum_domain::OrgId, DbError> {
    let root = crate::orgs::root(conn)?.ok_or(DbError::NotFound)?;
    if actor.can(Action::ManageProgrammeSettings, &root.org_path()?) {
        Ok(root.id())
    } else {
        Err(DbError::invalid(field, "programme-settings-admins-only"))
    }
}

/// Turns publishing the radar to everyone on or off (programme admins
/// only, asked here: anyone else is refused on `public_radar` and nothing
/// changes). Setting it to what it already is writes nothing. Audited
/// (`programme.setting_changed`) with the key, old and new; returns
/// whether it changed.
pub fn set_public_radar(
    conn: &mut DbConn,
    actor: &Actor,
    on: bool,
    now: Timestamp,
) -> Result<bool, DbError> {
    let root = may_manage(conn, actor, PUBLIC_RADAR)?;
    let old = public_radar(conn)?;
    if old == on {
        return Ok(false);
    }
    let value = if on { "true" } else { "false" };
    put(
        conn,
        actor,
        root,
        PUBLIC_RADAR,
        value,
        json!(old),
        json!(on),
        now,
    )?;
    Ok(true)
}

/// The programme's reach goal (`domain::analytics::goal`): what counts as
/// reached, how many by when. Until a programme admin sets one, the
/// default from the school year the programme started.
pub const REACH_GOAL: &str = "reach_goal";

/// The goal as set, `None` when never set.
pub fn reach_goal(conn: &mut DbConn) -> Result<Option<Goal>, DbError> {
    get(conn, REACH_GOAL)?
        .map(|row| {
            serde_json::from_str(&row.value)
                .map_err(|e| DbError::Corrupt(format!("programme setting {REACH_GOAL}: {e}")))
        })
        .transpose()
}

/// Sets the goal (programme admins only, asked here: anyone else is
/// refused on `target` and nothing changes); audited with old and new.
/// Returns whether it changed.
pub fn set_reach_goal(
    conn: &mut DbConn,
    actor: &Actor,
    goal: &Goal,
    now: Timestamp,
) -> Result<bool, DbError> {
    let root = may_manage(conn, actor, "target")?;
    let old = reach_goal(conn)?;
    if old.as_ref() == Some(goal) {
        return Ok(false);
    }
    let value = serde_json::to_string(goal).map_err(|e| DbError::Corrupt(e.to_string()))?;
    put(
        conn,
        actor,
        root,
        REACH_GOAL,
        &value,
        json!(old),
        json!(goal),
        now,
    )?;
    Ok(true)
}

/// Writes `key`'s value and audits the change.
#[allow(clippy::too_many_arguments)]
fn put(
    conn: &mut DbConn,
    actor: &Actor,
    root: lyceum_domain::OrgId,
    key: &str,
    value: &str,
    old: serde_json::Value,
    new: serde_json::Value,
    now: Timestamp,
) -> Result<(), DbError> {
    let insert = diesel::insert_into(programme_settings::table).values((
        programme_settings::key.eq(key),
        programme_settings::value.eq(value),
        programme_settings::updated_at.eq(now.micros()),
        programme_settings::updated_by.eq(actor.user_id.0),
    ));
    let change = (
        programme_settings::value.eq(value),
        programme_settings::updated_at.eq(now.micros()),
        programme_settings::updated_by.eq(actor.user_id.0),
    );
    // Each backend's own upsert: the primary key decides between two at once.
    crate::on_backend!(conn, |c| insert
        .on_conflict(programme_settings::key)
        .do_update()
        .set(change)
        .execute(c))?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(actor.user_id),
            action: "programme.setting_changed",
            org: Some(root),
            subject: None,
            detail: json!({ "key": key, "old": old, "new": new }),
        },
    )?;
    Ok(())
}
