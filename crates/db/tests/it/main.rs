//! Integration tests of the data layer, on the backend under test
//! (SQLite, or PostgreSQL when LYCEUM_TEST_POSTGRES_URL is set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod certificates;
mod codes;
mod course_listing;
mod courses;
mod directory;
mod jobs;
mod migrations;
mod orgs;
mod reads;
mod roster;
mod roster_linking;
mod roster_lock;
mod schema_parity;
mod signed_in;
mod suspensions;
mod throttle;
mod tokens;
mod transactions;
mod unsubscribe;
mod workshop_attendance;
mod workshops;
mod workshops_calendar;

use lyceum_domain::Timestamp;

/// A fixed instant, so tests read the same on every run.
pub const T0: Timestamp = Timestamp::from_micros(1_795_638_223_000_000);
