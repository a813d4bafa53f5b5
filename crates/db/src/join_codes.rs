//! Join codes: codes an organisation hands out (on a slide, in a workshop)
//! that let people register into it as an educator or facilitator.
//!
//! Only a code's SHA-256 is kept (see `lyceum_domain::token`): the admin
//! sees the code once, when it is made; lists name it by its last two
//! characters. Every code expires and has a use limit, and a use is one
//! conditional update, so the limit holds with several app servers.

use crate::codes::Code;
use crate::orgs::{self, OrgRow};
use crate::schema::{join_codes, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::policy::join_code_may_carry;
use lyceum_domain::role::Role;
use lyceum_domain::token::{hash_token, join_code_hint, new_join_code, normalise_join_code};
use lyceum_domain::{OrgId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = join_codes)]
pub struct JoinCodeRow {
    pub id: i64,
    pub org_id: i64,
    #[serde(skip)]
    pub code_hash: String,
    /// The code's last characters, to tell codes apart in lists.
    pub code_hint: String,
    #[diesel(deserialize_as = Code<Role>)]
    pub role: Role,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub max_uses: i32,
    pub uses: i32,
    pub revoked_at: Option<i64>,
}

pub struct NewJoinCode {
    pub role: Role,
    pub expires_at: Timestamp,
    pub max_uses: i32,
}

/// Makes a code; returns it with the code itself, which is not kept and
/// cannot be read back. Refuses (on field `role`) a role no join code may
/// carry, whoever asks.
pub fn create(
    conn: &mut DbConn,
    org: OrgId,
    new: &NewJoinCode,
    created_by: UserId,
    now: Timestamp,
) -> Result<(JoinCodeRow, String), DbError> {
    if !join_code_may_carry(new.role) {
        return Err(DbError::invalid("role", "role-not-allowed"));
    }
    // 31^15 codes: a collision would be a unique-key error, never a match.
    let code = new_join_code().map_err(|e| DbError::task_from("join code", e))?;
    let id: i64 = diesel::insert_into(join_codes::table)
        .values((
            join_codes::org_id.eq(org.0),
            join_codes::code_hash.eq(hash_token(&code)),
            join_codes::code_hint.eq(join_code_hint(&code)),
            join_codes::role.eq(new.role.as_str()),
            join_codes::created_by.eq(created_by.0),
            join_codes::created_at.eq(now.micros()),
            join_codes::expires_at.eq(new.expires_at.micros()),
            join_codes::max_uses.eq(new.max_uses),
        ))
        .returning(join_codes::id)
        .get_result(conn)?;
    let row = join_codes::table
        .find(id)
        .select(JoinCodeRow::as_select())
        .first(conn)?;
    Ok((row, code))
}

/// A code as its organisation's admins see it listed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub code: JoinCodeRow,
    /// Who made it (absent once their account is gone).
    pub made_by: Option<String>,
}

/// The organisation's codes that have not been revoked, newest first.
pub fn of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<Listed>, DbError> {
    let rows: Vec<(JoinCodeRow, Option<String>)> = join_codes::table
        .left_join(users::table.on(users::id.nullable().eq(join_codes::created_by)))
        .filter(join_codes::org_id.eq(org.0))
        .filter(join_codes::revoked_at.is_null())
        .order(join_codes::id.desc())
        .select((JoinCodeRow::as_select(), users::display_name.nullable()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, made_by)| Listed { code, made_by })
        .collect())
}

pub fn revoke(conn: &mut DbConn, org: OrgId, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let n = diesel::update(
        join_codes::table
            .find(id)
            .filter(join_codes::org_id.eq(org.0))
            .filter(join_codes::revoked_at.is_null()),
    )
    .set(join_codes::revoked_at.eq(now.micros()))
    .execute(conn)?;
    Ok(n > 0)
}

/// Uses the code once: returns where it leads and with which role, or the
/// reason (on field `join_code`) it cannot be used. The use is one
/// conditional update — the limit is checked by the statement that counts
/// the use — so two servers never let more people in than it allows.
pub fn redeem(conn: &mut DbConn, input: &str, now: Timestamp) -> Result<(OrgRow, Role), DbError> {
    let hash = hash_token(&normalise_join_code(input));
    let row = join_codes::table
        .filter(join_codes::code_hash.eq(&hash))
        .filter(join_codes::revoked_at.is_null())
        .select(JoinCodeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| DbError::invalid("join_code", "join-code-invalid"))?;
    if row.expires_at <= now.micros() {
        return Err(DbError::invalid("join_code", "join-code-expired"));
    }
    let role = row.role;
    if !join_code_may_carry(role) {
        return Err(DbError::invalid("join_code", "join-code-invalid"));
    }
    let counted = diesel::update(
        join_codes::table
            .find(row.id)
            .filter(join_codes::revoked_at.is_null())
            .filter(join_codes::expires_at.gt(now.micros()))
            .filter(join_codes::uses.lt(join_codes::max_uses)),
    )
    .set(join_codes::uses.eq(join_codes::uses + 1))
    .execute(conn)?;
    if counted == 0 {
        return Err(DbError::invalid("join_code", "join-code-full"));
    }
    Ok((orgs::get(conn, OrgId(row.org_id))?, role))
}
