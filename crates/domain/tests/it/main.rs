//! Integration tests of the domain crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod oneroster;
