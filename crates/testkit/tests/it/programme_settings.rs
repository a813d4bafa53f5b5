//! The programme's settings end to end over HTTP: publishing the challenge
//! radar to everyone. Off by default (an anonymous reader is sent to sign
//! in, the API answers 401); only a programme admin turns it on or off —
//! on the page (`/admin/programme`) and in the API
//! (`/api/v1/programme/settings`) —, an org admin or an educator is
//! refused and nothing changes; a bad body is a 422 naming the field; each
//! change is audited with old and new. Published, anyone sees the
//! programme-wide radar suppressed as an outsider does ("<10"), with no
//! reporter's name or email, no organisation chooser and no links into
//! pages that need signing in.

use crate::api::{call, call_as, token_for};
use diesel::prelude::*;
use lyceum_db::schema::audit_log;
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

const SETTINGS: &str = "/api/v1/programme/settings";

/// Where an anonymous GET of `path` is sent (its `Location`), or its status.
async fn anonymous(app: &TestApp, path: &str) -> (u16, String) {
    let r = Browser::no_redirects(&app.url).get(path).await;
    let to = r
        .headers
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (r.status, to)
}

/// The radar is off for anonymous readers: pages to sign-in, API 401.
async fn radar_is_private(app: &TestApp) {
    for path in ["/radar", "/radar.csv"] {
        let (status, to) = anonymous(app, path).await;
        assert_eq!(status, 303, "{path}");
        assert!(to.starts_with("/sign-in?next="), "{path} → {to}");
    }
    for path in ["/api/v1/radar", "/api/v1/radar.csv"] {
        let (status, v) = call(app, Method::GET, path, None, None).await;
        assert_eq!(status, 401, "{path}: {v}");
        assert_eq!(v["error"]["code"], "unauthenticated");
    }
}

/// The audit entries of setting changes, oldest first: (actor, detail).
async fn changes(app: &TestApp) -> Vec<(Option<i64>, Value)> {
    let rows: Vec<(Option<i64>, String)> = app
        .db
        .read(|c| {
            Ok(audit_log::table
                .filter(audit_log::action.eq("programme.setting_changed"))
                .order(audit_log::id)
                .select((audit_log::actor_id, audit_log::detail))
                .load(c)?)
        })
        .await
        .unwrap();
    rows.into_iter()
        .map(|(a, d)| (a, serde_json::from_str(&d).unwrap()))
        .collect()
}

async fn public_radar(app: &TestApp) -> bool {
    app.db
        .read(lyceum_db::programme_settings::public_radar)
        .await
        .unwrap()
}

fn course() -> Value {
    json!({
        "format": "lyceum-course/1", "slug": "checking-sources", "language": "en",
        "title": "Checking sources with students", "summary": "A course.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    })
}

#[tokio::test]
async fn only_programme_admins_publish_the_radar_and_then_anyone_sees_it_suppressed() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = token_for(&app, s.email("educator")).await;
    let dadmin = token_for(&app, s.email("dadmin")).await;
    let admin = token_for(&app, s.email("admin")).await;

    // Named reports: 12 on bias, 3 on workload; one addressed by a course.
    let mut first = 0;
    for (category, n) in [("bias", 12), ("workload", 3)] {
        for _ in 0..n {
            let (st, v) = call_as(
                &app,
                Method::POST,
                "/api/v1/challenges",
                &educator,
                Some(json!({
                    "category": category, "severity": "harms-learning", "subject": "math",
                    "grade_band": "6-8",
                    "happened": "The chatbot invented three sources for an essay.",
                    "anonymous": false
                })),
            )
            .await;
            assert_eq!(st, 201, "{v}");
            if first == 0 {
                first = v["id"].as_i64().unwrap();
            }
        }
    }
    app.import_course(&course(), None).await;
    let course_id = app
        .db
        .read(|c| {
            Ok(lyceum_db::courses::by_slug(c, "checking-sources")?
                .unwrap()
                .id)
        })
        .await
        .unwrap();
    let triage = format!("/api/v1/challenges/{first}/triage");
    for body in [
        json!({"status": "triaged"}),
        json!({"status": "addressed", "answer": "course", "answer_id": course_id.0}),
    ] {
        let (st, v) = call_as(&app, Method::POST, &triage, &admin, Some(body)).await;
        assert_eq!(st, 200, "{v}");
    }

    // Off by default.
    assert!(!public_radar(&app).await);
    radar_is_private(&app).await;
    let home = Browser::new(&app.url).get("/").await;
    assert!(
        !home.contains("href=\"/radar\""),
        "a private radar is not offered on the home page: {}",
        home.body
    );
    let (st, v) = call_as(&app, Method::GET, SETTINGS, &admin, None).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["public_radar"], false);
    assert_eq!(v["public_radar_changed_at"], Value::Null);

    // An org admin and an educator may neither read nor change it: 403,
    // before the body is looked at; nothing changes.
    for token in [&dadmin, &educator] {
        let (st, v) = call_as(&app, Method::GET, SETTINGS, token, None).await;
        assert_eq!(st, 403, "{v}");
        for body in [
            json!({"public_radar": true}),
            json!({"public_radar": "yes"}),
        ] {
            let (st, v) = call_as(&app, Method::PUT, SETTINGS, token, Some(body)).await;
            assert_eq!(st, 403, "{v}");
        }
    }
    for who in ["dadmin", "educator"] {
        let b = app.browser();
        b.sign_in(s.email(who), PASSWORD).await;
        assert_eq!(b.get("/admin/programme").await.status, 403, "{who}");
        let p = b.post("/admin/programme", &[("public_radar", "on")]).await;
        assert_eq!(p.status, 403, "{who}");
    }
    assert!(!public_radar(&app).await);
    assert!(changes(&app).await.is_empty());
    radar_is_private(&app).await;

    // A bad body is refused by field, and nothing changes.
    for (body, field, code) in [
        (
            json!({"public_radar": "yes"}),
            "public_radar",
            "not-a-boolean",
        ),
        (json!({"public_radar": 1}), "public_radar", "not-a-boolean"),
        (json!({}), "public_radar", "required"),
        (
            json!({"public_radar": true, "public_counts": true}),
            "public_counts",
            "unknown-field",
        ),
        (json!([true]), "body", "not-an-object"),
    ] {
        let (st, v) = call_as(&app, Method::PUT, SETTINGS, &admin, Some(body.clone())).await;
        assert_eq!(st, 422, "{body}: {v}");
        assert_eq!(v["error"]["code"], "validation_failed", "{v}");
        let fields = v["error"]["fields"].as_array().unwrap();
        assert_eq!(fields.len(), 1, "{body}: {v}");
        assert_eq!(fields[0]["field"], field, "{body}: {v}");
        assert_eq!(fields[0]["code"], code, "{body}: {v}");
        assert!(!fields[0]["message"].as_str().unwrap().is_empty());
    }
    assert!(!public_radar(&app).await);
    assert!(changes(&app).await.is_empty());

    // The programme admin finds it from the admin overview and turns it
    // on with the form.
    let b = app.browser();
    b.sign_in(s.email("admin"), PASSWORD).await;
    b.get(&format!("/orgs/{}/admin/overview", s.root.0))
        .await
        .expect("href=\"/admin/programme\"");
    let form = b.get("/admin/programme").await;
    assert_eq!(form.status, 200);
    form.expect("Publish the radar’s summaries to everyone, without sign-in")
        .expect("as for anyone outside the programme team");
    assert!(!form.contains("name=\"public_radar\" value=\"on\" checked"));
    let saved = b.post("/admin/programme", &[("public_radar", "on")]).await;
    assert_eq!(saved.status, 200);
    assert_eq!(saved.path, "/admin/programme");
    saved
        .expect("The programme settings are saved.")
        .expect("name=\"public_radar\" value=\"on\" checked")
        .expect("The radar is published to everyone now.");
    assert!(public_radar(&app).await);
    let audited = changes(&app).await;
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].0, Some(s.user("admin").0));
    assert_eq!(
        audited[0].1,
        json!({"key": "public_radar", "old": false, "new": true})
    );
    // Saving it as it is changes nothing and audits nothing.
    b.post("/admin/programme", &[("public_radar", "on")])
        .await
        .expect("The programme settings are saved.");
    assert_eq!(changes(&app).await.len(), 1);

    // Anyone now sees the programme-wide radar, suppressed as an outsider
    // does, offered on the home page.
    let anon = Browser::new(&app.url);
    anon.get("/")
        .await
        .expect("<a href=\"/radar\">See the challenges educators meet with AI</a>");
    let page = anon.get("/radar").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.path, "/radar");
    page.expect("Counts under 10 show as")
        .expect("<td>&#60;10</td>")
        .expect("<th scope=\"row\">Bias or unfair output</th>")
        .expect("Checking sources with students");
    for absent in [
        "You see exact counts",
        "name=\"org\"",
        "href=\"/challenges/new\"",
        "href=\"/challenges/mine\"",
        "href=\"/challenges/triage\"",
        "href=\"/courses/checking-sources\"",
        "action=\"/challenges",
        "<textarea",
        s.email("educator"),
        "Test educator",
    ] {
        assert!(!page.contains(absent), "{absent:?} on the public radar");
    }
    // Only the programme may be chosen.
    let other = anon.get(&format!("/radar?org={}", s.district.0)).await;
    assert_eq!(other.status, 422);
    assert!(!other.contains("Columbus City Schools"));
    let csv = anon.get("/radar.csv").await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.contains("category,workload,total,<10"),
        "{}",
        csv.body
    );

    let (st, v) = call(&app, Method::GET, "/api/v1/radar", None, None).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["exact"], false);
    assert_eq!(v["org_id"], s.root.0);
    let rows = v["tables"][0]["rows"].as_array().unwrap();
    let row = |code: &str| rows.iter().position(|r| r == code).unwrap();
    let month = v["months"].as_array().unwrap().len() - 1;
    assert_eq!(v["tables"][0]["cells"][row("workload")][month], "<10");
    // Exactly the counts a signed-in educator outside the programme team sees.
    let (_, outsider) = call_as(&app, Method::GET, "/api/v1/radar", &educator, None).await;
    assert_eq!(outsider["exact"], false);
    assert_eq!(v["tables"], outsider["tables"]);
    assert_eq!(v["months"], outsider["months"]);
    let answer = &v["addressed"][0]["answer"];
    assert_eq!(answer["kind"], "course", "{v}");
    assert_eq!(answer["title"], "Checking sources with students");
    assert_eq!(
        answer["url"],
        Value::Null,
        "no link into signed-in pages: {v}"
    );
    let text = v.to_string();
    assert!(!text.contains(s.email("educator")) && !text.contains("Test educator"));
    let (st, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/radar?org={}", s.district.0),
        None,
        None,
    )
    .await;
    assert_eq!(st, 422);
    let (st, csv) = call(&app, Method::GET, "/api/v1/radar.csv", None, None).await;
    assert_eq!(st, 200);
    assert!(
        csv.as_str()
            .unwrap()
            .contains("category,workload,total,<10")
    );
    // Signed-in readers see what they saw before: the programme admin exact.
    let (_, exact) = call_as(&app, Method::GET, "/api/v1/radar", &admin, None).await;
    assert_eq!(exact["exact"], true);
    assert_eq!(exact["tables"][0]["cells"][row("workload")][month], "3");
    // A token that is not valid is still refused, published or not.
    let (st, _) = call(&app, Method::GET, "/api/v1/radar", Some("lyc_nope"), None).await;
    assert_eq!(st, 401);

    // Off again through the API; the change is audited; anonymous readers
    // are sent to sign in at once (read from the database on each request).
    let (st, v) = call_as(
        &app,
        Method::PUT,
        SETTINGS,
        &admin,
        Some(json!({"public_radar": false})),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["public_radar"], false);
    assert!(v["public_radar_changed_at"].as_str().is_some(), "{v}");
    radar_is_private(&app).await;
    let audited = changes(&app).await;
    assert_eq!(audited.len(), 2);
    assert_eq!(
        audited[1].1,
        json!({"key": "public_radar", "old": true, "new": false})
    );
    // And on through the API too, seen by a second server at once.
    let (st, v) = call_as(
        &app,
        Method::PUT,
        SETTINGS,
        &admin,
        Some(json!({"public_radar": true})),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["public_radar"], true);
    let other = app.another_server().await;
    let (st, _) = call(&other, Method::GET, "/api/v1/radar", None, None).await;
    assert_eq!(st, 200);
    // Unticked on the page: off.
    let off = b.post("/admin/programme", &[]).await;
    off.expect("The radar is shown only to people who sign in now.");
    radar_is_private(&other).await;
    assert_eq!(changes(&app).await.len(), 4);
}

#[tokio::test]
async fn the_settings_page_speaks_spanish() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("admin"), PASSWORD).await;
    b.post(
        "/language",
        &[("lang", "es"), ("return_to", "/admin/programme")],
    )
    .await;
    let page = b.get("/admin/programme").await;
    page.expect("Configuración del programa")
        .expect("Publicar los resúmenes del radar para todos, sin iniciar sesión");
    let saved = b.post("/admin/programme", &[("public_radar", "on")]).await;
    saved.expect("Se guardó la configuración del programa.");
    let anon = Browser::new(&app.url);
    let radar = anon
        .request(Method::GET, "/radar")
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert_eq!(radar.status(), 200);
    assert!(
        radar
            .text()
            .await
            .unwrap()
            .contains("Estos son los resúmenes publicados del programa")
    );
}
