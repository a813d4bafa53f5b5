//! The `lyceum` binary's library: configuration, and [`App`], the whole
//! application (database, web server, worker) started as one unit. The
//! command line (`main.rs`) and the test kit both start Lyceum through it.

pub mod admin;
pub mod app;
pub mod config;
pub mod content;
pub mod demo;
pub mod demo_library;
pub mod demo_radar;
pub mod demo_registry;
pub mod demo_workshops;
pub mod import;
pub mod logging;
pub mod secrets;

pub use app::App;
pub use config::{Config, Settings};
