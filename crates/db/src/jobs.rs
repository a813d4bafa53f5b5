//! The job queue: a table, claimed with a lease.
//!
//! A worker claims a due job by setting `locked_until` (PostgreSQL skips rows
//! other workers hold with `FOR UPDATE SKIP LOCKED`; SQLite's write
//! transaction is already exclusive), runs it outside any transaction, then
//! deletes it or schedules a retry. A worker that dies lets its lease run out
//! and another takes the job.

use crate::schema::jobs;
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::Timestamp;
use lyceum_domain::jobs::Job;
use std::time::Duration;

pub const DEFAULT_MAX_ATTEMPTS: i32 = 8;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub run_at: i64,
    pub attempts: i32,
    pub max_attempts: i32,
    pub locked_until: Option<i64>,
    pub last_error: Option<String>,
    pub failed_at: Option<i64>,
    pub created_at: i64,
}

/// Adds a job; call it inside the transaction whose write causes the job.
pub fn enqueue(conn: &mut DbConn, job: &Job, now: Timestamp) -> Result<i64, DbError> {
    let payload = serde_json::to_string(job).map_err(|e| DbError::Corrupt(e.to_string()))?;
    Ok(diesel::insert_into(jobs::table)
        .values((
            jobs::kind.eq(job.kind()),
            jobs::payload.eq(payload),
            jobs::run_at.eq(now.micros()),
            jobs::max_attempts.eq(DEFAULT_MAX_ATTEMPTS),
            jobs::created_at.eq(now.micros()),
        ))
        .returning(jobs::id)
        .get_result(conn)?)
}

/// Takes the next due job for `lease`. Call inside [`crate::Db::write`].
pub fn claim(
    conn: &mut DbConn,
    now: Timestamp,
    lease: Duration,
) -> Result<Option<JobRow>, DbError> {
    let due = jobs::table
        .filter(jobs::failed_at.is_null())
        .filter(jobs::run_at.le(now.micros()))
        .filter(
            jobs::locked_until
                .is_null()
                .or(jobs::locked_until.lt(now.micros())),
        )
        .order((jobs::run_at, jobs::id));
    // `as_select` is bound to one backend, hence one per arm.
    let job = match conn {
        DbConn::Pg(pg) => due
            .select(JobRow::as_select())
            .for_update()
            .skip_locked()
            .first(pg)
            .optional()?,
        DbConn::Sqlite(sqlite) => due.select(JobRow::as_select()).first(sqlite).optional()?,
    };
    let Some(mut job) = job else { return Ok(None) };
    job.attempts += 1;
    job.locked_until = Some(now.plus(lease).micros());
    diesel::update(jobs::table.find(job.id))
        .set((
            jobs::attempts.eq(job.attempts),
            jobs::locked_until.eq(job.locked_until),
        ))
        .execute(conn)?;
    Ok(Some(job))
}

pub fn complete(conn: &mut DbConn, id: i64) -> Result<(), DbError> {
    diesel::delete(jobs::table.find(id)).execute(conn)?;
    Ok(())
}

/// Records a failed attempt: retried at `retry_at`, or given up if `None`.
pub fn fail(
    conn: &mut DbConn,
    id: i64,
    error: &str,
    retry_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<(), DbError> {
    let error: String = error.chars().take(2000).collect();
    match retry_at {
        Some(at) => diesel::update(jobs::table.find(id))
            .set((
                jobs::last_error.eq(error),
                jobs::run_at.eq(at.micros()),
                jobs::locked_until.eq(None::<i64>),
            ))
            .execute(conn)?,
        None => diesel::update(jobs::table.find(id))
            .set((
                jobs::last_error.eq(error),
                jobs::failed_at.eq(now.micros()),
                jobs::locked_until.eq(None::<i64>),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// Jobs waiting (including running and retrying) and jobs given up on.
pub fn counts(conn: &mut DbConn) -> Result<(i64, i64), DbError> {
    let waiting = jobs::table
        .filter(jobs::failed_at.is_null())
        .count()
        .get_result(conn)?;
    let failed = jobs::table
        .filter(jobs::failed_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok((waiting, failed))
}

pub fn by_id(conn: &mut DbConn, id: i64) -> Result<Option<JobRow>, DbError> {
    Ok(jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(conn)
        .optional()?)
}
