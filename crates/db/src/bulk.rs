//! Loading many rows at once (a synthetic programme, a roster import):
//! multi-row INSERTs on SQLite, COPY on PostgreSQL. The caller assigns ids
//! (from [`next_id`]) so rows can point at each other before they exist;
//! [`reset_sequences`] then moves PostgreSQL's id sequences past them.

use crate::schema::{
    memberships, orgs, roster_links, sessions, user_grade_bands, user_subjects, users,
};
use crate::{DbConn, DbError};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = orgs, treat_none_as_default_value = false)]
pub struct OrgRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub name: String,
    pub path: String,
    pub locale: Option<String>,
    pub title_i: Option<bool>,
    pub poverty_band: Option<String>,
    pub enrolment: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: i64,
    pub email: Option<String>,
    pub email_verified_at: Option<i64>,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub preferred_language: String,
    pub years_experience: Option<i32>,
    pub school_role: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub search_text: String,
    /// The roster source that created the account (None: not a roster).
    pub source_id: Option<i64>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = user_subjects, treat_none_as_default_value = false)]
pub struct SubjectRow {
    pub user_id: i64,
    pub subject: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = user_grade_bands, treat_none_as_default_value = false)]
pub struct GradeBandRow {
    pub user_id: i64,
    pub grade_band: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = memberships, treat_none_as_default_value = false)]
pub struct MembershipRow {
    pub id: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub role: String,
    pub created_at: i64,
    pub source_id: Option<i64>,
}

// Every row type says `treat_none_as_default_value = false`: multi-row
// INSERT on SQLite and COPY on PostgreSQL both need plain values, not DEFAULT.

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = roster_links, treat_none_as_default_value = false)]
pub struct LinkRow {
    pub source_id: i64,
    pub kind: String,
    pub sourced_id: String,
    pub local_id: i64,
    pub fingerprint: i64,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = sessions, treat_none_as_default_value = false)]
pub struct SessionRow {
    pub id_hash: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// SQLite allows 32,766 bound values per statement; stay well inside.
const SQLITE_VALUES_PER_STATEMENT: usize = 30_000;

/// Inserts `rows` into `table`, whose rows bind `columns` values each.
macro_rules! load {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = $rows;
        if !rows.is_empty() {
            match $conn {
                DbConn::Sqlite(c) => {
                    for chunk in rows.chunks(SQLITE_VALUES_PER_STATEMENT / $columns) {
                        diesel::insert_into($table).values(chunk).execute(c)?;
                    }
                }
                DbConn::Pg(c) => {
                    diesel::copy_from($table).from_insertable(rows).execute(c)?;
                }
            }
        }
        Ok(())
    }};
}

/// Sign-in sessions, for benchmarks that act as many people at once.
pub fn sessions(conn: &mut DbConn, rows: &[SessionRow]) -> Result<(), DbError> {
    load!(conn, sessions::table, rows, 5)
}

pub fn orgs(conn: &mut DbConn, rows: &[OrgRow]) -> Result<(), DbError> {
    load!(conn, orgs::table, rows, 12)
}

pub fn users(conn: &mut DbConn, rows: &[UserRow]) -> Result<(), DbError> {
    load!(conn, users::table, rows, 12)
}

pub fn subjects(conn: &mut DbConn, rows: &[SubjectRow]) -> Result<(), DbError> {
    load!(conn, user_subjects::table, rows, 2)
}

pub fn grade_bands(conn: &mut DbConn, rows: &[GradeBandRow]) -> Result<(), DbError> {
    load!(conn, user_grade_bands::table, rows, 2)
}

pub fn memberships(conn: &mut DbConn, rows: &[MembershipRow]) -> Result<(), DbError> {
    load!(conn, memberships::table, rows, 6)
}

pub fn links(conn: &mut DbConn, rows: &[LinkRow]) -> Result<(), DbError> {
    load!(conn, roster_links::table, rows, 5)
}

/// The first free id of `orgs`, `users` and `memberships`.
pub fn next_ids(conn: &mut DbConn) -> Result<(i64, i64, i64), DbError> {
    let org: Option<i64> = orgs::table.select(diesel::dsl::max(orgs::id)).first(conn)?;
    let user: Option<i64> = users::table
        .select(diesel::dsl::max(users::id))
        .first(conn)?;
    let membership: Option<i64> = memberships::table
        .select(diesel::dsl::max(memberships::id))
        .first(conn)?;
    Ok((
        org.unwrap_or(0) + 1,
        user.unwrap_or(0) + 1,
        membership.unwrap_or(0) + 1,
    ))
}

/// After rows with ids chosen by us, PostgreSQL's identity sequences must
/// start past them. (SQLite always takes max(id) + 1.)
pub fn reset_sequences(conn: &mut DbConn) -> Result<(), DbError> {
    if let DbConn::Pg(c) = conn {
        for table in ["orgs", "users", "memberships"] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            ))
            .execute(c)?;
        }
    }
    Ok(())
}

/// Refreshes the planner's statistics after a large load; on PostgreSQL
/// also clears the dead rows a load's own updates leave (the seed sets
/// 30,000 topics' accepted answers after loading them), which index scans
/// would otherwise wade through until autovacuum came — halving a space
/// page's throughput. On SQLite it also moves the load from the write-ahead
/// log into the database file: otherwise the first write after it does
/// that (gigabytes after a full seed) while its request waits — long
/// enough for the first requests of a benchmark to time out. Outside a
/// transaction: VACUUM and a checkpoint cannot run in one.
pub fn analyze(conn: &mut DbConn) -> Result<(), DbError> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")?,
        DbConn::Pg(c) => c.batch_execute("VACUUM ANALYZE")?,
    };
    Ok(())
}
