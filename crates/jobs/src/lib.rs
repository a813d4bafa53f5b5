//! Background work: the worker that drains the job queue, and email.
//!
//! Invariants: knows no HTTP routes or pages (the links its hourly sweep
//! puts in emails come from `lyceum_domain::paths`); reads jobs only through
//! `lyceum_db::jobs`; every email is rendered from the Fluent catalogue in
//! the recipient's language, as plain text and HTML.

pub mod email;
pub mod mailer;
pub mod worker;

pub use mailer::{Mailer, MailerConfig};
pub use worker::{Worker, WorkerConfig};
