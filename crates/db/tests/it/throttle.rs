use crate::T0;
use lyceum_db::throttle;
use lyceum_domain::Timestamp;
use lyceum_domain::throttle::Delays;
use lyceum_testdb::TestDb;
use std::time::Duration;

const D: Delays = Delays {
    free: 3,
    first: Duration::from_secs(1),
    cap: Duration::from_secs(8),
    window: Duration::from_secs(3600),
};

async fn claim(t: &TestDb, key: &'static str, now: Timestamp) -> Result<(), Timestamp> {
    t.db.write(move |c| throttle::claim(c, key, now, D))
        .await
        .unwrap()
}

#[tokio::test]
async fn waits_grow_after_the_free_attempts_and_never_lock() {
    let t = TestDb::new();
    let key = "sign-in:ana@example.org";
    let mut now = T0;
    for _ in 0..3 {
        claim(&t, key, now).await.expect("free attempts");
    }
    // The third set a wait of a second: the fourth, at once, waits.
    assert_eq!(
        claim(&t, key, now).await,
        Err(now.plus(Duration::from_secs(1)))
    );
    // Waiting it out lets one more through, which doubles the wait: 2, 4, 8, 8 s.
    for wait in [1, 2, 4, 8, 8] {
        now = now.plus(Duration::from_secs(wait));
        assert!(claim(&t, key, now).await.is_ok(), "after {wait} s");
        let refused = claim(&t, key, now.plus(Duration::from_millis(500))).await;
        assert!(refused.is_err(), "{wait}");
    }
    // The owner got in: everything is forgotten.
    t.db.write(move |c| throttle::clear(c, key)).await.unwrap();
    claim(&t, key, now).await.expect("cleared");

    // A window that has passed starts again from nothing.
    let other = "sign-in:bo@example.org";
    for _ in 0..3 {
        claim(&t, other, T0).await.unwrap();
    }
    let later = T0.plus(D.window).plus(Duration::from_secs(2));
    for _ in 0..3 {
        claim(&t, other, later).await.expect("a new window");
    }
}

#[tokio::test]
async fn a_released_attempt_stops_counting() {
    let t = TestDb::new();
    let key = "sign-in-from:192.0.2.1";
    for _ in 0..10 {
        claim(&t, key, T0).await.unwrap();
        t.db.write(move |c| throttle::release(c, key))
            .await
            .unwrap();
    }
    claim(&t, key, T0)
        .await
        .expect("released attempts never add up");
}

/// Simultaneous claims, on as many connections as the pool has, get exactly
/// the free attempts: the claim itself decides, not a read before it.
#[tokio::test]
async fn simultaneous_claims_get_only_the_free_attempts() {
    let t = TestDb::new();
    let key = "join:user:7";
    let claims: Vec<_> = (0..24)
        .map(|_| {
            let db = t.db.clone();
            tokio::spawn(async move {
                db.write(move |c| throttle::claim(c, key, T0, D))
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut allowed = 0;
    for claim in claims {
        allowed += usize::from(claim.await.unwrap().is_ok());
    }
    assert_eq!(allowed, 3);
}

#[tokio::test]
async fn stale_keys_are_pruned() {
    let t = TestDb::new();
    claim(&t, "a", T0).await.unwrap();
    let later = T0.plus(Duration::from_secs(7200));
    claim(&t, "b", later).await.unwrap();
    let pruned =
        t.db.write(move |c| throttle::prune(c, later.minus(Duration::from_secs(3600)), later))
            .await
            .unwrap();
    assert_eq!(pruned, 1);
}
