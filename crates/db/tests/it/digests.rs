//! Email digests: a notification is listed in the next digest once, whenever
//! it was written. Fan-out jobs (a trial report's followers, a new topic's)
//! date their notifications when the event happened, which can be before a
//! digest the worker had not seen them for.

use crate::T0;
use diesel::prelude::*;
use lyceum_db::digests;
use lyceum_db::notices::{self, Notice};
use lyceum_db::schema::jobs;
use lyceum_domain::Timestamp;
use lyceum_domain::community::{DecisionEmail, DigestFrequency, NotificationKind};
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::role::Role;
use lyceum_testdb::TestDb;
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);

/// The number of items the digests enqueued so far said, newest last.
fn digest_counts(c: &mut lyceum_db::DbConn) -> Vec<i64> {
    jobs::table
        .order(jobs::id)
        .select(jobs::payload)
        .load::<String>(c)
        .unwrap()
        .iter()
        .filter_map(|p| match serde_json::from_str::<Job>(p).ok()? {
            Job::SendEmail(Email {
                message: EmailMessage::Digest { count, .. },
                ..
            }) => Some(count),
            _ => None,
        })
        .collect()
}

#[test]
fn a_notification_dated_before_the_last_digest_but_written_after_it_is_still_sent() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let root = lyceum_db::orgs::create_root(&mut c, "Programme", T0).unwrap();
    let ana = crate::person(&mut c, "ana", &root, Role::Educator).user_id;
    let reporter = crate::person(&mut c, "ben", &root, Role::Educator).user_id;
    digests::set_frequency(&mut c, ana, DigestFrequency::Daily).unwrap();
    digests::set_decisions(&mut c, ana, DecisionEmail::Digest).unwrap();
    let tell = |c: &mut lyceum_db::DbConn, subject: &str, at: Timestamp| {
        notices::tell(
            c,
            &Notice {
                user: ana,
                kind: NotificationKind::TrialReported,
                actor: reporter,
                subject,
                link: "/practices/1/trials",
                extra_link: None,
            },
            "http://x",
            at,
        )
        .unwrap();
    };
    let links = |_: Option<&str>| "http://x/notifications".to_string();

    tell(&mut c, "First practice", T0);
    let first_sweep = T0.plus(DAY);
    assert_eq!(digests::send_due(&mut c, first_sweep, &links).unwrap(), 1);
    // A report filed a minute before that digest, whose followers the
    // worker told only after it: dated at filing.
    tell(
        &mut c,
        "Second practice",
        first_sweep.minus(Duration::from_secs(60)),
    );

    let next_sweep = first_sweep.plus(DAY).plus(Duration::from_secs(1));
    assert_eq!(digests::send_due(&mut c, next_sweep, &links).unwrap(), 1);
    // Only the new one: the first was in the digest before.
    assert_eq!(digest_counts(&mut c), vec![1, 1]);
    // And nothing is listed twice.
    let later = next_sweep.plus(DAY).plus(Duration::from_secs(1));
    assert_eq!(digests::send_due(&mut c, later, &links).unwrap(), 0);
}
