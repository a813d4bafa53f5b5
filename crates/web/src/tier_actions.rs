//! The evidence tier — Lyceum's proposal with its reasons, a curator's
//! confirmation or override — shared by `pages/library/tiers.rs` and
//! `api/library/tiers.rs`.
