//! One roster import per organisation at a time, on any number of app
//! servers and command lines sharing the database.
//!
//! A row per organisation in `roster_import_locks` is claimed by one
//! conditional write whose affected-row count decides (a new row, or a row
//! whose lease has lapsed), so two servers can never both hold it. The
//! holder renews the lease while it works and deletes the row at the end,
//! whatever the outcome; a server that stops mid-import leaves a lease that
//! lapses after [`LEASE`], so nothing stays blocked for long.

use crate::schema::roster_import_locks as locks;
use crate::{Db, DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::error_chain::Chain;
use lyceum_domain::oneroster::{Problem, code};
use lyceum_domain::{Clock, OrgId, Timestamp};
use std::future::Future;
use std::time::Duration;

/// How long a claim lasts unless renewed: long enough that a busy database
/// does not make a live import lose it, short enough that a crashed
/// server's claim lapses within a few minutes.
pub const LEASE: Duration = Duration::from_secs(3 * 60);
/// How often a live import renews its claim.
const RENEW_EVERY: Duration = Duration::from_secs(30);

/// Claims `org` for `holder` until `now + LEASE`. True if claimed; false if
/// another holder's lease is running.
pub fn claim(conn: &mut DbConn, org: OrgId, holder: &str, now: Timestamp) -> Result<bool, DbError> {
    let expires = now.plus(LEASE).micros();
    // Nobody holds it: a new row. (Diesel's multi-backend connection has no
    // ON CONFLICT, hence one statement per backend.)
    let insert = diesel::insert_into(locks::table).values((
        locks::org_id.eq(org.0),
        locks::holder.eq(holder),
        locks::expires_at.eq(expires),
    ));
    let inserted = crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    if inserted == 1 {
        return Ok(true);
    }
    // A row is there: taken over only if its lease has lapsed.
    let taken = diesel::update(
        locks::table
            .filter(locks::org_id.eq(org.0))
            .filter(locks::expires_at.le(now.micros())),
    )
    .set((locks::holder.eq(holder), locks::expires_at.eq(expires)))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Extends `holder`'s claim on `org`; false if it is no longer theirs.
pub fn renew(conn: &mut DbConn, org: OrgId, holder: &str, now: Timestamp) -> Result<bool, DbError> {
    let renewed = diesel::update(
        locks::table
            .filter(locks::org_id.eq(org.0))
            .filter(locks::holder.eq(holder)),
    )
    .set(locks::expires_at.eq(now.plus(LEASE).micros()))
    .execute(conn)?;
    Ok(renewed == 1)
}

/// Gives up `holder`'s claim on `org` (a claim taken over since is left alone).
pub fn release(conn: &mut DbConn, org: OrgId, holder: &str) -> Result<(), DbError> {
    diesel::delete(
        locks::table
            .filter(locks::org_id.eq(org.0))
            .filter(locks::holder.eq(holder)),
    )
    .execute(conn)?;
    Ok(())
}

/// The problem a second import of the same organisation gets.
pub fn running() -> DbError {
    DbError::Roster(vec![Problem::new("", 0, code::IMPORT_RUNNING)])
}

/// Runs `work` while holding the import claim on `org`, or refuses at once
/// with the `import-running` problem, having done nothing.
///
/// The work runs in a task of its own, renewed while it runs and released
/// when it ends: a caller that goes away (a browser closed mid-upload) does
/// not leave the claim behind.
pub async fn exclusively<T, F>(db: &Db, clock: &Clock, org: OrgId, work: F) -> Result<T, DbError>
where
    T: Send + 'static,
    F: Future<Output = Result<T, DbError>> + Send + 'static,
{
    let holder =
        lyceum_domain::token::new_public_id().map_err(|e| DbError::task_from("import claim", e))?;
    let now = clock.now();
    let mine = holder.clone();
    if !db.write(move |c| claim(c, org, &mine, now)).await? {
        return Err(running());
    }
    let (db, clock) = (db.clone(), clock.clone());
    let task = tokio::spawn(async move {
        let renewing = {
            let (db, clock, holder) = (db.clone(), clock.clone(), holder.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(RENEW_EVERY).await;
                    let (holder, now) = (holder.clone(), clock.now());
                    match db.write(move |c| renew(c, org, &holder, now)).await {
                        Ok(true) => {}
                        Ok(false) => {
                            tracing::warn!(org = org.0, "roster import lost its claim");
                            break;
                        }
                        Err(e) => {
                            tracing::warn!(org = org.0, error = %Chain(&e), "renewing a roster import's claim")
                        }
                    }
                }
            })
        };
        // In a task of its own too, so that even a panic releases the claim.
        let result = match tokio::spawn(work).await {
            Ok(result) => result,
            Err(e) => Err(DbError::task_from("the roster import", e)),
        };
        renewing.abort();
        if let Err(e) = db.write(move |c| release(c, org, &holder)).await {
            // The lease lapses on its own.
            tracing::warn!(org = org.0, error = %Chain(&e), "releasing a roster import's claim");
        }
        result
    });
    task.await
        .map_err(|e| DbError::task_from("the roster import", e))?
}
