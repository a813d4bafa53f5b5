//! Browsing the practice library end to end over HTTP: only published
//! practices are listed, newest first, in the reader's language by default
//! and every language one click away; facets count with the other filters;
//! search finds word prefixes with accents folded on both backends; every
//! parameter is checked, naming the field; the list each server keeps is
//! current after a publication through any of them; the API says the same.

use crate::api::{call, token_for};
use diesel::prelude::*;
use lyceum_db::library;
use lyceum_db::schema::classroom_practices;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Licence, PracticeContent};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::{PracticeId, UserId};
use lyceum_testkit::{PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::Value;

fn content(
    lang: Lang,
    title: &str,
    summary: &str,
    subjects: &[&str],
    bands: &[&str],
) -> PracticeContent {
    PracticeContent {
        language: lang,
        title: title.into(),
        summary: summary.into(),
        goal: "Students revise their own work with specific feedback.".into(),
        subjects: subjects
            .iter()
            .map(|s| Subject::parse(s).unwrap())
            .collect(),
        grade_bands: bands.iter().map(|b| GradeBand::parse(b).unwrap()).collect(),
        competencies: Vec::new(),
        tools: "A chatbot the district approved".into(),
        steps: "1. Model a prompt.\n2. Students try it in pairs.".into(),
        materials: Vec::new(),
        minutes: 40,
        equity_notes: String::new(),
        privacy_notes: "No student names in prompts.".into(),
        logic_model: String::new(),
        licence: Licence::CcBy,
    }
}

/// Starts a practice by `author` at the root; publishes it when `publish`.
async fn practice(app: &TestApp, s: &Seed, c: PracticeContent, publish: bool) -> PracticeId {
    let (root, author, admin): (_, UserId, UserId) = (s.root, s.user("author"), s.user("admin"));
    let clock = app.clock.clone();
    app.db
        .write(move |conn| {
            let id = library::start(conn, root, author, &c, clock.now())?;
            if publish {
                library::publish_version(conn, id, &c, admin, clock.now())?;
            }
            Ok(id)
        })
        .await
        .unwrap()
}

async fn set(app: &TestApp, id: PracticeId, tier: Option<i32>, proposed: Option<i32>, trials: i32) {
    app.db
        .write(move |conn| {
            diesel::update(classroom_practices::table.find(id.0))
                .set((
                    classroom_practices::tier.eq(tier),
                    classroom_practices::proposed_tier.eq(proposed),
                    classroom_practices::trials.eq(trials),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap()
}

fn values(v: &Value) -> Vec<(String, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap().to_string(),
                c["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn titles(v: &Value) -> Vec<String> {
    v["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn library_lists_facets_searches_and_checks_every_parameter() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let exit = practice(
        &app,
        &s,
        content(
            Lang::En,
            "Exit tickets with AI feedback",
            "Students get feedback on an exit ticket before the bell.",
            &["math"],
            &["6-8"],
        ),
        true,
    )
    .await;
    app.clock.advance(std::time::Duration::from_secs(60));
    let lab = practice(
        &app,
        &s,
        content(
            Lang::En,
            "Lab reports drafted with a chatbot",
            "Pairs question a chatbot's draft of a lab report.",
            &["science", "math"],
            &["9-12"],
        ),
        true,
    )
    .await;
    app.clock.advance(std::time::Duration::from_secs(60));
    practice(
        &app,
        &s,
        content(
            Lang::Es,
            "Evaluación formativa con IA",
            "Retroalimentación inmediata en clase de matemáticas.",
            &["math"],
            &["3-5"],
        ),
        true,
    )
    .await;
    practice(
        &app,
        &s,
        content(
            Lang::En,
            "Zebra draft never published",
            "Zebra crossings.",
            &["math"],
            &["6-8"],
        ),
        false,
    )
    .await;
    set(&app, exit, Some(3), Some(2), 7).await;
    set(&app, lab, None, Some(4), 2).await;

    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page = b.get("/practices").await;
    assert_eq!(page.status, 200);
    page.expect("Lab reports drafted with a chatbot")
        .expect("Exit tickets with AI feedback")
        .expect("2 practices")
        .expect("Tier 3: promising evidence")
        .expect("Proposed: Tier 2: moderate evidence")
        .expect("Tried in 7 classrooms")
        .expect("Show practices in Español too");
    assert!(
        !page.contains("Evaluación formativa"),
        "English only by default"
    );
    assert!(!page.contains("Zebra"), "a draft is never listed");
    assert!(
        page.body.find("Lab reports").unwrap() < page.body.find("Exit tickets").unwrap(),
        "newest first"
    );
    let most_tried = b.get("/practices?sort=trials").await;
    assert!(
        most_tried.body.find("Exit tickets").unwrap()
            < most_tried.body.find("Lab reports").unwrap()
    );
    b.get("/practices?language=any")
        .await
        .expect("Evaluación formativa con IA")
        .expect("3 practices");

    // Search: prefixes, accents folded, marked in the extract.
    let found = b.get("/practices?q=retroalimentacion&language=any").await;
    found
        .expect("1 practice")
        .expect("<mark>Retroalimentación</mark>");
    b.get("/practices?q=lab+rep")
        .await
        .expect("1 practice")
        .expect("Lab reports");
    b.get("/practices?q=zebra&language=any")
        .await
        .expect("No practice matches.");

    // Every parameter checked, by name.
    let bad = b
        .get("/practices?subject=astrology&grade_band=13&tier=9&language=fr&sort=random")
        .await;
    assert_eq!(bad.status, 422);
    for field in ["subject", "grade_band", "tier", "language", "sort"] {
        bad.expect(&format!("href=\"#f-{field}\""));
    }
    bad.expect("Choose an evidence tier from the list.");
    assert_eq!(b.get("/practices?competency=not-one").await.status, 422);
    assert_eq!(b.get("/practices?page=0").await.status, 400);
    assert_eq!(b.get("/practices?page=x").await.status, 400);

    // The API: same list, counts with the other filters, same checks.
    let token = token_for(&app, s.email("educator")).await;
    let (status, v) = call(
        &app,
        Method::GET,
        "/api/v1/practices?subject=math",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        titles(&v),
        [
            "Lab reports drafted with a chatbot",
            "Exit tickets with AI feedback"
        ]
    );
    assert_eq!(v["language"], "en");
    let subjects = values(&v["counts"]["subject"]);
    assert!(
        subjects.contains(&("math".into(), 2)) && subjects.contains(&("science".into(), 1)),
        "{subjects:?}"
    );
    let tiers = values(&v["counts"]["tier"]);
    assert_eq!(tiers, [("3".to_string(), 1), ("none".to_string(), 1)]);
    let langs = values(&v["counts"]["language"]);
    assert!(
        langs.contains(&("any".into(), 3)) && langs.contains(&("es".into(), 1)),
        "{langs:?}"
    );
    let (_, v) = call(
        &app,
        Method::GET,
        "/api/v1/practices?tier=none&language=any",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        titles(&v),
        [
            "Evaluación formativa con IA",
            "Lab reports drafted with a chatbot"
        ]
    );
    let (_, v) = call(
        &app,
        Method::GET,
        "/api/v1/practices?q=EVALU&language=any",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(titles(&v), ["Evaluación formativa con IA"]);
    assert!(v["practices"][0]["extract"].is_string());
    let (status, e) = call(
        &app,
        Method::GET,
        "/api/v1/practices?tier=five",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["field"]),
        (422, &Value::from("tier"))
    );
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/practices?page=-1",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 400);

    app.stop().await;
}

#[tokio::test]
async fn library_list_is_current_on_every_server_after_a_publication() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let other = app.another_node().await;
    let here = app.browser();
    here.sign_in(s.email("educator"), PASSWORD).await;
    let there = other.browser();
    there.sign_in(s.email("educator"), PASSWORD).await;
    here.get("/practices")
        .await
        .expect("No classroom practice has been published yet.");
    there
        .get("/practices")
        .await
        .expect("No classroom practice has been published yet.");
    let id = practice(
        &app,
        &s,
        content(
            Lang::En,
            "Socratic questioning with an AI tutor",
            "Students question an AI tutor's answer.",
            &["ela"],
            &["9-12"],
        ),
        false,
    )
    .await;
    // Started, not published: still not listed (kept lists saw a change).
    there
        .get("/practices")
        .await
        .expect("No classroom practice has been published yet.");
    let c = content(
        Lang::En,
        "Socratic questioning with an AI tutor",
        "Students question an AI tutor's answer.",
        &["ela"],
        &["9-12"],
    );
    let admin = s.user("admin");
    let clock = app.clock.clone();
    app.db
        .write(move |conn| library::publish_version(conn, id, &c, admin, clock.now()).map(|_| ()))
        .await
        .unwrap();
    here.get("/practices")
        .await
        .expect("Socratic questioning with an AI tutor");
    there
        .get("/practices")
        .await
        .expect("Socratic questioning with an AI tutor");
    // A new trial count is on the next list too.
    set(&app, id, None, None, 4).await;
    there
        .get("/practices")
        .await
        .expect("Tried in 4 classrooms");
    other.stop().await;
    app.stop().await;
}
