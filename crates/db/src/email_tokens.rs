//! One-time links sent by email.

use crate::schema::email_tokens;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{Timestamp, UserId};

lyceum_domain::code_enum! {
    pub enum Purpose: "purpose" {
        VerifyEmail = "verify_email",
        ResetPassword = "reset_password",
        ChangeEmail = "change_email",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_tokens)]
pub struct EmailTokenRow {
    pub token_hash: String,
    pub user_id: i64,
    pub purpose: String,
    pub new_email: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// Stores a new link and retires the person's earlier unused links of the
/// same purpose, so only the newest one works.
pub fn issue(
    conn: &mut DbConn,
    user: UserId,
    purpose: Purpose,
    new_email: Option<&str>,
    token_hash: &str,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<(), DbError> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user.0))
            .filter(email_tokens::purpose.eq(purpose.as_str()))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::expires_at.eq(now.micros()))
    .execute(conn)?;
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::token_hash.eq(token_hash),
            email_tokens::user_id.eq(user.0),
            email_tokens::purpose.eq(purpose.as_str()),
            email_tokens::new_email.eq(new_email),
            email_tokens::created_at.eq(now.micros()),
            email_tokens::expires_at.eq(expires_at.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the link used and returns it; or says, in `field`, why it cannot be used.
pub fn consume(
    conn: &mut DbConn,
    token_hash: &str,
    purpose: Purpose,
    now: Timestamp,
    field: &str,
) -> Result<EmailTokenRow, DbError> {
    let row = peek(conn, token_hash, purpose, now, field)?;
    // The update itself decides: of two uses at once, on any servers, the
    // second finds the link used.
    let used = diesel::update(
        email_tokens::table
            .find(token_hash)
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now.micros())),
    )
    .set(email_tokens::used_at.eq(now.micros()))
    .execute(conn)?;
    if used == 0 {
        return Err(DbError::invalid(field, "token-used"));
    }
    Ok(row)
}

/// Checks a link without using it (to show the form it leads to).
pub fn peek(
    conn: &mut DbConn,
    token_hash: &str,
    purpose: Purpose,
    now: Timestamp,
    field: &str,
) -> Result<EmailTokenRow, DbError> {
    let row = email_tokens::table
        .find(token_hash)
        .filter(email_tokens::purpose.eq(purpose.as_str()))
        .select(EmailTokenRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| DbError::invalid(field, "token-invalid"))?;
    if row.used_at.is_some() {
        return Err(DbError::invalid(field, "token-used"));
    }
    if row.expires_at <= now.micros() {
        return Err(DbError::invalid(field, "token-expired"));
    }
    Ok(row)
}

pub fn delete_for_user(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(user.0))).execute(conn)?;
    Ok(())
}
