use crate::T0;
use lyceum_db::throttle::{self, LockoutPolicy};
use lyceum_testkit::TestDb;
use std::time::Duration;

#[tokio::test]
async fn locks_after_repeated_failures_and_unlocks_later() {
    let t = TestDb::new();
    let policy = LockoutPolicy::default();
    let key = "ana@example.org";
    for i in 1..policy.max_failures {
        let now = T0.plus(Duration::from_secs(i as u64));
        let lock =
            t.db.write(move |c| throttle::record_failure(c, key, now, policy))
                .await
                .unwrap();
        assert!(lock.is_none(), "locked too early, at failure {i}");
    }
    let now = T0.plus(Duration::from_secs(30));
    let lock =
        t.db.write(move |c| throttle::record_failure(c, key, now, policy))
            .await
            .unwrap()
            .expect("locked at the limit");
    assert_eq!(lock, now.plus(policy.lockout));
    let still =
        t.db.read(move |c| throttle::locked_until(c, key, now))
            .await
            .unwrap();
    assert_eq!(still, Some(lock));
    let after = lock.plus(Duration::from_secs(1));
    assert_eq!(
        t.db.read(move |c| throttle::locked_until(c, key, after))
            .await
            .unwrap(),
        None
    );

    // Failures spread wider than the window never lock.
    let other = "bo@example.org";
    for i in 0..10u64 {
        let now = T0.plus(policy.window * i as u32 + Duration::from_secs(i));
        let lock =
            t.db.write(move |c| throttle::record_failure(c, other, now, policy))
                .await
                .unwrap();
        assert!(lock.is_none());
    }
}
