//! Attempts counted per key in the database, so that the growing delays of
//! `lyceum_domain::throttle` hold across app servers.
//!
//! An attempt is *claimed* before it is tried (one conditional UPDATE whose
//! affected-row count decides), and counts until the caller gives it back
//! with [`release`] or wipes the key with [`clear`] on success: so a burst
//! of simultaneous guesses, on any number of servers, gets no more tries
//! than the same guesses one after another.

use crate::schema::throttle;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::Timestamp;
use lyceum_domain::throttle::Delays;

/// Claims one attempt under `key`: `Ok(())` when it may go ahead now, or
/// `Err(when)` with the moment the next one may. Run it in the write that
/// decides (its own `Db::write`), never after the attempt.
pub fn claim(
    conn: &mut DbConn,
    key: &str,
    now: Timestamp,
    delays: Delays,
) -> Result<Result<(), Timestamp>, DbError> {
    let t = now.micros();
    let row = (
        throttle::throttle_key.eq(key),
        throttle::attempts.eq(0),
        throttle::window_start.eq(t),
        throttle::next_at.eq(0_i64),
    );
    // Per backend: diesel's multi-backend connection has no ON CONFLICT.
    let insert = diesel::insert_into(throttle::table).values(row);
    crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    let free_now = throttle::table
        .filter(throttle::throttle_key.eq(key))
        .filter(throttle::next_at.le(t));
    // A window that has passed starts again from nothing.
    let window_open = now.minus(delays.window).micros();
    diesel::update(free_now.filter(throttle::window_start.lt(window_open)))
        .set((throttle::attempts.eq(0), throttle::window_start.eq(t)))
        .execute(conn)?;
    let claimed = diesel::update(free_now)
        .set(throttle::attempts.eq(throttle::attempts + 1))
        .execute(conn)?;
    let (attempts, next_at): (i32, i64) = throttle::table
        .find(key)
        .select((throttle::attempts, throttle::next_at))
        .first(conn)?;
    if claimed == 0 {
        return Ok(Err(Timestamp::from_micros(next_at)));
    }
    let wait = delays.wait_after(u32::try_from(attempts).unwrap_or(0));
    if !wait.is_zero() {
        diesel::update(throttle::table.find(key))
            .set(throttle::next_at.eq(now.plus(wait).micros()))
            .execute(conn)?;
    }
    Ok(Ok(()))
}

/// Gives back an attempt that turned out well without wiping the key (a
/// teacher's right password from a school's shared address): it no longer
/// counts against the others.
pub fn release(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::update(
        throttle::table
            .filter(throttle::throttle_key.eq(key))
            .filter(throttle::attempts.gt(0)),
    )
    .set(throttle::attempts.eq(throttle::attempts - 1))
    .execute(conn)?;
    Ok(())
}

/// Forgets every attempt under `key` (the account's owner got in).
pub fn clear(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::delete(throttle::table.find(key)).execute(conn)?;
    Ok(())
}

/// Removes keys whose window began before `before` and that wait for
/// nothing: they would start from nothing anyway. Returns how many.
pub fn prune(conn: &mut DbConn, before: Timestamp, now: Timestamp) -> Result<usize, DbError> {
    Ok(diesel::delete(
        throttle::table
            .filter(throttle::window_start.lt(before.micros()))
            .filter(throttle::next_at.le(now.micros())),
    )
    .execute(conn)?)
}
