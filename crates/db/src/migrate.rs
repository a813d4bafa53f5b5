//! Embedded migrations, one folder per backend.

use crate::{DbConn, DbError};
use diesel::RunQueryDsl;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use lyceum_domain::Timestamp;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// An arbitrary constant: the PostgreSQL advisory lock that keeps two app
/// servers starting together from migrating at the same time.
const MIGRATION_LOCK: i64 = 0x4c79_6365_756d;

/// Applies every pending migration, then loads the reference data every
/// database starts with (the default competency framework) if it is
/// missing, and gives API tokens from before expiries an expiry (it needs
/// the clock, which SQL migrations do not have); returns the versions
/// applied.
pub fn run_pending(conn: &mut DbConn, now: Timestamp) -> Result<Vec<String>, DbError> {
    if let DbConn::Pg(c) = conn {
        diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK})")).execute(c)?;
    }
    let result = migrate_and_load(conn, now);
    if let DbConn::Pg(c) = conn {
        diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})")).execute(c)?;
    }
    result
}

fn migrate_and_load(conn: &mut DbConn, now: Timestamp) -> Result<Vec<String>, DbError> {
    let applied: Vec<String> = match conn {
        DbConn::Sqlite(c) => c
            .run_pending_migrations(SQLITE)
            .map(|v| v.iter().map(|m| m.to_string()).collect()),
        DbConn::Pg(c) => c
            .run_pending_migrations(POSTGRES)
            .map(|v| v.iter().map(|m| m.to_string()).collect()),
    }
    .map_err(DbError::Migration)?;
    crate::transaction(conn, |c| {
        crate::competencies::ensure_default(c, now)?;
        crate::api_tokens::bound_unexpiring(c, now).map(|_| ())
    })?;
    Ok(applied)
}

/// Undoes the last applied migration (its `down.sql`); returns its name.
/// For tests of what a migration does to rows written before it.
pub fn revert_last(conn: &mut DbConn) -> Result<String, DbError> {
    match conn {
        DbConn::Sqlite(c) => c.revert_last_migration(SQLITE).map(|v| v.to_string()),
        DbConn::Pg(c) => c.revert_last_migration(POSTGRES).map(|v| v.to_string()),
    }
    .map_err(DbError::Migration)
}

/// How many migrations have not been applied yet.
pub fn pending_count(conn: &mut DbConn) -> Result<usize, DbError> {
    let pending = match conn {
        DbConn::Sqlite(c) => c.pending_migrations(SQLITE).map(|v| v.len()),
        DbConn::Pg(c) => c.pending_migrations(POSTGRES).map(|v| v.len()),
    };
    pending.map_err(DbError::Migration)
}
