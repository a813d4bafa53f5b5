//! SQLite's one writer, with group commit.
//!
//! SQLite lets one transaction write at a time. When each request waited
//! for its turn, went to the blocking pool and committed alone, the handing
//! over took as long as the writing (`perf` on the reply benchmark: the
//! write path was busy half the time), and every commit wrote the same hot
//! pages to the log again. Here one thread with a connection of its own
//! takes every write queued meanwhile and runs them one after another in
//! one transaction, each in a savepoint of its own: a write that fails (or
//! panics) is rolled back alone, and each caller hears how it went only
//! once the transaction has committed.

use crate::conn::{DbConn, DbTarget, Statements};
use crate::error::DbError;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::sqlite::SqliteConnection;
use lyceum_domain::error_chain::Chain;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use tokio::sync::oneshot;

/// Most writes committed together: enough to absorb a burst of 64
/// connections, few enough that the first of them is not kept long.
const BATCH: usize = 64;

/// The handle [`crate::Db`] keeps. When the last is dropped the thread
/// finishes what it holds, closes its connection and ends.
pub(crate) struct Writer {
    /// None only while dropping.
    jobs: Option<mpsc::Sender<Box<dyn Job>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Writer {
    pub(crate) fn start(target: DbTarget, statements: Statements) -> Result<Writer, DbError> {
        let (jobs, queue) = mpsc::channel::<Box<dyn Job>>();
        let thread = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&target, &statements, &queue))
            .map_err(|e| DbError::task_from("cannot start the database writer", e))?;
        Ok(Writer {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// Runs `f` in a transaction (with whatever other writes are waiting)
    /// and returns its result once that transaction has committed.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let (tell, told) = oneshot::channel();
        let stopped = || DbError::task("the database writer has stopped");
        let job = Queued {
            write: Some(f),
            result: None,
            tell,
        };
        let jobs = self.jobs.as_ref().ok_or_else(stopped)?;
        jobs.send(Box::new(job)).map_err(|_| stopped())?;
        told.await.map_err(|_| stopped())?
    }
}

impl Drop for Writer {
    /// Waits for the thread, so that its connection is closed before the
    /// process ends: SQLite checkpoints and removes the log when the last
    /// connection to a database closes, and a process that ends first
    /// leaves the log for the next start to recover.
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take()
            // (Unless a write dropped the last handle: never wait on oneself.)
            && thread.thread().id() != std::thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

/// A queued write, type-erased.
trait Job: Send {
    /// Runs the write (once); whether it succeeded.
    fn run(&mut self, conn: &mut DbConn) -> bool;
    /// Tells the caller: its result if the transaction committed, else why
    /// nothing was saved.
    fn deliver(self: Box<Self>, committed: Result<(), &DbError>);
}

struct Queued<F, T> {
    write: Option<F>,
    result: Option<Result<T, DbError>>,
    tell: oneshot::Sender<Result<T, DbError>>,
}

impl<F, T> Job for Queued<F, T>
where
    F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send,
    T: Send,
{
    fn run(&mut self, conn: &mut DbConn) -> bool {
        let Some(write) = self.write.take() else {
            return false;
        };
        // As on the blocking pool, a panic is this request's error only.
        let result = catch_unwind(AssertUnwindSafe(|| write(conn)))
            .unwrap_or_else(|_| Err(DbError::task("a write panicked")));
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn deliver(self: Box<Self>, committed: Result<(), &DbError>) {
        let result = match (self.result, committed) {
            (Some(Err(e)), _) => Err(e),
            (Some(Ok(v)), Ok(())) => Ok(v),
            (_, Err(e)) => Err(DbError::task(format!(
                "the write was not saved: {}",
                Chain(e)
            ))),
            (None, Ok(())) => Err(DbError::task("the write was not run")),
        };
        // The caller may have gone (its client hung up): nobody to tell.
        let _ = self.tell.send(result);
    }
}

fn run(target: &DbTarget, statements: &Statements, queue: &mpsc::Receiver<Box<dyn Job>>) {
    let mut conn: Option<DbConn> = None;
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let c = match conn.take().map_or_else(|| target.establish(statements), Ok) {
            Ok(c) => conn.insert(c),
            Err(e) => {
                // Each caller hears why; the next batch tries again.
                for job in batch {
                    job.deliver(Err(&e));
                }
                continue;
            }
        };
        if let Err(e) = commit_batch(c, batch) {
            // Its transaction may not have ended cleanly: start afresh.
            tracing::warn!(error = %Chain(&e), "a batch of writes was not saved");
            conn = None;
        }
    }
}

/// Runs the jobs in one transaction, commits it and tells each caller.
fn commit_batch(conn: &mut DbConn, mut batch: Vec<Box<dyn Job>>) -> Result<(), DbError> {
    let mut committed =
        AnsiTransactionManager::begin_transaction_sql(sqlite(conn), "BEGIN IMMEDIATE")
            .map_err(DbError::Query);
    if committed.is_ok() {
        for job in &mut batch {
            if let Err(e) = run_in_savepoint(conn, job.as_mut()) {
                committed = Err(e);
                break;
            }
        }
        let c = sqlite(conn);
        committed = match committed {
            Ok(()) => AnsiTransactionManager::commit_transaction(c).map_err(DbError::Query),
            Err(e) => Err(e),
        };
        if committed.is_err() {
            // Whatever is left open (a failed COMMIT may leave it so).
            let _ = AnsiTransactionManager::rollback_transaction(c);
        }
    }
    for job in batch {
        job.deliver(committed.as_ref().map(|_| ()));
    }
    committed
}

/// One job in a savepoint, released when the job succeeded and rolled back
/// when not. An error means the savepoint could not be ended, which spoils
/// the whole transaction.
fn run_in_savepoint(conn: &mut DbConn, job: &mut dyn Job) -> Result<(), DbError> {
    AnsiTransactionManager::begin_transaction(sqlite(conn))?;
    let succeeded = job.run(conn);
    let c = sqlite(conn);
    if succeeded {
        AnsiTransactionManager::commit_transaction(c)?;
    } else {
        // Back to the batch's own transaction, past anything the job left open.
        while depth(c)? > 1 {
            AnsiTransactionManager::rollback_transaction(c)?;
        }
    }
    Ok(())
}

fn sqlite(conn: &mut DbConn) -> &mut SqliteConnection {
    match conn {
        DbConn::Sqlite(c) => c,
        DbConn::Pg(_) => unreachable!("the writer is SQLite's alone"),
    }
}

fn depth(c: &mut SqliteConnection) -> diesel::QueryResult<u32> {
    Ok(AnsiTransactionManager::transaction_manager_status_mut(c)
        .transaction_depth()?
        .map_or(0, |d| d.get()))
}
