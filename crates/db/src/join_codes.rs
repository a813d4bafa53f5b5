//! Join codes: short codes an organisation hands out (on a slide, in a
//! workshop) that let people register into it with a given role.

use crate::orgs::{self, OrgRow};
use crate::schema::join_codes;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::role::Role;
use lyceum_domain::token::{new_join_code, normalise_join_code};
use lyceum_domain::{OrgId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = join_codes)]
pub struct JoinCodeRow {
    pub id: i64,
    pub org_id: i64,
    pub code: String,
    pub role: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub max_uses: Option<i32>,
    pub uses: i32,
    pub revoked_at: Option<i64>,
}

pub struct NewJoinCode {
    pub role: Role,
    pub expires_at: Option<Timestamp>,
    pub max_uses: Option<i32>,
}

pub fn create(
    conn: &mut DbConn,
    org: OrgId,
    new: &NewJoinCode,
    created_by: UserId,
    now: Timestamp,
) -> Result<JoinCodeRow, DbError> {
    // 31^8 codes: a collision is rare, but never an error the admin sees.
    for _ in 0..5 {
        let code = new_join_code().map_err(|e| DbError::Task(e.to_string()))?;
        let taken: i64 = join_codes::table
            .filter(join_codes::code.eq(&code))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            continue;
        }
        let id: i64 = diesel::insert_into(join_codes::table)
            .values((
                join_codes::org_id.eq(org.0),
                join_codes::code.eq(&code),
                join_codes::role.eq(new.role.as_str()),
                join_codes::created_by.eq(created_by.0),
                join_codes::created_at.eq(now.micros()),
                join_codes::expires_at.eq(new.expires_at.map(|t| t.micros())),
                join_codes::max_uses.eq(new.max_uses),
            ))
            .returning(join_codes::id)
            .get_result(conn)?;
        return Ok(join_codes::table
            .find(id)
            .select(JoinCodeRow::as_select())
            .first(conn)?);
    }
    Err(DbError::Task("could not find a free join code".into()))
}

/// The organisation's codes that have not been revoked, newest first.
pub fn of_org(conn: &mut DbConn, org: OrgId) -> Result<Vec<JoinCodeRow>, DbError> {
    Ok(join_codes::table
        .filter(join_codes::org_id.eq(org.0))
        .filter(join_codes::revoked_at.is_null())
        .order(join_codes::id.desc())
        .select(JoinCodeRow::as_select())
        .load(conn)?)
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
/// reason (on field `join_code`) it cannot be used.
pub fn redeem(conn: &mut DbConn, input: &str, now: Timestamp) -> Result<(OrgRow, Role), DbError> {
    let code = normalise_join_code(input);
    let row = join_codes::table
        .filter(join_codes::code.eq(&code))
        .filter(join_codes::revoked_at.is_null())
        .select(JoinCodeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| DbError::invalid("join_code", "join-code-invalid"))?;
    if row.expires_at.is_some_and(|t| t <= now.micros()) {
        return Err(DbError::invalid("join_code", "join-code-expired"));
    }
    if row.max_uses.is_some_and(|max| row.uses >= max) {
        return Err(DbError::invalid("join_code", "join-code-full"));
    }
    diesel::update(join_codes::table.find(row.id))
        .set(join_codes::uses.eq(join_codes::uses + 1))
        .execute(conn)?;
    let role = Role::parse(&row.role)
        .ok_or_else(|| DbError::Corrupt(format!("join code {} has role {:?}", row.id, row.role)))?;
    Ok((orgs::get(conn, OrgId(row.org_id))?, role))
}

/// The most recent code anywhere that still works (the demo prints it).
pub fn newest_live(conn: &mut DbConn, now: Timestamp) -> Result<Option<JoinCodeRow>, DbError> {
    Ok(join_codes::table
        .filter(join_codes::revoked_at.is_null())
        .filter(
            join_codes::expires_at
                .is_null()
                .or(join_codes::expires_at.gt(now.micros())),
        )
        .order(join_codes::id.desc())
        .select(JoinCodeRow::as_select())
        .first(conn)
        .optional()?)
}
