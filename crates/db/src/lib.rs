//! Lyceum's data layer: one schema and one query language over SQLite and
//! PostgreSQL (Diesel's `MultiConnection`).
//!
//! Invariants:
//! - Knows nothing of HTTP or HTML. Operations return [`DbError`], whose
//!   `Invalid` variant carries the field errors of `lyceum_domain`.
//! - Backend-specific SQL appears only where the dialects truly differ, as a
//!   `match` on [`DbConn`] (job claiming, transaction start).
//! - Every write runs in [`Db::write`]: one transaction, `BEGIN IMMEDIATE` on
//!   SQLite, so a failed operation leaves nothing behind.
//! - All blocking database work runs on the blocking thread pool, never on an
//!   async worker thread.

pub mod codes;
mod conn;
mod error;
pub mod ids;
pub mod migrate;
pub mod moderation;
pub mod schema;
mod writer;

pub mod accounts;
pub mod analytics;
pub mod api_tokens;
pub mod audit;
pub mod bulk;
pub mod community;
pub mod competencies;
pub mod course_listing;
pub mod courses;
pub mod credit;
pub mod digests;
pub mod directory;
pub mod domains;
pub mod drafts;
pub mod email_tokens;
pub mod invitations;
pub mod jobs;
pub mod join_codes;
pub mod learning;
pub mod library;
pub mod literacy;
pub mod memberships;
pub mod mentionable;
pub mod notices;
pub mod orgs;
pub mod pd_requests;
pub mod personal_data;
pub mod practice;
pub mod programme_settings;
pub mod radar;
pub mod registry;
pub mod roster;
pub mod sessions;
pub mod signed_in;
pub mod space_news;
pub mod sso;
pub mod throttle;
pub mod users;
pub mod welcome;
pub mod workshops;

pub use conn::{Backend, Db, DbConn, DbTarget, PoolOptions, PooledConn, snapshot, transaction};
pub use error::DbError;

/// Result of an operation that may also fail validation.
pub type DbResult<T> = Result<T, DbError>;
