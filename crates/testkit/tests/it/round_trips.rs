//! Round trips per page: on PostgreSQL every statement is at least one
//! trip over the network, and at full programme size those trips, not the
//! queries themselves, set how many pages a second an app server serves
//! (BENCHMARKS.md). The pages everyone uses are held to a budget here, on
//! both backends, counted as the statements the server's pool runs
//! (`Db::statements`, BEGIN and COMMIT included).

use super::learning::{COURSE, course};
use lyceum_testkit::{PASSWORD, TestApp};

/// The fewest statements one visit to `path` ran, over a few visits (the
/// first visit warms caches; a stray statement of the worker can only add).
async fn statements_for(app: &TestApp, b: &lyceum_testkit::Browser, path: &str) -> u64 {
    let first = b.get(path).await;
    assert_eq!(first.status, 200, "{path}: {}", first.body);
    let mut fewest = u64::MAX;
    for _ in 0..3 {
        let before = app.db.statements();
        b.get(path).await;
        fewest = fewest.min(app.db.statements() - before);
    }
    fewest
}

#[tokio::test]
async fn the_pages_everyone_uses_stay_within_their_round_trips() {
    // The worker polls rarely, so that its own statements seldom land
    // inside a visit.
    let app = TestApp::start_with(|c| c.worker.poll_ms = 3_600_000).await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator.post(&format!("{COURSE}/enrol"), &[]).await;
    educator
        .post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;

    // A space with a topic and a reply, as the community pages show them.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let (space, topic) =
        crate::community::lab_reports_topic(&dadmin, s.district, &educator, "How?").await;
    educator
        .post(&format!("{topic}/replies"), &[("body", "Like this.")])
        .await;

    let school = format!("/orgs/{}", s.school_a.0);
    let lesson = format!("{COURSE}/lessons/purpose");
    // (page, statements at most on SQLite, on PostgreSQL), the session's
    // one included: what each made when last changed, so that none grows
    // unseen. They differ by a snapshot's BEGIN and COMMIT, which SQLite
    // runs (to take its read lock once) and PostgreSQL skips (two more
    // round trips).
    let budget: &[(&str, u64, u64)] = &[
        ("/", 2, 2),
        ("/profile", 2, 2),
        (&school, 7, 7),
        ("/courses", 4, 4),
        (COURSE, 7, 7),
        // One more since a lesson lists the resources linked from it (issue 19).
        (&lesson, 6, 6),
        // One more since the printed transcript names the educator's school
        // and district (issue 17, item 4): their memberships with each
        // organisation's parent; certificates come in the ledger's statement.
        ("/transcript", 4, 4),
        (&space, 8, 6),
        (&topic, 7, 5),
    ];
    let postgres = app.db.backend() == lyceum_db::Backend::Postgres;
    let mut over = Vec::new();
    for (path, sqlite_most, postgres_most) in budget {
        let most = if postgres { postgres_most } else { sqlite_most };
        let ran = statements_for(&app, &educator, path).await;
        eprintln!("{path}: {ran} statements (budget {most})");
        if ran > *most {
            over.push(format!("{path}: {ran} statements, budget {most}"));
        }
    }
    assert!(over.is_empty(), "over budget: {over:#?}");
}

// Several threads, so that the server works on the visits at the same time.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_that_find_the_catalogue_changed_together_read_it_once() {
    let app = TestApp::start_with(|c| c.worker.poll_ms = 3_600_000).await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    // A visit's own statements (`steady`), and what reading the listing
    // again adds to one (`reload`): after the catalogue changes, one visit
    // reads it.
    app.import_course(&course(false), None).await;
    let before = app.db.statements();
    assert_eq!(educator.get("/courses").await.status, 200);
    let first = app.db.statements() - before;
    let steady = statements_for(&app, &educator, "/courses").await;
    let reload = first - steady;
    assert!(reload > 0, "the visit after the change read the listing");

    // Sixteen connections open (the client keeps them), the catalogue
    // changes again (a new version), and sixteen visits arrive at once.
    let at_once = |path: &'static str| {
        let mut visits = tokio::task::JoinSet::new();
        for _ in 0..16 {
            let b = educator.clone();
            visits.spawn(async move { b.get(path).await.status });
        }
        visits.join_all()
    };
    assert!(at_once("/healthz").await.iter().all(|s| *s == 200));
    app.import_course(&course(true), None).await;
    let before = app.db.statements();
    assert!(at_once("/courses").await.iter().all(|s| *s == 200));
    let ran = app.db.statements() - before;
    eprintln!(
        "16 visits at once: {ran} statements ({steady} a visit, {reload} to read the listing)"
    );
    assert!(
        ran <= 16 * steady + reload,
        "{ran} statements for 16 visits: the listing was read more than once \
         ({steady} a visit, {reload} to read it)"
    );
}
