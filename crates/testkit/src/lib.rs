//! Test support for the end-to-end tests: the real application on a real
//! port ([`TestApp`], and a second server on the same database), a browser
//! with a cookie jar, the outbox, an SMTP server and an OpenID provider that
//! speak the real protocols, and a seeded tree. The database per test is
//! `lyceum-testdb`'s [`TestDb`], re-exported: SQLite unless
//! `LYCEUM_TEST_POSTGRES_URL` is set, then a PostgreSQL schema of its own.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod app;
mod browser;
mod dns;
mod forms;
mod mail;
mod oidc;
mod seed;
mod smtp;

pub use app::TestApp;
pub use browser::{Browser, Page};
pub use dns::FakeDns;
pub use forms::OutsidePd;
pub use lyceum_testdb::{TestDb, postgres_url};
pub use mail::Mail;
pub use oidc::{
    CLIENT_ID as OIDC_CLIENT_ID, CLIENT_SECRET as OIDC_CLIENT_SECRET, Misbehaviour, OidcProvider,
    TestUser, TokenRequest,
};
pub use seed::{PASSWORD, Seed};
pub use smtp::{Received, SmtpServer};
