//! Seeding into a database, on the backend under test (SQLite, or
//! PostgreSQL when LYCEUM_TEST_POSTGRES_URL is set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod community;
mod learning;
mod library;
mod radar;
mod workshops;
