//! Test support for every crate's tests: a fresh database on the backend
//! under test, and (in `app`) the real application on a real port.
//!
//! The backend is SQLite unless `LYCEUM_TEST_POSTGRES_URL` is set, in which
//! case every test gets its own PostgreSQL schema on that server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod database;

pub use database::{TestDb, postgres_url};
