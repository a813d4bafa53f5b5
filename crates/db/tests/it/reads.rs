use crate::T0;
use lyceum_db::{Backend, DbError, orgs};
use lyceum_testdb::TestDb;
use std::thread;

#[tokio::test]
async fn a_brief_read_sees_what_was_written_and_runs_where_the_backend_wants() {
    let t = TestDb::new();
    t.db.write(|c| orgs::create_root(c, "Programme", T0))
        .await
        .unwrap();
    let here = thread::current().id();
    let (name, ran_on) =
        t.db.read_brief(|c| {
            let root = orgs::root(c)?.ok_or(DbError::NotFound)?;
            Ok((root.name, thread::current().id()))
        })
        .await
        .unwrap();
    assert_eq!(name, "Programme");
    // SQLite answers from its page cache, cheaper than a hop to the
    // blocking pool; PostgreSQL waits on the network, so it must hop.
    match t.db.backend() {
        Backend::Sqlite => assert_eq!(
            ran_on, here,
            "SQLite brief reads run on the caller's thread"
        ),
        Backend::Postgres => {
            assert_ne!(ran_on, here, "PostgreSQL reads must leave the async thread")
        }
    }
}

#[tokio::test]
async fn a_brief_read_that_panics_is_an_error_and_the_database_still_answers() {
    let t = TestDb::new();
    let failed =
        t.db.read_brief(|_| -> Result<(), DbError> { panic!("a bug in a read") })
            .await;
    assert!(matches!(failed, Err(DbError::Task { .. })), "{failed:?}");
    let root = t.db.read_brief(orgs::root).await.unwrap();
    assert!(root.is_none());
}
