//! Connections and the pool: URL parsing, SQLite settings, blocking work.

use crate::error::DbError;
use crate::writer::Writer;
use diesel::connection::InstrumentationEvent;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::R2D2Connection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, RunQueryDsl};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Runs a diesel query on the backend's own connection: `on_backend!(conn,
/// |c| query.load(c))`. Through the `DbConn` wrapper diesel writes out each
/// statement's SQL text on every run (to see whether it may be cached); on
/// the backend's own connection a prepared statement is found by the
/// query's type. For the reads every page makes, where that was a tenth of
/// the time. The body is written once and compiled for each backend, so it
/// holds the whole query (a query value is typed for one backend).
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::DbConn::Sqlite($c) => $body,
            $crate::DbConn::Pg($c) => $body,
        }
    };
}

/// One connection to either backend. Match on it only where dialects differ
/// (and, through [`on_backend!`], on the hottest reads).
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Where the data lives, from a `sqlite://PATH` or `postgres://…` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbTarget {
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let url = url.trim();
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(DbError::Config(
                    "the SQLite URL names no file; write sqlite://PATH, e.g. sqlite://./lyceum-data/lyceum.db"
                        .into(),
                ));
            }
            return Ok(DbTarget::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbTarget::Postgres(url.to_string()));
        }
        let scheme = url.split("://").next().unwrap_or(url);
        Err(DbError::Config(format!(
            "unsupported database URL scheme {scheme:?}: use sqlite://PATH or postgres://USER@HOST/DB"
        )))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbTarget::Sqlite(_) => Backend::Sqlite,
            DbTarget::Postgres(_) => Backend::Postgres,
        }
    }

    /// The URL with any password replaced, for logs and messages.
    pub fn redacted(&self) -> String {
        match self {
            DbTarget::Sqlite(p) => format!("sqlite://{}", p.display()),
            DbTarget::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(s), Some(at)) if url[s + 3..at].contains(':') => {
                    let user_end = s + 3 + url[s + 3..at].find(':').unwrap_or(0);
                    format!("{}:***{}", &url[..user_end], &url[at..])
                }
                _ => url.clone(),
            },
        }
    }

    /// A connection whose statements are counted in `statements`.
    pub(crate) fn establish(&self, statements: &Statements) -> Result<DbConn, DbError> {
        let mut conn = self.establish_uncounted()?;
        let count = statements.0.clone();
        let counter = move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::StartQuery { .. } = event {
                count.fetch_add(1, Ordering::Relaxed);
            }
        };
        match &mut conn {
            DbConn::Sqlite(c) => c.set_instrumentation(counter),
            DbConn::Pg(c) => c.set_instrumentation(counter),
        }
        Ok(conn)
    }

    fn establish_uncounted(&self) -> Result<DbConn, DbError> {
        match self {
            DbTarget::Sqlite(path) => {
                let path = path.to_str().ok_or_else(|| {
                    DbError::Config(format!("the SQLite path {} is not UTF-8", path.display()))
                })?;
                let mut conn = SqliteConnection::establish(path)
                    .map_err(|e| DbError::connect(format!("sqlite://{path}"), e))?;
                // WAL lets readers run beside the one writer; busy_timeout makes a
                // writer wait instead of failing; foreign keys are off by default.
                // A 16 MB page cache per connection keeps the hot pages of a
                // programme-sized database close; the rest comes from the OS
                // page cache (not mmap, which would count the file in our RSS).
                // A large write (an import) grows the log; past 64 MB it is
                // cut back once checkpointed.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL;
                     PRAGMA journal_size_limit = 67108864;
                     PRAGMA busy_timeout = 5000;
                     PRAGMA foreign_keys = ON;
                     PRAGMA synchronous = NORMAL;
                     PRAGMA cache_size = -16000;",
                )
                .map_err(|e| DbError::connect(format!("sqlite://{path}"), e))?;
                Ok(DbConn::Sqlite(conn))
            }
            DbTarget::Postgres(url) => {
                // libpq speaks TLS through OpenSSL, which by default frees
                // its locks at process exit — while the pool may still be
                // opening a connection on another thread (a crash in about
                // one short CLI run in 30). Initialised first this way,
                // OpenSSL skips that clean-up.
                openssl_sys::init();
                let mut conn = PgConnection::establish(url)
                    .map_err(|e| DbError::connect(self.redacted(), e))?;
                // Every statement is prepared once per connection (diesel
                // caches them); left to choose, PostgreSQL planned the
                // session's seven-table join again on every execution (0.3–1
                // ms, several times the execution itself). Our statements
                // look rows up by key or index, where one generic plan per
                // statement serves every value.
                conn.batch_execute("SET plan_cache_mode = force_generic_plan")
                    .map_err(|e| DbError::connect(self.redacted(), e))?;
                Ok(DbConn::Pg(conn))
            }
        }
    }
}

/// How many statements a [`Db`]'s connections have run (BEGIN and COMMIT
/// included; on PostgreSQL each is at least one round trip). Shown in
/// /metrics, and what the tests that hold pages to a budget of round trips
/// read.
#[derive(Debug, Clone, Default)]
pub struct Statements(Arc<AtomicU64>);

impl Statements {
    pub fn total(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

#[derive(Debug)]
/// Opens connections for the pool, with the SQLite settings applied.
pub struct Manager(DbTarget, Statements);

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = DbError;

    fn connect(&self) -> Result<DbConn, DbError> {
        self.0.establish(&self.1)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), DbError> {
        conn.ping().map_err(DbError::Query)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.is_broken()
    }
}

#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub max_connections: u32,
    /// Longer than SQLite's busy_timeout, so that a caller holding a pooled
    /// connection while it waits for the write lock (`Db::get` and
    /// [`transaction`]) gives up on the lock first, with the clearer error.
    pub checkout_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self {
            max_connections: 16,
            checkout_timeout: Duration::from_secs(10),
        }
    }
}

/// The database handle the app shares: a pool plus the knowledge of which
/// backend it is. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<Manager>,
    target: Arc<DbTarget>,
    /// SQLite has one writer: every write goes through this thread, which
    /// commits waiting writes together. None on PostgreSQL.
    sqlite_writer: Option<Arc<Writer>>,
    /// At most as many blocking tasks as connections: the rest wait here,
    /// cheaply, instead of as parked threads on the pool's lock.
    slots: Arc<Semaphore>,
    statements: Statements,
}

pub type PooledConn = r2d2::PooledConnection<Manager>;

impl Db {
    /// Connects (creating the SQLite file and its folder if needed) and
    /// fails with a plain message if the database cannot be reached.
    pub fn connect(url: &str, options: &PoolOptions) -> Result<Db, DbError> {
        let target = DbTarget::parse(url)?;
        if let DbTarget::Sqlite(path) = &target
            && let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| {
                DbError::Config(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
        }
        // One direct attempt first: its error is clearer than the pool's time-out.
        drop(target.establish_uncounted()?);
        let statements = Statements::default();
        let pool = r2d2::Pool::builder()
            .max_size(options.max_connections.max(1))
            .min_idle(Some(1))
            // A broken connection shows on use (and is then discarded); a
            // `SELECT 1` before every checkout would double the queries.
            .test_on_check_out(false)
            .connection_timeout(options.checkout_timeout)
            .build(Manager(target.clone(), statements.clone()))
            .map_err(|e| DbError::connect(target.redacted(), e))?;
        let sqlite_writer = match &target {
            DbTarget::Sqlite(_) => {
                Some(Arc::new(Writer::start(target.clone(), statements.clone())?))
            }
            DbTarget::Postgres(_) => None,
        };
        Ok(Db {
            pool,
            target: Arc::new(target),
            sqlite_writer,
            statements,
            slots: Arc::new(Semaphore::new(options.max_connections.max(1) as usize)),
        })
    }

    pub fn backend(&self) -> Backend {
        self.target.backend()
    }

    /// How many statements this handle's connections have run.
    pub fn statements(&self) -> u64 {
        self.statements.total()
    }

    pub fn target(&self) -> &DbTarget {
        &self.target
    }

    /// A connection for synchronous callers (the CLI, tests, the worker's
    /// blocking tasks). Never call this on an async thread.
    pub fn get(&self) -> Result<PooledConn, DbError> {
        self.pool.get().map_err(|e| DbError::Pool(e.into()))
    }

    /// Runs read-only work on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let _slot = self.slot().await?;
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| DbError::Pool(e.into()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| DbError::task_from("a read did not finish", e))?
    }

    /// A brief read: rows found by key, a page's worth at most. On SQLite
    /// it runs right here on the async thread, when a connection is free:
    /// answered from the page cache in tens of microseconds, it costs less
    /// than the hop to the blocking pool and back, and those hops were a
    /// fifth of a community page's time. Whatever may scan or wait (search,
    /// exports, lists without a limit, every write) goes through
    /// [`Db::read`] or [`Db::write`]. On PostgreSQL every read waits on the
    /// network, so this is [`Db::read`].
    pub async fn read_brief<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        if self.backend() == Backend::Sqlite {
            let _slot = self.slot().await?;
            // None when every connection is out (or one must be opened first).
            if let Some(mut conn) = self.pool.try_get() {
                // As on the blocking pool, a panic is this request's error only.
                return std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut conn)))
                    .map_err(|_| DbError::task("a read panicked"))?;
            }
        }
        self.read(f).await
    }

    async fn slot(&self) -> Result<tokio::sync::OwnedSemaphorePermit, DbError> {
        self.slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| DbError::task_from("no database slot", e))
    }

    /// Runs `f` in a write transaction: all of it happens, or none of it
    /// does, and it has been committed when this returns. On SQLite it goes
    /// to the one writer (`writer.rs`); on PostgreSQL to the
    /// blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        if let Some(writer) = &self.sqlite_writer {
            return writer.write(f).await;
        }
        let _slot = self.slot().await?;
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| DbError::Pool(e.into()))?;
            transaction(&mut conn, f)
        })
        .await
        .map_err(|e| DbError::task_from("a write did not finish", e))?
    }
}

/// One write transaction; `BEGIN IMMEDIATE` on SQLite so that the write lock
/// is taken up front and two writers never deadlock on a lock upgrade.
pub fn transaction<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, DbError>,
) -> Result<T, DbError> {
    match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        DbConn::Pg(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    let result = f(conn);
    let end = match (&result, &mut *conn) {
        (Ok(_), DbConn::Sqlite(c)) => AnsiTransactionManager::commit_transaction(c),
        (Ok(_), DbConn::Pg(c)) => AnsiTransactionManager::commit_transaction(c),
        (Err(_), DbConn::Sqlite(c)) => AnsiTransactionManager::rollback_transaction(c),
        (Err(_), DbConn::Pg(c)) => AnsiTransactionManager::rollback_transaction(c),
    };
    match (result, end) {
        (Ok(v), Ok(())) => Ok(v),
        (Ok(_), Err(e)) => Err(DbError::Query(e)),
        (Err(e), _) => Err(e),
    }
}

/// Several reads as one: on SQLite inside one deferred transaction, so
/// they see one snapshot and take the database's read lock once instead of
/// once per statement (a tenth of a busy page's time). On PostgreSQL the
/// reads run as they are: a `BEGIN` and `COMMIT` would cost two more round
/// trips.
pub fn snapshot<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, DbError>,
) -> Result<T, DbError> {
    if let DbConn::Sqlite(c) = &mut *conn {
        AnsiTransactionManager::begin_transaction(c)?;
    }
    let result = f(conn);
    let end = match (&result, &mut *conn) {
        (Ok(_), DbConn::Sqlite(c)) => AnsiTransactionManager::commit_transaction(c),
        (Err(_), DbConn::Sqlite(c)) => AnsiTransactionManager::rollback_transaction(c),
        (_, DbConn::Pg(_)) => Ok(()),
    };
    match (result, end) {
        (Ok(v), Ok(())) => Ok(v),
        (Ok(_), Err(e)) => Err(DbError::Query(e)),
        (Err(e), _) => Err(e),
    }
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Sqlite(_) => Backend::Sqlite,
            DbConn::Pg(_) => Backend::Postgres,
        }
    }

    /// `SELECT 1`: is the database there?
    pub fn ping(&mut self) -> diesel::QueryResult<()> {
        diesel::sql_query("SELECT 1").execute(self).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls_and_redacts_passwords() {
        assert_eq!(
            DbTarget::parse("sqlite://./lyceum-data/lyceum.db").unwrap(),
            DbTarget::Sqlite(PathBuf::from("./lyceum-data/lyceum.db"))
        );
        assert_eq!(
            DbTarget::parse("sqlite:///var/lib/lyceum.db").unwrap(),
            DbTarget::Sqlite(PathBuf::from("/var/lib/lyceum.db"))
        );
        let pg = DbTarget::parse("postgres://lyceum:s3cret@db:5432/lyceum").unwrap();
        assert_eq!(pg.redacted(), "postgres://lyceum:***@db:5432/lyceum");
        assert_eq!(pg.backend(), Backend::Postgres);
        let err = DbTarget::parse("mysql://x@y/z").unwrap_err().to_string();
        assert!(
            err.contains("\"mysql\"") && err.contains("sqlite://PATH"),
            "{err}"
        );
        assert!(DbTarget::parse("sqlite://").is_err());
    }
}
