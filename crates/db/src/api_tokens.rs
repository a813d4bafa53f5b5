//! Personal access tokens for the JSON API. Each has scopes (see
//! `lyceum_domain::api_token`) and an expiry; a token works only while it
//! is neither revoked nor expired.

use crate::schema::{api_tokens, users};
use crate::users::UserRow;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::api_token::{DEFAULT_EXPIRY_DAYS, Scopes};
use lyceum_domain::{Timestamp, UserId};
use std::time::Duration;

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
    /// Always set on tokens made since scopes exist (and on older ones
    /// from the first start after that migration, see
    /// [`bound_unexpiring`]); a token without one is refused.
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// `read` or `read write`.
    pub scopes: String,
}

impl ApiTokenRow {
    pub fn scopes(&self) -> Scopes {
        Scopes::parse(&self.scopes)
    }

    /// Past its expiry (or without one) at `now`.
    pub fn expired(&self, now: Timestamp) -> bool {
        self.expires_at.is_none_or(|at| at <= now.micros())
    }
}

pub fn create(
    conn: &mut DbConn,
    user: UserId,
    name: &str,
    token_hash: &str,
    scopes: Scopes,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(user.0),
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::scopes.eq(scopes.as_str()),
            api_tokens::created_at.eq(now.micros()),
            api_tokens::expires_at.eq(expires_at.micros()),
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
        .filter(api_tokens::expires_at.gt(now.micros()))
        .order(api_tokens::id.desc())
        .select(ApiTokenRow::as_select())
        .load(conn)?)
}

/// The person's tokens that were not revoked, expired ones included (to
/// be shown as expired), newest first.
pub fn unrevoked_of(conn: &mut DbConn, user: UserId) -> Result<Vec<ApiTokenRow>, DbError> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(user.0))
        .filter(api_tokens::revoked_at.is_null())
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

/// Revokes every token of the person's (a password reset, or a change
/// that asked for it); how many were still unrevoked.
pub fn revoke_all(conn: &mut DbConn, user: UserId, now: Timestamp) -> Result<usize, DbError> {
    Ok(diesel::update(
        api_tokens::table
            .filter(api_tokens::user_id.eq(user.0))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now.micros()))
    .execute(conn)?)
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
        // A token without an expiry compares as unknown here: refused.
        .filter(api_tokens::expires_at.gt(now.micros()))
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

/// Tokens made before every token had an expiry get the default one,
/// counted from `now` (the first start after the migration that added
/// scopes; later starts find none). Returns how many.
pub fn bound_unexpiring(conn: &mut DbConn, now: Timestamp) -> Result<usize, DbError> {
    let until = now.plus(Duration::from_secs(DEFAULT_EXPIRY_DAYS * 86_400));
    Ok(
        diesel::update(api_tokens::table.filter(api_tokens::expires_at.is_null()))
            .set(api_tokens::expires_at.eq(until.micros()))
            .execute(conn)?,
    )
}
