//! Workshop reminders and calendar feeds: each reminder goes once to each
//! person holding a seat, however many workers sweep at once; none for a
//! reminder of 0 minutes, a cancelled session or a cancelled seat; a feed
//! lists one's own sessions only, and a reset address stops the old one.

use crate::T0;
use crate::workshops::{BASE, setup};
use diesel::prelude::*;
use lyceum_db::schema::{jobs, offering_sessions, offerings};
use lyceum_db::workshops::calendar::{self, ReminderLinks};
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self};
use lyceum_db::{Db, PoolOptions};
use lyceum_domain::token::hash_token;
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId, paths};
use lyceum_testdb::TestDb;
use std::time::Duration;

const HOUR: Duration = Duration::from_secs(3600);

async fn sweep(db: &Db, now: Timestamp) -> usize {
    db.write(move |c| {
        let offering = |id: OfferingId| format!("{BASE}{}", paths::offering(id));
        let session_ics =
            |o: OfferingId, s: SessionId| format!("{BASE}{}", paths::session_calendar(o, s));
        calendar::send_reminders(
            c,
            now,
            &ReminderLinks {
                offering: &offering,
                session_ics: &session_ics,
            },
        )
    })
    .await
    .unwrap()
}

/// Reminder emails queued, by recipient.
async fn reminders(db: &Db) -> Vec<String> {
    db.read(|c| {
        Ok(jobs::table
            .select(jobs::payload)
            .load::<String>(c)?
            .into_iter()
            .filter(|p| p.contains("\"reminder\""))
            .collect())
    })
    .await
    .unwrap()
}

/// An offering of one session with `people` registered (the first
/// `seats` hold a seat), and its session's start.
async fn registered(db: &Db, seats: u32, people: usize) -> (OfferingId, Vec<UserId>, Timestamp) {
    let (offering, people) = db
        .write(move |c| Ok(setup(c, seats, people)))
        .await
        .unwrap();
    for &p in &people {
        db.write(move |c| registrations::register(c, offering, p, By::Themselves, BASE, T0))
            .await
            .unwrap();
    }
    let start = db
        .read(move |c| workshops::sessions_of(c, offering))
        .await
        .unwrap()[0]
        .starts_at;
    (offering, people, Timestamp::from_micros(start))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn each_reminder_goes_once_to_each_seat_with_two_workers_racing() {
    let t = TestDb::new();
    // A second worker: its own pool (and, on SQLite, its own writer).
    let other = Db::connect(
        &t.url,
        &PoolOptions {
            max_connections: 4,
            ..PoolOptions::default()
        },
    )
    .unwrap();
    // Five seats, two on the waitlist: they are not reminded.
    let (offering, _, start) = registered(&t.db, 5, 7).await;
    let before_jobs =
        t.db.read(|c| Ok(jobs::table.count().get_result::<i64>(c)?))
            .await
            .unwrap();

    // Two days before: nothing due yet.
    assert_eq!(sweep(&t.db, start.minus(48 * HOUR)).await, 0);

    // A day before (23 h): the first reminder, once, whoever sweeps.
    let at = start.minus(23 * HOUR);
    let mut tasks = Vec::new();
    for i in 0u32..6 {
        let db = if i.is_multiple_of(2) {
            t.db.clone()
        } else {
            other.clone()
        };
        tasks.push(tokio::spawn(async move { sweep(&db, at).await }));
    }
    let mut sent = 0;
    for task in tasks {
        sent += task.await.unwrap();
    }
    assert_eq!(sent, 5);
    let queued = reminders(&t.db).await;
    assert_eq!(queued.len(), 5, "{queued:?}");
    // In each person's language, with the offering's page and the session's file.
    assert!(queued.iter().any(|p| p.contains("\"lang\":\"es\"")));
    assert!(
        queued
            .iter()
            .all(|p| p.contains(&format!("{BASE}/offerings/{offering}\"")))
    );
    assert!(queued.iter().all(
        |p| p.contains(&format!("{BASE}/offerings/{offering}/sessions/"))
            && p.contains("/calendar.ics")
    ));

    // Half an hour before: the second, once.
    let at = start.minus(HOUR / 2);
    let (a, b) = tokio::join!(sweep(&t.db, at), sweep(&other, at));
    assert_eq!(a + b, 5);
    assert_eq!(sweep(&t.db, at).await, 0);
    // Once started, nothing more.
    assert_eq!(sweep(&t.db, start.plus(HOUR)).await, 0);
    let after_jobs =
        t.db.read(|c| Ok(jobs::table.count().get_result::<i64>(c)?))
            .await
            .unwrap();
    assert_eq!(after_jobs - before_jobs, 10);
}

#[tokio::test]
async fn a_worker_away_until_the_last_hour_sends_only_the_hour_before_reminder() {
    let t = TestDb::new();
    let (_, _, start) = registered(&t.db, 3, 3).await;
    assert_eq!(sweep(&t.db, start.minus(HOUR / 4)).await, 3);
    assert_eq!(sweep(&t.db, start.minus(HOUR / 5)).await, 0);
}

#[tokio::test]
async fn no_reminders_for_zero_minutes_cancelled_sessions_or_cancelled_seats() {
    let t = TestDb::new();
    let (offering, people, start) = registered(&t.db, 4, 4).await;

    // An offering with no reminders (0 minutes for both).
    t.db.write(move |c| {
        diesel::update(offerings::table.find(offering.0))
            .set((
                offerings::remind_first_minutes.eq(0),
                offerings::remind_second_minutes.eq(0),
            ))
            .execute(c)?;
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(sweep(&t.db, start.minus(HOUR / 2)).await, 0);

    // Reminders back at a day before, and one of the four cancels: three.
    t.db.write(move |c| {
        diesel::update(offerings::table.find(offering.0))
            .set(offerings::remind_first_minutes.eq(24 * 60))
            .execute(c)?;
        Ok(())
    })
    .await
    .unwrap();
    let leaving = people[0];
    t.db.write(move |c| registrations::cancel(c, offering, leaving, BASE, T0))
        .await
        .unwrap();
    assert_eq!(sweep(&t.db, start.minus(20 * HOUR)).await, 3);
    assert!(
        reminders(&t.db)
            .await
            .iter()
            .all(|p| !p.contains("p1@iowa.example.org"))
    );

    // A cancelled session reminds nobody, nor does a cancelled offering.
    t.db.write(move |c| {
        diesel::update(
            offering_sessions::table.filter(offering_sessions::offering_id.eq(offering.0)),
        )
        .set(offering_sessions::cancelled_at.eq(Some(T0.micros())))
        .execute(c)?;
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(sweep(&t.db, start.minus(HOUR / 2)).await, 0);
    t.db.write(move |c| {
        diesel::update(
            offering_sessions::table.filter(offering_sessions::offering_id.eq(offering.0)),
        )
        .set(offering_sessions::cancelled_at.eq(None::<i64>))
        .execute(c)?;
        diesel::update(offerings::table.find(offering.0))
            .set(offerings::cancelled_at.eq(Some(T0.micros())))
            .execute(c)?;
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(sweep(&t.db, start.minus(HOUR / 2)).await, 0);
}

#[tokio::test]
async fn a_feed_lists_ones_own_sessions_and_a_reset_stops_the_old_address() {
    let t = TestDb::new();
    // Two seats, one waiting.
    let (offering, people, _) = registered(&t.db, 2, 3).await;
    let (seated, waiting) = (people[0], people[2]);
    let now = T0;
    t.db.write(move |c| {
        calendar::reset_feed(c, seated, &hash_token("first"), now)?;
        calendar::reset_feed(c, waiting, &hash_token("theirs"), now)
    })
    .await
    .unwrap();
    let owner = |token: &'static str| {
        let db = t.db.clone();
        async move {
            db.read(move |c| calendar::feed_owner(c, &hash_token(token)))
                .await
                .unwrap()
        }
    };
    assert_eq!(owner("first").await, Some(seated));
    let feed = |who: UserId| {
        let db = t.db.clone();
        async move {
            db.read(move |c| calendar::feed_sessions(c, who, now))
                .await
                .unwrap()
        }
    };
    let mine = feed(seated).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].offering.id, offering);
    assert!(!mine[0].cancelled());
    // On the waitlist: no seat, nothing in the feed.
    assert!(feed(waiting).await.is_empty());

    // A new address: the old one opens nothing at once.
    t.db.write(move |c| calendar::reset_feed(c, seated, &hash_token("second"), now))
        .await
        .unwrap();
    assert_eq!(owner("first").await, None);
    assert_eq!(owner("second").await, Some(seated));
    assert_eq!(owner("theirs").await, Some(waiting));
}
