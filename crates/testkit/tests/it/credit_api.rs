//! PD credit and AI literacy over the JSON API, end to end over HTTP: the
//! literacy picture and self-assessment, the transcript as JSON and as the
//! page's own CSV, outside PD requests (sent as JSON or with a file, the
//! admins' queue, decisions), and certificates (mine, verified by anyone
//! by code, revoked) — with the denials: fields named, another
//! organisation's objects absent, a read-only token refused, and nobody
//! deciding their own request.

use super::api::{call, token_for, token_with_scope};
use lyceum_testkit::{OutsidePd, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

async fn get(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    call(app, Method::GET, path, Some(token), None).await
}

async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> (u16, Value) {
    call(app, Method::POST, path, Some(token), Some(body)).await
}

/// The fields a 422 names.
fn fields(e: &Value) -> Vec<String> {
    assert_eq!(e["error"]["code"], "validation_failed", "{e}");
    e["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect()
}

/// A one-lesson course of 1.5 hours building the human-agency competency.
pub(super) async fn import_agency_course(app: &TestApp) {
    let doc = json!({
        "format": "lyceum-course/1", "slug": "agency-basics", "language": "en",
        "title": "Agency basics", "summary": "A short course.", "pd_hours": 1.5,
        "delivery": "self-paced",
        "competencies": [{ "id": "unesco-ai-cft-2024/human-agency", "level": null }],
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Only", "lessons": ["only"] }],
        "lessons": { "only": { "title": "Only lesson", "markdown": "Text." } },
    });
    app.import_course(&doc, None).await;
}

/// Enrols and finishes the course over the API: hours and a certificate.
pub(super) async fn complete(app: &TestApp, token: &str) {
    let (status, _) = post(app, "/api/v1/courses/agency-basics/enrol", token, json!({})).await;
    assert!(matches!(status, 200 | 201), "enrol: {status}");
    let (status, done) = post(
        app,
        "/api/v1/courses/agency-basics/lessons/only/finish",
        token,
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{done}");
}

#[tokio::test]
async fn the_literacy_picture_and_a_self_assessment() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_agency_course(&app).await;
    let t = token_for(&app, s.email("educator")).await;

    let (status, p) = get(&app, "/api/v1/literacy", &t).await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["framework"], "unesco-ai-cft-2024");
    let aspects = p["aspects"].as_array().unwrap().clone();
    assert_eq!(aspects.len(), 5);
    assert!(
        aspects
            .iter()
            .all(|a| a["assessed"].is_null() && a["shown"].is_null())
    );
    let levels: Vec<String> = p["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["key"].as_str().unwrap().to_string())
        .collect();
    assert!(levels.len() >= 2);
    // The course that builds it is suggested, for the weakest aspects.
    assert!(
        p["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["course_slug"] == "agency-basics" && c["pd_hours"] == 1.5),
        "{p}"
    );

    // Completing the course shows its competency as evidence.
    complete(&app, &t).await;
    let (_, p) = get(&app, "/api/v1/literacy", &t).await;
    let agency = p["aspects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["competency"] == "unesco-ai-cft-2024/human-agency")
        })
        .expect("the aspect human agency belongs to shows the course")
        .clone();
    assert!(!agency["shown"].is_null(), "{agency}");
    let aspect = agency["id"].as_str().unwrap().to_string();

    // A self-assessment, by aspect id.
    let (status, p) = call(
        &app,
        Method::PUT,
        "/api/v1/literacy/self-assessment",
        Some(&t),
        Some(json!({ "levels": { &aspect: &levels[1] } })),
    )
    .await;
    assert_eq!(status, 200, "{p}");
    let mine = |p: &Value| {
        p["aspects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == aspect.as_str())
            .unwrap()["assessed"]
            .clone()
    };
    assert_eq!(mine(&p), json!(levels[1]));

    // A level or an aspect the framework lacks: the entry named, nothing changed.
    for (body, field) in [
        (
            json!({ "levels": { &aspect: "wizard" } }),
            format!("levels.{aspect}"),
        ),
        (
            json!({ "levels": { "no-such-aspect": &levels[0] } }),
            "levels.no-such-aspect".to_string(),
        ),
    ] {
        let (status, e) = call(
            &app,
            Method::PUT,
            "/api/v1/literacy/self-assessment",
            Some(&t),
            Some(body),
        )
        .await;
        assert_eq!(status, 422, "{e}");
        assert_eq!(fields(&e), vec![field]);
    }
    let (_, p) = get(&app, "/api/v1/literacy", &t).await;
    assert_eq!(mine(&p), json!(levels[1]));
    // The page shows the same, chosen.
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page = b.get("/literacy").await;
    let n = aspects
        .iter()
        .position(|a| a["id"] == aspect.as_str())
        .unwrap()
        + 1;
    let radio = format!("name=\"aspect-{n}\" value=\"{}\"", levels[1]);
    assert!(
        page.body
            .split("<input ")
            .any(|i| i.contains(&radio) && i.contains(" checked")),
        "the page's form shows the level the API saved"
    );

    // A read-only token may look but not change it.
    let reader = token_with_scope(&app, s.email("educator"), "read").await;
    assert_eq!(get(&app, "/api/v1/literacy", &reader).await.0, 200);
    let (status, e) = call(
        &app,
        Method::PUT,
        "/api/v1/literacy/self-assessment",
        Some(&reader),
        Some(json!({ "levels": {} })),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (403, Some("insufficient_scope"))
    );
}

#[tokio::test]
async fn the_transcript_as_json_and_as_the_pages_csv() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_agency_course(&app).await;
    let t = token_for(&app, s.email("educator")).await;

    let (status, empty) = get(&app, "/api/v1/transcript", &t).await;
    assert_eq!(status, 200);
    assert_eq!(empty["total_hours"], 0.0);
    assert_eq!(empty["entries"], json!([]));

    complete(&app, &t).await;
    let (_, tr) = get(&app, "/api/v1/transcript", &t).await;
    assert_eq!(tr["total_hours"], 1.5, "{tr}");
    let (_, me) = get(&app, "/api/v1/me", &t).await;
    assert_eq!(tr["time_zone"], me["time_zone"]);
    let entry = &tr["entries"][0];
    assert_eq!(entry["title"], "Agency basics");
    assert_eq!(entry["source"], "course");
    assert_eq!(entry["hours"], 1.5);
    assert_eq!(tr["school_years"][0]["school_year"], entry["school_year"]);
    assert_eq!(tr["school_years"][0]["hours"], 1.5);
    assert_eq!(entry["date"].as_str().unwrap().len(), 10);

    // The CSV is the page's, byte for byte; headed in the API reader's language.
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page_csv = b.get("/transcript.csv").await.body;
    for (lang, head) in [("en", "School year,"), ("es", "Año escolar,")] {
        let r = reqwest::Client::new()
            .get(format!("{}/api/v1/transcript.csv", app.url))
            .bearer_auth(&t)
            .header("accept-language", lang)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let api_csv = r.text().await.unwrap();
        assert!(api_csv.contains("Agency basics"), "{api_csv}");
        assert!(api_csv.contains(",1.5\r\n"), "{api_csv}");
        assert!(api_csv.starts_with(head), "{api_csv}");
        if lang == "en" {
            assert_eq!(api_csv, page_csv);
        }
    }
    let (status, _) = call(&app, Method::GET, "/api/v1/transcript.csv", None, None).await;
    assert_eq!(status, 401);
}

/// A download over the API: its status and body.
async fn file(app: &TestApp, path: String, token: String) -> (u16, String) {
    let r = reqwest::Client::new()
        .get(format!("{}{path}", app.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn pd_body(s: &Seed, org: &str, title: &str) -> Value {
    json!({
        "title": title,
        "hours": 2.5,
        "completed_on": "2026-10-02",
        "evidence_url": "https://example.org/proof",
        "org_id": s_org(s, org),
    })
}

fn s_org(s: &Seed, org: &str) -> i64 {
    match org {
        "root" => s.root.0,
        "district" => s.district.0,
        "school_a" => s.school_a.0,
        _ => s.local.0,
    }
}

#[tokio::test]
async fn outside_pd_requests_are_sent_queued_and_decided_never_by_their_sender() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = token_for(&app, s.email("educator")).await;
    let dadmin = token_for(&app, s.email("dadmin")).await;
    let ladmin = token_for(&app, s.email("ladmin")).await;
    let admin = token_for(&app, s.email("admin")).await;

    // Every problem named by its field; nothing sent.
    let (status, e) = post(&app, "/api/v1/pd-requests", &educator, json!({})).await;
    assert_eq!(status, 422, "{e}");
    let named = fields(&e);
    for f in ["title", "hours", "completed_on", "org_id"] {
        assert!(named.contains(&f.to_string()), "{f} in {named:?}");
    }
    let mut future = pd_body(&s, "school_a", "Summer institute");
    future["completed_on"] = json!("2099-01-01");
    future["hours"] = json!(0.3);
    let (status, e) = post(&app, "/api/v1/pd-requests", &educator, future).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&e), vec!["hours", "completed_on"]);
    // Only to an organisation where one holds a role.
    let (status, e) = post(
        &app,
        "/api/v1/pd-requests",
        &educator,
        pd_body(&s, "local", "Elsewhere"),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&e), vec!["org_id"]);
    let (status, e) = post(
        &app,
        "/api/v1/pd-requests",
        &educator,
        json!({ "title": "x", "colour": "red" }),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    let (_, mine) = get(&app, "/api/v1/pd-requests", &educator).await;
    assert_eq!(mine, json!([]));

    // Sent as JSON, and with a file as the page's multipart form.
    let (status, made) = post(
        &app,
        "/api/v1/pd-requests",
        &educator,
        pd_body(&s, "school_a", "Summer institute"),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let id = made["id"].as_i64().unwrap();
    let form = OutsidePd::new(s.school_a, "Conference")
        .hours("1,25")
        .completed_on("2026-09-30")
        .evidence_url("")
        .evidence_file("attendance.pdf", b"%PDF-1.7 attendance")
        .form();
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/pd-requests", app.url))
        .bearer_auth(&educator)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let (_, mine) = get(&app, "/api/v1/pd-requests", &educator).await;
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert_eq!(mine[0]["title"], "Conference");
    assert_eq!(mine[0]["hours"], 1.25);
    assert_eq!(mine[0]["evidence_file"], "attendance.pdf");
    assert_eq!(mine[1]["id"], id);
    assert_eq!(mine[1]["status"], "pending");
    assert_eq!(mine[1]["completed_on"], "2026-10-02");
    // The file: its sender's, and the admins' of where it went; nobody else's.
    let with_file = mine[0]["id"].as_i64().unwrap();
    let own = format!("/api/v1/pd-requests/{with_file}/evidence");
    assert_eq!(
        file(&app, own.clone(), educator.clone()).await,
        (200, "%PDF-1.7 attendance".to_string())
    );
    assert_eq!(file(&app, own, dadmin.clone()).await.0, 404);
    assert_eq!(
        file(
            &app,
            format!("/api/v1/pd-requests/{id}/evidence"),
            educator.clone()
        )
        .await
        .0,
        404,
        "a request without a file"
    );
    let theirs = |org: i64| format!("/api/v1/orgs/{org}/pd-requests/{with_file}/evidence");
    assert_eq!(
        file(&app, theirs(s.district.0), dadmin.clone()).await.0,
        200
    );
    assert_eq!(file(&app, theirs(s.local.0), ladmin.clone()).await.0, 404);
    assert_eq!(
        file(&app, theirs(s.district.0), ladmin.clone()).await.0,
        403
    );

    // The queue: admins of the organisation only; another's is not theirs.
    let queue = format!("/api/v1/orgs/{}/pd-requests", s.district.0);
    assert_eq!(get(&app, &queue, &educator).await.0, 403);
    assert_eq!(get(&app, &queue, &ladmin).await.0, 403);
    let (status, waiting) = get(&app, &queue, &dadmin).await;
    assert_eq!(status, 200);
    assert!(
        waiting
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["request"]["id"] == id && w["requester"].is_string()),
        "{waiting}"
    );
    let (_, theirs) = get(
        &app,
        &format!("/api/v1/orgs/{}/pd-requests", s.local.0),
        &ladmin,
    )
    .await;
    assert_eq!(theirs, json!([]));
    // Decided through the local: not there (404).
    let (status, _) = post(
        &app,
        &format!("/api/v1/orgs/{}/pd-requests/{id}/decision", s.local.0),
        &ladmin,
        json!({ "decision": "approved" }),
    )
    .await;
    assert_eq!(status, 404);

    let decide = format!("/api/v1/orgs/{}/pd-requests/{id}/decision", s.district.0);
    let (status, e) = post(&app, &decide, &dadmin, json!({ "decision": "maybe" })).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&e), vec!["decision"]);
    let (status, e) = post(&app, &decide, &dadmin, json!({ "decision": "rejected" })).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&e), vec!["comment"]);
    let reader = token_with_scope(&app, s.email("dadmin"), "read").await;
    let (status, e) = post(&app, &decide, &reader, json!({ "decision": "approved" })).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let (_, mine) = get(&app, "/api/v1/pd-requests", &educator).await;
    assert_eq!(mine[1]["status"], "pending");

    let (status, decided) = post(&app, &decide, &dadmin, json!({ "decision": "approved" })).await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["status"], "approved");
    assert!(decided["decided_at"].is_string());
    // Decided once: no longer there to decide.
    assert_eq!(
        post(&app, &decide, &dadmin, json!({ "decision": "approved" }))
            .await
            .0,
        404
    );
    let (_, tr) = get(&app, "/api/v1/transcript", &educator).await;
    assert_eq!(tr["total_hours"], 2.5);
    assert_eq!(tr["entries"][0]["source"], "outside");
    assert_eq!(tr["entries"][0]["title"], "Summer institute");

    // Nobody decides their own: an admin's goes to the admins above them.
    let (status, own) = post(
        &app,
        "/api/v1/pd-requests",
        &dadmin,
        pd_body(&s, "district", "My own workshop"),
    )
    .await;
    assert_eq!(status, 201);
    let own = own["id"].as_i64().unwrap();
    let (_, waiting) = get(&app, &queue, &dadmin).await;
    assert!(
        !waiting
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["request"]["id"] == own)
    );
    let (status, e) = post(
        &app,
        &format!("/api/v1/orgs/{}/pd-requests/{own}/decision", s.district.0),
        &dadmin,
        json!({ "decision": "approved" }),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let (status, _) = post(
        &app,
        &format!("/api/v1/orgs/{}/pd-requests/{own}/decision", s.root.0),
        &admin,
        json!({ "decision": "returned", "comment": "Add the agenda, please." }),
    )
    .await;
    assert_eq!(status, 200);
    let (_, mine) = get(&app, "/api/v1/pd-requests", &dadmin).await;
    assert_eq!(mine[0]["status"], "returned");
    assert_eq!(mine[0]["comment"], "Add the agenda, please.");
}

#[tokio::test]
async fn certificates_are_listed_verified_by_anyone_and_revoked_by_the_holders_admins() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_agency_course(&app).await;
    let educator = token_for(&app, s.email("educator")).await;
    let dadmin = token_for(&app, s.email("dadmin")).await;
    let ladmin = token_for(&app, s.email("ladmin")).await;

    let (_, none) = get(&app, "/api/v1/certificates", &educator).await;
    assert_eq!(none, json!([]));
    complete(&app, &educator).await;
    let (status, mine) = get(&app, "/api/v1/certificates", &educator).await;
    assert_eq!(status, 200);
    let cert = &mine[0];
    assert_eq!(cert["course_title"], "Agency basics");
    assert_eq!(cert["hours"], 1.5);
    assert_eq!(cert["status"], "valid");
    assert!(cert["recipient"].is_string());
    let code = cert["code"].as_str().unwrap().to_string();
    assert_eq!(cert["verify_path"], format!("/certificates/{code}"));
    let (_, others) = get(&app, "/api/v1/certificates", &dadmin).await;
    assert_eq!(others, json!([]));

    // Anyone verifies it, with no token.
    let verify = format!("/api/v1/certificates/{code}");
    let (status, v) = call(&app, Method::GET, &verify, None, None).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["recipient"], cert["recipient"]);
    assert_eq!(v["course_slug"], "agency-basics");
    assert_eq!(v["issued_on"], cert["issued_on"]);
    assert_eq!(
        call(
            &app,
            Method::GET,
            "/api/v1/certificates/not-a-code",
            None,
            None
        )
        .await
        .0,
        404
    );

    // Revoking: the holder's own admins only; elsewhere it is not there.
    let revoke = |org: i64| format!("/api/v1/orgs/{org}/certificates/{code}/revoke");
    let why = json!({ "reason": "Issued in error." });
    assert_eq!(
        post(&app, &revoke(s.school_a.0), &educator, why.clone())
            .await
            .0,
        403
    );
    assert_eq!(
        post(&app, &revoke(s.district.0), &ladmin, why.clone())
            .await
            .0,
        403
    );
    assert_eq!(
        post(&app, &revoke(s.local.0), &ladmin, why.clone()).await.0,
        404
    );
    let (status, e) = post(
        &app,
        &revoke(s.district.0),
        &dadmin,
        json!({ "reason": " " }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&e), vec!["reason"]);
    let (_, v) = call(&app, Method::GET, &verify, None, None).await;
    assert_eq!(v["status"], "valid");
    let (status, v) = post(&app, &revoke(s.district.0), &dadmin, why).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["status"], "revoked");
    assert_eq!(v["revoked_reason"], "Issued in error.");

    // The holder deletes their account: still verifiable, without the name.
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post("/account/delete", &[("confirm", "DELETE")])
        .await
        .expect("Your account was deleted");
    let (status, v) = call(&app, Method::GET, &verify, None, None).await;
    assert_eq!(status, 200, "{v}");
    assert!(v["recipient"].is_null(), "{v}");
    assert_eq!(v["status"], "revoked");
    assert_eq!(v["course_title"], "Agency basics");
}
