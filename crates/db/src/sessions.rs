//! Signed-in sessions. Rows are keyed by the SHA-256 of the cookie's value.

use crate::schema::{sessions, users};
use crate::users::UserRow;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::{Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id_hash: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

pub fn create(
    conn: &mut DbConn,
    id_hash: &str,
    user: UserId,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(id_hash),
            sessions::user_id.eq(user.0),
            sessions::created_at.eq(now.micros()),
            sessions::last_seen_at.eq(now.micros()),
            sessions::expires_at.eq(expires_at.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The session and its user, if the session exists and its account is live.
pub fn load(conn: &mut DbConn, id_hash: &str) -> Result<Option<(SessionRow, UserRow)>, DbError> {
    Ok(crate::on_backend!(conn, |c| sessions::table
        .inner_join(users::table)
        .filter(sessions::id_hash.eq(id_hash))
        .filter(users::deleted_at.is_null())
        .filter(users::deactivated_at.is_null())
        .select((SessionRow::as_select(), UserRow::as_select()))
        .first(c)
        .optional())?)
}

pub fn touch(conn: &mut DbConn, id_hash: &str, now: Timestamp) -> Result<(), DbError> {
    diesel::update(sessions::table.find(id_hash))
        .set(sessions::last_seen_at.eq(now.micros()))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, id_hash: &str) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)?;
    Ok(())
}

/// Signs the person out everywhere, except (optionally) the session in hand.
pub fn delete_for_user(
    conn: &mut DbConn,
    user: UserId,
    except: Option<&str>,
) -> Result<usize, DbError> {
    let q = sessions::table.filter(sessions::user_id.eq(user.0));
    Ok(match except {
        Some(keep) => diesel::delete(q.filter(sessions::id_hash.ne(keep))).execute(conn)?,
        None => diesel::delete(q).execute(conn)?,
    })
}

/// Removes sessions past their absolute expiry or idle for longer than allowed.
pub fn purge_expired(
    conn: &mut DbConn,
    now: Timestamp,
    idle_cutoff: Timestamp,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now.micros())
                .or(sessions::last_seen_at.lt(idle_cutoff.micros())),
        ),
    )
    .execute(conn)?)
}
