use crate::T0;
use lyceum_db::jobs;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_testdb::TestDb;
use std::time::Duration;

fn job(n: usize) -> Job {
    Job::SendEmail(Email {
        to: format!("p{n}@example.org"),
        lang: Lang::Es,
        message: EmailMessage::VerifyEmail {
            name: "P".into(),
            link: "https://x/verify".into(),
        },
    })
}

#[tokio::test]
async fn claim_lease_retry_and_give_up() {
    let t = TestDb::new();
    let lease = Duration::from_secs(60);
    let first = t.db.write(|c| jobs::enqueue(c, &job(1), T0)).await.unwrap();
    t.db.write(|c| jobs::enqueue(c, &job(2), T0)).await.unwrap();

    let a =
        t.db.write(move |c| jobs::claim(c, T0, lease))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(a.id, first);
    assert_eq!(a.attempts, 1);
    let payload: Job = serde_json::from_str(&a.payload).unwrap();
    assert_eq!(payload, job(1));
    // The leased job is not handed out twice; the next one is.
    let b =
        t.db.write(move |c| jobs::claim(c, T0, lease))
            .await
            .unwrap()
            .unwrap();
    assert_ne!(b.id, a.id);
    assert!(
        t.db.write(move |c| jobs::claim(c, T0, lease))
            .await
            .unwrap()
            .is_none()
    );

    // A worker that died: its lease runs out and the job comes back.
    let later = T0.plus(Duration::from_secs(61));
    let again =
        t.db.write(move |c| jobs::claim(c, later, lease))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(again.id, a.id);
    assert_eq!(again.attempts, 2);

    // A failure with a retry time waits until then.
    let retry_at = later.plus(Duration::from_secs(30));
    t.db.write(move |c| jobs::fail(c, again.id, "smtp down", Some(retry_at), later))
        .await
        .unwrap();
    let soon = later.plus(Duration::from_secs(62));
    let b_id = b.id;
    t.db.write(move |c| jobs::complete(c, b_id)).await.unwrap();
    let retried =
        t.db.write(move |c| jobs::claim(c, soon, lease))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(retried.last_error.as_deref(), Some("smtp down"));

    // Giving up keeps the job for operators but never runs it again.
    t.db.write(move |c| jobs::fail(c, retried.id, "bounced", None, soon))
        .await
        .unwrap();
    let far = soon.plus(Duration::from_secs(86_400));
    assert!(
        t.db.write(move |c| jobs::claim(c, far, lease))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(t.db.read(jobs::counts).await.unwrap(), (0, 1));
}

#[tokio::test]
async fn concurrent_claims_never_share_a_job() {
    let t = TestDb::new();
    for n in 0..30 {
        t.db.write(move |c| jobs::enqueue(c, &job(n), T0))
            .await
            .unwrap();
    }
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some(j) = db
                .write(|c| jobs::claim(c, T0, Duration::from_secs(60)))
                .await
                .unwrap()
            {
                mine.push(j.id);
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all.sort();
    let n = all.len();
    all.dedup();
    assert_eq!(n, 30);
    assert_eq!(all.len(), 30, "a job was claimed twice");
}
