//! A database of its own for each test, on the backend under test: SQLite
//! unless `LYCEUM_TEST_POSTGRES_URL` is set, in which case every test gets
//! its own PostgreSQL schema on that server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

use diesel::{Connection, PgConnection, RunQueryDsl};
use lyceum_db::{Db, PoolOptions, migrate};

/// The PostgreSQL server to test against, if the run asked for one.
pub fn postgres_url() -> Option<String> {
    std::env::var("LYCEUM_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A database of its own for one test, migrated, removed when dropped.
pub struct TestDb {
    pub db: Db,
    /// The URL a second app server would use to reach the same data.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server: String, schema: String },
}

impl Default for TestDb {
    fn default() -> Self {
        Self::new()
    }
}

impl TestDb {
    /// On the backend the run is testing.
    pub fn new() -> TestDb {
        match postgres_url() {
            Some(server) => Self::postgres(&server),
            None => Self::sqlite(),
        }
    }

    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("lyceum.db").display());
        Self::open(url, Cleanup::Sqlite(dir))
    }

    /// A fresh schema on `server`, made the connection's search path.
    pub fn postgres(server: &str) -> TestDb {
        let suffix = &lyceum_domain::token::hash_token(
            &lyceum_domain::token::new_token().expect("random").0,
        )[..16];
        let schema = format!("lyceum_test_{suffix}");
        let mut admin = PgConnection::establish(server)
            .unwrap_or_else(|e| panic!("LYCEUM_TEST_POSTGRES_URL={server}: {e}"));
        diesel::sql_query(format!("CREATE SCHEMA {schema}"))
            .execute(&mut admin)
            .expect("create schema");
        let sep = if server.contains('?') { '&' } else { '?' };
        let url = format!("{server}{sep}options=-csearch_path%3D{schema}");
        Self::open(
            url,
            Cleanup::Postgres {
                server: server.to_string(),
                schema,
            },
        )
    }

    fn open(url: String, cleanup: Cleanup) -> TestDb {
        let db = Db::connect(
            &url,
            &PoolOptions {
                max_connections: 8,
                ..PoolOptions::default()
            },
        )
        .expect("connect to the test database");
        migrate::run_pending(
            &mut db.get().expect("connection"),
            lyceum_domain::Clock::system().now(),
        )
        .expect("migrate");
        TestDb { db, url, cleanup }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server, schema } = &self.cleanup
            && let Ok(mut conn) = PgConnection::establish(server)
        {
            let _ = diesel::sql_query(format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .execute(&mut conn);
        }
    }
}
