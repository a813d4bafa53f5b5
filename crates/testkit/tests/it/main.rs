//! End-to-end tests: the real app on a real port, over HTTP, on the backend
//! under test (SQLite, or PostgreSQL when LYCEUM_TEST_POSTGRES_URL is set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access_matrix;
mod accounts;
mod api;
mod audience;
mod authoring;
mod certificates;
mod community;
mod community_api;
mod competencies;
mod courses;
mod credit_api;
mod csrf;
mod csv_exports;
mod directory;
mod domains;
mod downloads;
mod i18n;
mod jobs;
mod join_codes;
mod learning;
mod learning_api;
mod limits;
mod literacy;
mod local_courses;
mod local_time;
mod object_ids;
mod ops;
mod orgs;
mod pd_requests;
mod personal_data;
mod post_search;
mod practice;
mod races;
mod roster_upload;
mod round_trips;
mod sessions;
mod space_news;
mod sso;
mod suspensions;
mod tokens;
mod translations;
mod xss;
