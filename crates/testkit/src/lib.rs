//! Test support for every crate's tests: a fresh database on the backend
//! under test, and the real application on a real port.
//!
//! The backend is SQLite unless `LYCEUM_TEST_POSTGRES_URL` is set, in which
//! case every test gets its own PostgreSQL schema on that server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod app;
mod browser;
mod dns;
mod mail;
mod oidc;
mod seed;
mod smtp;

pub use app::TestApp;
pub use browser::{Browser, Page};
pub use dns::FakeDns;
pub use lyceum_testdb::{TestDb, postgres_url};
pub use mail::Mail;
pub use oidc::{
    CLIENT_ID as OIDC_CLIENT_ID, CLIENT_SECRET as OIDC_CLIENT_SECRET, Misbehaviour, OidcProvider,
    TestUser, TokenRequest,
};
pub use seed::{PASSWORD, Seed};
pub use smtp::{Received, SmtpServer};
