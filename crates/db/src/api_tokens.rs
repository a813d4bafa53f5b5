//! Personal access tokens for the JSON API.

use crate::schema::{api_tokens, users};
use crate::users::UserRow;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = api_tokens)]
pub struct ApiTokenRow {
    pub id: i64,
    #[serde(skip)]
    pub user_id: i64,
    pub name: String,
    #[serde(skip)]
    pub token_hash: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub fn create(
    conn: &mut DbConn,
    user: UserId,
    name: &str,
    token_hash: &str,
    now: Timestamp,
    expires_at: Option<Timestamp>,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(user.0),
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::created_at.eq(now.micros()),
            api_tokens::expires_at.eq(expires_at.map(|t| t.micros())),
        ))
        .returning(api_tokens::id)
        .get_result(conn)?)
}

/// The person's tokens that still work, newest first.
pub fn live_of(
    conn: &mut DbConn,
    user: UserId,
    now: Timestamp,
) -> Result<Vec<ApiTokenRow>, DbError> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(user.0))
        .filter(api_tokens::revoked_at.is_null())
        .filter(
            api_tokens::expires_at
                .is_null()
                .or(api_tokens::expires_at.gt(now.micros())),
        )
        .order(api_tokens::id.desc())
        .select(ApiTokenRow::as_select())
        .load(conn)?)
}

/// Revokes one of the person's own tokens. False if there was none to revoke.
pub fn revoke(conn: &mut DbConn, user: UserId, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let n = diesel::update(
        api_tokens::table
            .find(id)
            .filter(api_tokens::user_id.eq(user.0))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now.micros()))
    .execute(conn)?;
    Ok(n > 0)
}

/// The live token with this hash and its (live) owner.
pub fn authenticate(
    conn: &mut DbConn,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<(ApiTokenRow, UserRow)>, DbError> {
    Ok(api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .filter(
            api_tokens::expires_at
                .is_null()
                .or(api_tokens::expires_at.gt(now.micros())),
        )
        .filter(users::deleted_at.is_null())
        .filter(users::deactivated_at.is_null())
        .select((ApiTokenRow::as_select(), UserRow::as_select()))
        .first(conn)
        .optional()?)
}

pub fn mark_used(conn: &mut DbConn, id: i64, now: Timestamp) -> Result<(), DbError> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(now.micros()))
        .execute(conn)?;
    Ok(())
}

pub fn delete_for_user(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    diesel::delete(api_tokens::table.filter(api_tokens::user_id.eq(user.0))).execute(conn)?;
    Ok(())
}
