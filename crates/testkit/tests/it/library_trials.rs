//! Trial reports of classroom practices: filing from the classroom the
//! profile and school give, a second report updating the first, every bad
//! value refused by field with nothing saved, the summary, the people
//! told, the API, and the researchers' exports (pseudonymous; small
//! counts suppressed so that no subtraction gives one away).

use super::api::{call, token_for};
use diesel::prelude::*;
use lyceum_db::library::{self, trials};
use lyceum_db::schema::{
    classroom_practice_follows, classroom_practices, jobs, notifications, orgs, trial_reports,
};
use lyceum_db::users;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::trial::TrialInput;
use lyceum_domain::library::{Licence, PracticeContent};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::{PracticeId, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::json;

fn content() -> PracticeContent {
    PracticeContent {
        language: Lang::En,
        title: "Critique the chatbot's worked example".into(),
        summary: "Students find and fix the error in an AI-written solution.".into(),
        goal: "Students justify each step of a two-step equation.".into(),
        subjects: vec![Subject::Math],
        grade_bands: vec![GradeBand::G6to8],
        competencies: vec![],
        tools: "Any chatbot".into(),
        steps: "1. Show the solution.\n2. Pairs mark the wrong step.".into(),
        materials: vec![],
        minutes: 30,
        equity_notes: String::new(),
        privacy_notes: "No student accounts.".into(),
        logic_model: String::new(),
        licence: Licence::CcBy,
    }
}

/// A practice owned at the programme, written by the seed's author and
/// published by its admin; `published` false leaves it a draft.
async fn practice(app: &TestApp, s: &Seed, published: bool) -> PracticeId {
    let (root, author, admin, now) = (s.root, s.user("author"), s.user("admin"), app.clock.now());
    app.db
        .write(move |c| {
            let id = library::start(c, root, author, &content(), now)?;
            if published {
                library::publish_version(c, id, &content(), admin, now)?;
            }
            Ok(id)
        })
        .await
        .unwrap()
}

/// The seed's school A: rural, Title I.
async fn rural_title_i(app: &TestApp, s: &Seed) {
    let school = s.school_a.0;
    app.db
        .write(move |c| {
            diesel::update(orgs::table.find(school))
                .set((orgs::locale.eq("rural"), orgs::title_i.eq(true)))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
}

async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    b
}

const GOOD: &[(&str, &str)] = &[
    ("subject", "math"),
    ("grade_band", "6-8"),
    ("students", "27"),
    ("periods", "2"),
    ("fidelity", "adapted"),
    (
        "happened",
        "Pairs found the sign error in four minutes; two argued well about step 2.",
    ),
    ("would_change", "Give the second solution on paper."),
    ("use_again", "yes"),
    ("design", "none"),
];

fn with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f: Vec<(&str, &str)> = GOOD
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    f.extend(changes.iter().copied());
    f
}

async fn reports(app: &TestApp, id: PracticeId) -> (i64, i32) {
    app.db
        .read(move |c| {
            let n: i64 = trial_reports::table
                .filter(trial_reports::practice_id.eq(id.0))
                .count()
                .get_result(c)?;
            let kept: i32 = classroom_practices::table
                .find(id.0)
                .select(classroom_practices::trials)
                .first(c)?;
            Ok((n, kept))
        })
        .await
        .unwrap()
}

/// Waits for the worker to have told the followers of every report (a
/// job, `trial_reported`), then lists who was told of `id`'s reports.
async fn told(app: &TestApp, id: PracticeId) -> Vec<i64> {
    for _ in 0..200 {
        let waiting: i64 = app
            .db
            .read(|c| {
                Ok(jobs::table
                    .filter(jobs::kind.eq("trial_reported"))
                    .filter(jobs::failed_at.is_null())
                    .count()
                    .get_result(c)?)
            })
            .await
            .unwrap();
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let link = format!("/practices/{id}/trials");
    app.db
        .read(move |c| {
            Ok(notifications::table
                .filter(notifications::kind.eq("trial-reported"))
                .filter(notifications::link.eq(link))
                .order(notifications::user_id)
                .select(notifications::user_id)
                .load(c)?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn library_trials_filing_fills_the_classroom_tells_people_and_a_second_report_updates() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    rural_title_i(&app, &s).await;
    let id = practice(&app, &s, true).await;
    let follower = s.user("facilitator");
    let now = app.clock.now();
    app.db
        .write(move |c| {
            diesel::insert_into(classroom_practice_follows::table)
                .values((
                    classroom_practice_follows::practice_id.eq(id.0),
                    classroom_practice_follows::user_id.eq(follower.0),
                    classroom_practice_follows::created_at.eq(now.micros()),
                ))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let b = signed_in(&app, s.email("educator")).await;
    let form = b.get(&format!("/practices/{id}/trials/new")).await;
    assert_eq!(form.status, 200);
    // The school's locale and Title I are shown, not asked.
    form.expect("Rural").expect("Title I");
    assert!(!form.contains("name=\"locale\""));
    assert!(!form.contains("name=\"title_i\""));
    let done = b.post(&format!("/practices/{id}/trials/new"), GOOD).await;
    assert_eq!(done.status, 200);
    assert_eq!(done.path, format!("/practices/{id}/trials"));
    done.expect("Pairs found the sign error")
        .expect("Would use it again")
        .expect("Tried in one classroom in one state (1 rural, 1 Title I); 1 would use it again")
        .expect("Edit your report");
    assert_eq!(reports(&app, id).await, (1, 1));
    let mut expected = vec![s.user("author").0, follower.0];
    expected.sort();
    assert_eq!(
        told(&app, id).await,
        expected,
        "author and follower, never the reporter"
    );

    // The form now says it updates, and starts from the report.
    let again = b.get(&format!("/practices/{id}/trials/new")).await;
    again.expect("Sending this form updates your report");
    assert_eq!(again.input_value("students").as_deref(), Some("27"));
    let updated = b
        .post(
            &format!("/practices/{id}/trials/new"),
            &with(&[("use_again", "no"), ("students", "30")]),
        )
        .await;
    updated.expect("Would not use it again");
    assert_eq!(
        reports(&app, id).await,
        (1, 1),
        "one row per person and version"
    );
    assert_eq!(
        told(&app, id).await.len(),
        2,
        "an update tells nobody again"
    );
    let stored: (i32, Option<String>, Option<bool>, Option<i64>) = app
        .db
        .read(move |c| {
            Ok(trial_reports::table
                .filter(trial_reports::practice_id.eq(id.0))
                .select((
                    trial_reports::students,
                    trial_reports::locale,
                    trial_reports::title_i,
                    trial_reports::state_id,
                ))
                .first(c)?)
        })
        .await
        .unwrap();
    assert_eq!(
        stored,
        (30, Some("rural".into()), Some(true), Some(s.state.0))
    );

    // The reporter's personal data holds it.
    let me = s.user("educator");
    let data = app
        .db
        .read(move |c| {
            let row = users::by_id(c, me)?.unwrap();
            lyceum_db::personal_data::gather(c, &row, lyceum_domain::Timestamp::from_micros(0))
        })
        .await
        .unwrap();
    let (_, mine) = data
        .areas
        .iter()
        .find(|(a, _)| *a == "trial-reports")
        .expect("the area");
    assert_eq!(mine[0]["students"], 30);
    assert_eq!(mine[0]["practice"], "Critique the chatbot's worked example");

    // A draft takes no report.
    let draft = practice(&app, &s, false).await;
    assert_eq!(
        b.get(&format!("/practices/{draft}/trials/new"))
            .await
            .status,
        404
    );
    assert_eq!(
        b.post(&format!("/practices/{draft}/trials/new"), GOOD)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn library_trials_every_bad_value_is_refused_by_field_and_nothing_saved() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = practice(&app, &s, true).await;
    let b = signed_in(&app, s.email("educator")).await;
    // (fields changed from a good report, the field named, the words shown)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            &[("students", "201")],
            "students",
            "more than 200 students in one classroom",
        ),
        (&[("students", "0")], "students", "from 1 to 200"),
        (&[("periods", "0")], "periods", "class periods"),
        (&[("happened", "  ")], "happened", "Tell what happened"),
        (
            &[("design", "none"), ("effect_direction", "positive")],
            "effect_direction",
            "An effect without a design",
        ),
        (
            &[("design", "none"), ("effect_size", "0.3")],
            "effect_size",
            "An effect without a design",
        ),
        (
            &[("design", "pre_post"), ("sample_size", "0"), ("sites", "1")],
            "sample_size",
            "students in the study",
        ),
        (
            &[
                ("design", "pre_post"),
                ("sample_size", "-4"),
                ("sites", "1"),
            ],
            "sample_size",
            "students in the study",
        ),
        (
            &[
                ("design", "comparison"),
                ("sample_size", "40"),
                ("comparison_size", "60"),
                ("sites", "1"),
            ],
            "comparison_size",
            "A comparison group larger than the sample",
        ),
        (
            &[
                ("design", "pre_post"),
                ("sample_size", "40"),
                ("sites", "0"),
            ],
            "sites",
            "schools or districts",
        ),
        (
            &[
                ("design", "pre_post"),
                ("sample_size", "40"),
                ("sites", "1"),
                ("effect_direction", "positive"),
            ],
            "measure",
            "Say what was measured",
        ),
        (
            &[
                ("design", "pre_post"),
                ("sample_size", "40"),
                ("sites", "1"),
                ("measure", "quiz"),
                ("effect_direction", "positive"),
                ("effect_size", "6"),
            ],
            "effect_size",
            "from −5.00 to 5.00",
        ),
        (
            &[
                ("design", "pre_post"),
                ("sample_size", "40"),
                ("sites", "1"),
                ("significant", "yes"),
            ],
            "significant",
            "before saying whether it was significant",
        ),
    ];
    for (changes, field, words) in cases {
        let page = b
            .post(&format!("/practices/{id}/trials/new"), &with(changes))
            .await;
        assert_eq!(page.status, 422, "{field}: {}", page.body);
        page.expect(&format!("href=\"#f-{field}\"")).expect(words);
    }
    assert_eq!(reports(&app, id).await, (0, 0), "nothing saved");

    // The API refuses the same way.
    let token = token_for(&app, s.email("educator")).await;
    let (status, body) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/practices/{id}/trials/mine"),
        Some(&token),
        Some(json!({
            "subject": "math", "grade_band": "6-8", "students": 25, "periods": 1,
            "fidelity": "as_written", "happened": "Fine.", "use_again": true,
            "design": "comparison", "sample_size": 50, "comparison_size": 50, "sites": 1
        })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("comparison_size"), "{body}");
    assert!(
        body.to_string().contains("comparison-not-below-sample"),
        "{body}"
    );
    assert_eq!(reports(&app, id).await, (0, 0));
}

/// More educators at the seed's schools: (id, email).
async fn educators(app: &TestApp, s: &Seed, n: usize) -> Vec<(UserId, String)> {
    let mut out = Vec::new();
    for i in 0..n {
        let email = format!("tryer{i}@example.org");
        let school = if i % 4 == 0 { s.school_b } else { s.school_a };
        let id = app
            .person(
                &email,
                &format!("Tryer Number{i}"),
                Role::Educator,
                school,
                Lang::En,
            )
            .await;
        out.push((id, email));
    }
    out
}

/// A report of a math lesson (grades 6–8, 24 students, one period) taught
/// as written, without a study.
fn trial(happened: &str, use_again: bool) -> TrialInput {
    TrialInput {
        subject: "math".into(),
        grade_band: "6-8".into(),
        students: "24".into(),
        periods: "1".into(),
        fidelity: "as_written".into(),
        happened: happened.into(),
        use_again: if use_again { "yes" } else { "no" }.into(),
        design: "none".into(),
        ..TrialInput::default()
    }
}

async fn file_as(app: &TestApp, id: PracticeId, who: UserId, again: bool) {
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let input = trial("It went as planned; the class caught the error.", again);
            trials::file(c, id, who, &input, "http://x", now)?;
            Ok(())
        })
        .await
        .unwrap();
}

/// A double-click (or a retry) files the same first report twice at once:
/// both succeed and one report is kept, never a unique-key error.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn library_trials_one_reporter_filing_at_once_keeps_one_report() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = practice(&app, &s, true).await;
    let who = educators(&app, &s, 1).await[0].0;
    let now = app.clock.now();
    let tries: Vec<_> = (0..8)
        .map(|_| {
            let db = app.db.clone();
            tokio::spawn(async move {
                db.write(move |c| {
                    trials::file(
                        c,
                        id,
                        who,
                        &trial("It went as planned.", true),
                        "http://x",
                        now,
                    )
                })
                .await
            })
        })
        .collect();
    for t in tries {
        t.await.unwrap().unwrap();
    }
    assert_eq!(reports(&app, id).await, (1, 1));
}

/// The API's summary of `id`: classrooms, would use it again, states.
async fn summary_of(app: &TestApp, id: PracticeId, token: &str) -> (i64, i64, i64) {
    let url = format!("/api/v1/practices/{id}/trials/summary");
    let (status, body) = call(app, Method::GET, &url, Some(token), None).await;
    assert_eq!(status, 200, "{body}");
    let n = |k: &str| body[k].as_i64().unwrap_or(-1);
    (n("classrooms"), n("use_again"), n("states"))
}

fn csv_rows(body: &str) -> Vec<Vec<String>> {
    body.lines()
        .map(|l| l.split(',').map(|c| c.to_string()).collect())
        .collect()
}

#[tokio::test]
async fn library_trials_summary_list_api_and_the_researchers_exports() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    rural_title_i(&app, &s).await;
    let id = practice(&app, &s, true).await;
    let people = educators(&app, &s, 13).await;
    for (i, (who, _)) in people.iter().enumerate() {
        file_as(&app, id, *who, i != 2).await;
    }
    assert_eq!(reports(&app, id).await, (13, 13));

    // The summary and the list, with names as in the community.
    let b = signed_in(&app, s.email("educator")).await;
    let list = b.get(&format!("/practices/{id}/trials")).await;
    // School A is rural and Title I; school B records neither.
    list.expect("Tried in 13 classrooms in one state (9 rural, 9 Title I); 12 would use it again")
        .expect("Tryer Number12")
        .expect("Tryer Number0");
    assert!(!list.contains("Older reports"), "13 fit on one page");
    assert!(
        !list.contains("Edit your report"),
        "none of them is the reader's"
    );
    let beyond = b.get(&format!("/practices/{id}/trials?page=2")).await;
    beyond.expect("Newer reports");
    assert!(!beyond.contains("Tryer Number"));

    // The API.
    let token = token_for(&app, s.email("educator")).await;
    let (status, body) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{id}/trials/summary"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["classrooms"], 13);
    assert_eq!(body["use_again"], 12);
    assert_eq!(body["latest"].as_array().unwrap().len(), 3);
    let (_, page) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{id}/trials?page=1"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(page["total"], 13);
    assert_eq!(page["reports"].as_array().unwrap().len(), 13);
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{id}/trials/mine"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 404, "not filed yet");
    let report = json!({
        "subject": "math", "grade_band": "6-8", "students": 26, "periods": 3,
        "fidelity": "as_written", "happened": "Ran it with a comparison class.", "use_again": true,
        "design": "comparison", "sample_size": 52, "comparison_size": 25, "sites": 1,
        "measure": "Unit quiz", "effect_direction": "positive", "effect_size": 0.32, "significant": true
    });
    let (status, body) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/practices/{id}/trials/mine"),
        Some(&token),
        Some(report.clone()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["effect_size"], "0.32");
    assert_eq!(body["mine"], true);
    let (status, mine) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{id}/trials/mine"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(mine["comparison_size"], 25);
    assert_eq!(reports(&app, id).await, (14, 14));
    // The summary kept on the practice follows a new report and a changed one.
    assert_eq!(summary_of(&app, id, &token).await, (14, 13, 1));
    let mut changed = report.clone();
    changed["use_again"] = json!(false);
    let url = format!("/api/v1/practices/{id}/trials/mine");
    let (status, body) = call(&app, Method::PUT, &url, Some(&token), Some(changed)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(summary_of(&app, id, &token).await, (14, 12, 1));

    // The export: researchers and programme admins only.
    assert_eq!(b.get("/practices/trials.csv").await.status, 403);
    assert_eq!(b.get("/practices/trials-summary.csv").await.status, 403);
    let r = signed_in(&app, s.email("researcher")).await;
    let one = r.get("/practices/trials.csv").await;
    assert_eq!(one.status, 200);
    assert_eq!(
        csv_rows(&one.body).len(),
        15,
        "a header and a line a report"
    );
    for (_, email) in &people {
        assert!(!one.contains(email));
    }
    for secret in [
        "Tryer",
        "@example.org",
        "It went as planned",
        "Unit quiz",
        "Ran it with",
    ] {
        assert!(!one.contains(secret), "{secret} in the export");
    }
    let header = &csv_rows(&one.body)[0];
    for col in ["reporter", "state", "locale", "effect_size", "month_filed"] {
        assert!(header.contains(&col.to_string()), "{col}");
    }
    assert!(
        !header
            .iter()
            .any(|h| h.contains("school") || h.contains("email") || h.contains("name"))
    );
    let reporter_col = header.iter().position(|h| h == "reporter").unwrap();
    let pseudonyms = |body: &str| -> Vec<String> {
        csv_rows(body)[1..]
            .iter()
            .map(|l| l[reporter_col].clone())
            .collect()
    };
    let two = r.get("/practices/trials.csv").await;
    let (p1, p2) = (pseudonyms(&one.body), pseudonyms(&two.body));
    assert!(
        p1.iter()
            .all(|p| !people.iter().any(|(u, _)| *p == u.0.to_string()))
    );
    assert!(
        p1.iter().zip(&p2).all(|(a, b)| a != b),
        "two exports cannot be joined"
    );

    // The summary: small cells hidden, and no subtraction reveals one.
    let summary = r.get("/practices/trials-summary.csv").await;
    assert_eq!(summary.status, 200);
    let rows = csv_rows(&summary.body);
    let line = rows
        .iter()
        .find(|l| l[0] == id.0.to_string())
        .expect("the practice's line");
    let total: u64 = line[2].parse().expect("14 reports are shown");
    assert_eq!(total, 14);
    for group in [&line[3..8], &line[8..11], &line[11..13]] {
        attack(group, total);
    }
    // Would use again: 13 and 1 — the 1 is hidden, and so is the 13.
    assert_eq!(
        &line[11..13],
        &["suppressed".to_string(), "<10".to_string()]
    );
}

/// Subtracts what is shown from the total and bounds each hidden cell
/// ("<10": 0–9; withheld: 10 or more): none may come out exact.
fn attack(group: &[String], total: u64) {
    let shown: u64 = group.iter().filter_map(|c| c.parse::<u64>().ok()).sum();
    let hidden: Vec<(u64, u64)> = group
        .iter()
        .filter(|c| c.parse::<u64>().is_err())
        .map(|c| if c == "<10" { (0, 9) } else { (10, total) })
        .collect();
    let rest = total - shown;
    for (i, (lo, hi)) in hidden.iter().enumerate() {
        let others_lo: u64 = hidden
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, b)| b.0)
            .sum();
        let others_hi: u64 = hidden
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, b)| b.1)
            .sum();
        let min = (*lo).max(rest.saturating_sub(others_hi));
        let max = (*hi).min(rest.saturating_sub(others_lo));
        assert!(
            min < max,
            "{group:?} of {total}: a hidden cell is exactly {min}"
        );
    }
}
