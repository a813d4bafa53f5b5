//! Sign-in lockout, kept in the database so that it holds across app servers.

use crate::schema::login_throttle;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::Timestamp;
use std::time::Duration;

/// After `max_failures` within `window`, the account key is locked for `lockout`.
#[derive(Debug, Clone, Copy)]
pub struct LockoutPolicy {
    pub max_failures: i32,
    pub window: Duration,
    pub lockout: Duration,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::from_secs(15 * 60),
            lockout: Duration::from_secs(15 * 60),
        }
    }
}

/// When the key's lock ends, if it is locked now.
pub fn locked_until(
    conn: &mut DbConn,
    key: &str,
    now: Timestamp,
) -> Result<Option<Timestamp>, DbError> {
    let until: Option<Option<i64>> = login_throttle::table
        .find(key)
        .select(login_throttle::locked_until)
        .first(conn)
        .optional()?;
    Ok(until
        .flatten()
        .filter(|t| *t > now.micros())
        .map(Timestamp::from_micros))
}

/// Counts a failure; returns the end of the lock if this failure caused one.
pub fn record_failure(
    conn: &mut DbConn,
    key: &str,
    now: Timestamp,
    policy: LockoutPolicy,
) -> Result<Option<Timestamp>, DbError> {
    let row: Option<(i32, i64)> = login_throttle::table
        .find(key)
        .select((login_throttle::failures, login_throttle::window_start))
        .first(conn)
        .optional()?;
    let window_open = now.minus(policy.window).micros();
    let (failures, window_start) = match row {
        Some((n, start)) if start > window_open => (n + 1, start),
        _ => (1, now.micros()),
    };
    let lock = (failures >= policy.max_failures).then(|| now.plus(policy.lockout));
    // A new failure window starts once a lock is set.
    let (failures, window_start) = if lock.is_some() {
        (0, now.micros())
    } else {
        (failures, window_start)
    };
    let values = (
        login_throttle::failures.eq(failures),
        login_throttle::window_start.eq(window_start),
        login_throttle::locked_until.eq(lock.map(|t| t.micros())),
    );
    if row.is_some() {
        diesel::update(login_throttle::table.find(key))
            .set(values)
            .execute(conn)?;
    } else {
        diesel::insert_into(login_throttle::table)
            .values((
                login_throttle::account_key.eq(key),
                values.0,
                values.1,
                values.2,
            ))
            .execute(conn)?;
    }
    Ok(lock)
}

pub fn clear(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::delete(login_throttle::table.find(key)).execute(conn)?;
    Ok(())
}
