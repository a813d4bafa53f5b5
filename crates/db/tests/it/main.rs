//! Integration tests of the data layer, on the backend under test
//! (SQLite, or PostgreSQL when LYCEUM_TEST_POSTGRES_URL is set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod courses;
mod directory;
mod jobs;
mod orgs;
mod reads;
mod roster;
mod schema_parity;
mod throttle;
mod transactions;

use lyceum_domain::Timestamp;

/// A fixed instant, so tests read the same on every run.
pub const T0: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);
