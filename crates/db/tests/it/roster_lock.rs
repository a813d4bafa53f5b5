//! One roster import per organisation at a time, across app servers: the
//! claim is one conditional write, a lapsed claim can be taken over, and a
//! finished import (or a failed one) releases it.

use lyceum_db::roster::lock::{self, LEASE};
use lyceum_db::{Db, DbError, orgs};
use lyceum_domain::oneroster::code;
use lyceum_domain::{Clock, OrgId};
use lyceum_testdb::TestDb;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

async fn two_orgs(db: &Db) -> (OrgId, OrgId) {
    db.write(|c| {
        let root = orgs::create_root(c, "Programme", crate::T0)?;
        let draft = lyceum_domain::org::OrgInput {
            name: "Ohio".into(),
            kind: "state".into(),
            ..Default::default()
        }
        .validate_child_of(root.kind)?;
        let state = orgs::create_child(c, &root, &draft, crate::T0)?;
        Ok((root.id(), state.id()))
    })
    .await
    .unwrap()
}

fn is_running(result: &Result<(), DbError>) -> bool {
    matches!(result, Err(DbError::Roster(p)) if p.len() == 1 && p[0].code == code::IMPORT_RUNNING)
}

#[tokio::test]
async fn a_second_import_of_one_organisation_is_refused_and_does_nothing() {
    let t = TestDb::new();
    let clock = Clock::system();
    let (org, other) = two_orgs(&t.db).await;
    // Another server holds the claim.
    let now = clock.now();
    assert!(
        t.db.write(move |c| lock::claim(c, org, "server-a", now))
            .await
            .unwrap()
    );
    let ran = Arc::new(AtomicBool::new(false));
    let work = |ran: Arc<AtomicBool>| async move {
        ran.store(true, Ordering::SeqCst);
        Ok(())
    };
    let second = lock::exclusively(&t.db, &clock, org, work(ran.clone())).await;
    assert!(is_running(&second), "{second:?}");
    assert!(!ran.load(Ordering::SeqCst), "nothing was done");
    // Another organisation is not held up.
    lock::exclusively(&t.db, &clock, other, work(ran.clone()))
        .await
        .unwrap();
    assert!(ran.swap(false, Ordering::SeqCst));

    // A server that stopped mid-import: its claim lapses.
    clock.advance(LEASE + Duration::from_secs(1));
    lock::exclusively(&t.db, &clock, org, work(ran.clone()))
        .await
        .unwrap();
    assert!(ran.load(Ordering::SeqCst));
    // ...and the import that took it over released it when done, even failing.
    let failed: Result<(), DbError> =
        lock::exclusively(&t.db, &clock, org, async { Err(DbError::NotFound) }).await;
    assert!(matches!(failed, Err(DbError::NotFound)));
    let now = clock.now();
    assert!(
        t.db.write(move |c| lock::claim(c, org, "server-b", now))
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn two_imports_at_once_one_runs_the_other_is_told_to_wait() {
    let t = TestDb::new();
    let clock = Clock::system();
    let (org, _) = two_orgs(&t.db).await;
    let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
    let (finish_tx, finish_rx) = tokio::sync::oneshot::channel::<()>();
    let first = {
        let (db, clock) = (t.db.clone(), clock.clone());
        tokio::spawn(async move {
            lock::exclusively(&db, &clock, org, async move {
                let _ = started_tx.send(());
                let _ = finish_rx.await;
                Ok(())
            })
            .await
        })
    };
    started_rx.await.unwrap();
    let second = lock::exclusively(&t.db, &clock, org, async { Ok(()) }).await;
    assert!(is_running(&second), "{second:?}");
    finish_tx.send(()).unwrap();
    first.await.unwrap().unwrap();
    // Released: the next one runs.
    lock::exclusively(&t.db, &clock, org, async { Ok(()) })
        .await
        .unwrap();
}

#[tokio::test]
async fn of_many_claims_at_once_exactly_one_wins() {
    let t = TestDb::new();
    let clock = Clock::system();
    let (org, _) = two_orgs(&t.db).await;
    let mut claims = Vec::new();
    for i in 0..8 {
        let (db, now) = (t.db.clone(), clock.now());
        claims.push(tokio::spawn(async move {
            db.write(move |c| lock::claim(c, org, &format!("server-{i}"), now))
                .await
                .unwrap()
        }));
    }
    let mut won = 0;
    for c in claims {
        won += usize::from(c.await.unwrap());
    }
    assert_eq!(won, 1);
    // Lapsed, taken over by exactly one again.
    clock.advance(LEASE + Duration::from_secs(1));
    let mut claims = Vec::new();
    for i in 0..8 {
        let (db, now) = (t.db.clone(), clock.now());
        claims.push(tokio::spawn(async move {
            db.write(move |c| lock::claim(c, org, &format!("late-{i}"), now))
                .await
                .unwrap()
        }));
    }
    let mut won = 0;
    for c in claims {
        won += usize::from(c.await.unwrap());
    }
    assert_eq!(won, 1);
}
