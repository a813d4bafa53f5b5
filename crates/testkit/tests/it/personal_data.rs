//! Personal data, complete: the export is one zip with a JSON file per area
//! and the person's own files, from the account page and the API; it holds
//! what they did and nothing private of anyone else's. Deleting the account
//! removes their evidence and reflections, and their certificates stay
//! verifiable by code without their name.

use crate::api::token_for;
use lyceum_db::community;
use lyceum_db::schema::{certificates, pd_requests, reflections, task_submissions};
use lyceum_testkit::{Browser, OutsidePd, PASSWORD, Seed, TestApp};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use std::io::{Cursor, Read};

const EVIDENCE: &[u8] = b"%PDF-1.7 summer institute attendance";
const HAND_IN: &[u8] = b"%PDF-1.7 three checked claims";

fn course() -> Value {
    json!({
        "format": "lyceum-course/1", "slug": "checking-claims", "language": "en",
        "title": "Checking what a chatbot claims", "summary": "Verify claims.",
        "pd_hours": 1, "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "Practice", "lessons": ["why", "practice"] }],
        "lessons": {
            "why": { "title": "Why check", "markdown": "Fluency is not accuracy.",
                     "reflection": { "prompt": "When did a tool mislead you?" } },
            "practice": { "title": "Check three claims", "markdown": "Pick a unit.",
                "task": { "instructions": "Check three answers.",
                          "rubric": [{ "key": "three", "text": "Three real questions" }],
                          "artefacts": ["file"] } },
        },
    })
}

/// The educator writes a reflection, hands in a file that the facilitator
/// accepts (completing the course: a certificate), sends outside PD with
/// evidence, starts a topic, edits it and flags someone's reply; the
/// facilitator flags the educator's post. Returns the certificate's path.
async fn a_year_of_work(app: &TestApp, s: &Seed, educator: &Browser) -> String {
    app.import_course(&course(), None).await;
    educator.post("/courses/checking-claims/enrol", &[]).await;
    educator
        .post(
            "/courses/checking-claims/lessons/why/reflection",
            &[("reflection", "A made-up citation last spring.")],
        )
        .await
        .expect("Your reflection was saved.");
    let form = Form::new().part(
        "artefact_file",
        Part::bytes(HAND_IN.to_vec()).file_name("../claims <checked>.pdf"),
    );
    let handed_in = educator
        .post_multipart("/courses/checking-claims/lessons/practice/task", form)
        .await;
    assert_eq!(handed_in.status, 200);
    let hand_in = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            Ok(task_submissions::table
                .select(task_submissions::id)
                .first::<i64>(c)?)
        })
        .await
        .unwrap();
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .post(
            &format!("/review/{hand_in}"),
            &[
                ("decision", "accepted"),
                ("met", "three"),
                ("comment", "Well sourced."),
            ],
        )
        .await;
    let form = OutsidePd::new(s.school_a, "Summer institute")
        .hours("6")
        .completed_on("2026-07-02")
        .evidence_url("")
        .evidence_file("attendance.pdf", EVIDENCE)
        .form();
    let asked = educator.post_multipart("/transcript/outside", form).await;
    assert_eq!(asked.status, 200);

    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[("title", "Science teachers"), ("visibility", "members")],
        )
        .await
        .path;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Lab reports and AI"),
                ("kind", "question"),
                ("body", "How do you grade drafts?"),
            ],
        )
        .await
        .path;
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    facilitator
        .post(&format!("{topic}/replies"), &[("body", "With a rubric.")])
        .await;
    let posts = app
        .db
        .read(move |c| community::posts(c, topic_id, None, 10))
        .await
        .unwrap();
    let (own, reply) = (posts[0].post.id, posts[1].post.id);
    educator
        .post(
            &format!("/posts/{own}/edit"),
            &[("body", "How do you grade drafts written with AI?")],
        )
        .await
        .expect("Post saved.");
    educator
        .post(
            &format!("/posts/{reply}/flag"),
            &[("category", "other"), ("why", "Off topic, I think")],
        )
        .await;
    facilitator
        .post(
            &format!("/posts/{own}/flag"),
            &[
                ("category", "other"),
                ("why", "Facilitator's private worry"),
            ],
        )
        .await;

    format!("/certificates/{}", first_certificate_code(app).await)
}

/// The code of the first certificate issued (tests that issue one).
pub(crate) async fn first_certificate_code(app: &TestApp) -> String {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            Ok(certificates::table
                .select(certificates::code)
                .first::<String>(c)?)
        })
        .await
        .unwrap()
}

/// The zip's entries by name.
pub(crate) fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut a = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut out = Vec::new();
            f.read_to_end(&mut out).unwrap();
            (f.name().unwrap().to_string(), out)
        })
        .collect()
}

fn json_of(files: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> Value {
    serde_json::from_slice(&files[name]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[tokio::test]
async fn the_export_is_a_zip_of_everything_the_person_did_and_nothing_of_others() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let certificate = a_year_of_work(&app, &s, &educator).await;

    let r = educator
        .request(Method::GET, "/account/export")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/zip");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment; filename=\"lyceum-my-data.zip\"")
    );
    let files = unzip(&r.bytes().await.unwrap());

    let manifest = json_of(&files, "manifest.json");
    assert_eq!(manifest["format"], "lyceum-personal-data/2");
    let account = json_of(&files, "account.json");
    assert_eq!(account["account"]["email"], s.email("educator"));
    assert_eq!(account["memberships"][0]["org_name"], "Lincoln Elementary");

    let learning = json_of(&files, "learning.json");
    assert_eq!(
        learning["reflections"][0]["body"],
        "A made-up citation last spring."
    );
    assert_eq!(
        learning["enrolments"][0]["course"]["slug"],
        "checking-claims"
    );
    let hand_in = &learning["practice_hand_ins"][0];
    assert_eq!(hand_in["status"], "accepted", "{hand_in}");
    assert_eq!(hand_in["review"]["comment"], "Well sourced.");
    assert_eq!(hand_in["review"]["reviewer"], "Test facilitator");
    assert!(
        learning["learning_records"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    // The hand-in file, under a name that stays in the files folder.
    let path = hand_in["file"].as_str().unwrap();
    assert!(path.starts_with("files/hand-in-"), "{path}");
    assert!(!path.contains("..") && !path.contains('<') && !path[6..].contains('/'));
    assert_eq!(files[path], HAND_IN);

    let credit = json_of(&files, "credit.json");
    assert_eq!(
        credit["certificates"][0]["code"],
        certificate.trim_start_matches("/certificates/")
    );
    assert_eq!(credit["certificates"][0]["recipient_name"], "Test educator");
    let request = &credit["outside_pd_requests"][0];
    assert_eq!(request["title"], "Summer institute");
    let evidence = request["evidence_file"].as_str().unwrap();
    assert_eq!(
        evidence,
        format!("files/evidence-{}-attendance.pdf", evidence_id(&app).await)
    );
    assert_eq!(files[evidence], EVIDENCE);
    assert!(
        credit["pd_ledger"]
            .as_array()
            .is_some_and(|l| !l.is_empty())
    );

    let community = json_of(&files, "community.json");
    assert_eq!(community["topics"][0]["title"], "Lab reports and AI");
    let post = &community["posts"][0];
    assert_eq!(post["body"], "How do you grade drafts written with AI?");
    assert_eq!(
        post["earlier_versions"][0]["body"],
        "How do you grade drafts?"
    );
    assert_eq!(community["flags_made"][0]["reason"], "Off topic, I think");
    assert_eq!(community["flags_made"].as_array().unwrap().len(), 1);

    // Nothing private of anyone else's: no other address, no flag on them.
    let all: String = files
        .iter()
        .filter(|(n, _)| n.ends_with(".json"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    for other in ["facilitator", "dadmin"] {
        assert!(!all.contains(s.email(other)), "{other}'s email leaked");
    }
    assert!(!all.contains("Facilitator's private worry"));
    assert!(!all.contains("With a rubric."), "someone else's post");

    // The API gives the same archive.
    let token = token_for(&app, s.email("educator")).await;
    let api = reqwest::Client::new()
        .get(format!("{}/api/v1/me/export", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
    assert_eq!(api.headers()["content-type"], "application/zip");
    let api_files = unzip(&api.bytes().await.unwrap());
    assert_eq!(
        api_files.keys().collect::<Vec<_>>(),
        files.keys().collect::<Vec<_>>()
    );
    let unsigned = reqwest::Client::new()
        .get(format!("{}/api/v1/me/export", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), 401);
}

async fn evidence_id(app: &TestApp) -> i64 {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            Ok(pd_requests::table.select(pd_requests::id).first::<i64>(c)?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_deleted_account_leaves_no_evidence_or_reflections_and_nameless_certificates() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let certificate = a_year_of_work(&app, &s, &educator).await;
    app.browser()
        .get(&certificate)
        .await
        .expect("<dd>Test educator</dd>");

    educator
        .post("/account/delete", &[("confirm", "DELETE")])
        .await
        .expect("Your account was deleted");

    let user = s.user("educator").0;
    let (reflections_left, evidence_left, files_left, names) = app
        .db
        .read(move |c| {
            use diesel::prelude::*;
            Ok((
                reflections::table
                    .filter(reflections::user_id.eq(user))
                    .count()
                    .get_result::<i64>(c)?,
                pd_requests::table
                    .filter(pd_requests::user_id.eq(user))
                    .filter(
                        pd_requests::evidence
                            .is_not_null()
                            .or(pd_requests::evidence_name.is_not_null()),
                    )
                    .count()
                    .get_result::<i64>(c)?,
                task_submissions::table
                    .filter(task_submissions::user_id.eq(user))
                    .filter(task_submissions::file.is_not_null())
                    .count()
                    .get_result::<i64>(c)?,
                certificates::table
                    .filter(certificates::user_id.eq(user))
                    .select(certificates::recipient_name)
                    .load::<String>(c)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!((reflections_left, evidence_left, files_left), (0, 0, 0));
    assert_eq!(names, vec![String::new()]);
    // The evidence is gone for reviewers too.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let id = evidence_id(&app).await;
    assert_eq!(
        dadmin
            .get(&format!(
                "/orgs/{}/admin/pd-requests/{id}/evidence",
                s.district.0
            ))
            .await
            .status,
        404
    );

    // Still verifiable by code, without the name, in both languages.
    let anyone = app.browser();
    let page = anyone.get(&certificate).await;
    page.expect("This certificate is valid.")
        .expect("An account since deleted (the certificate can still be verified by its code)")
        .expect("Checking what a chatbot claims");
    assert!(!page.contains("Test educator"));
    anyone
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    anyone.get(&certificate).await.expect(
        "Una cuenta que ya se eliminó (el certificado aún se puede verificar por su código)",
    );
}

/// Course drafts are what an author wrote: their export holds each one
/// (its text as they last saved it, and the review it had, by the
/// reviewer's name); the reviewer's export does not hold the author's.
#[tokio::test]
async fn the_drafts_an_author_wrote_are_in_their_export() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    let mut doc = course();
    doc["slug"] = json!("drafted-claims");
    doc["title"] = json!("Drafted: checking claims");
    let started = author
        .post_multipart(
            "/authoring",
            Form::new().part(
                "file",
                Part::bytes(doc.to_string().into_bytes()).file_name("course.json"),
            ),
        )
        .await;
    started.expect("Draft started.");
    author
        .post(
            &started.path,
            &[("document", &doc.to_string()), ("action", "submit")],
        )
        .await
        .expect("Sent for review.");
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .post(
            &format!("{}/review", started.path),
            &[("decision", "return"), ("comment", "Add a quiz.")],
        )
        .await
        .expect("Returned to its author with your comment.");

    let export = |b: &Browser| {
        let r = b.request(Method::GET, "/account/export").send();
        async move { unzip(&r.await.unwrap().bytes().await.unwrap()) }
    };
    let files = export(&author).await;
    let manifest = json_of(&files, "manifest.json");
    assert!(
        manifest["areas"]
            .as_array()
            .unwrap()
            .contains(&json!("authoring.json")),
        "{manifest}"
    );
    let authoring = json_of(&files, "authoring.json");
    let draft = &authoring["course_drafts"][0];
    assert_eq!(draft["slug"], "drafted-claims", "{authoring}");
    assert_eq!(draft["title"], "Drafted: checking claims");
    assert_eq!(draft["owner"], "Test Programme");
    assert_eq!(draft["status"], "returned");
    assert_eq!(draft["document"], doc, "the text as its author saved it");
    assert_eq!(draft["review"]["comment"], "Add a quiz.");
    assert_eq!(draft["review"]["reviewer"], "Test admin");
    assert_eq!(authoring["course_drafts"].as_array().unwrap().len(), 1);

    let reviewers = export(&admin).await;
    let theirs = json_of(&reviewers, "authoring.json");
    assert_eq!(theirs["course_drafts"], json!([]), "{theirs}");
}

/// Tool reviews and challenge reports are the person's own: their export
/// holds the review they wrote (ratings and comments) and every report
/// they filed — the anonymous one too, marked so — and nobody else's.
#[tokio::test]
async fn ones_tool_reviews_and_challenge_reports_are_in_the_export() {
    use crate::api::call_as;
    use lyceum_domain::registry::review::Criterion;
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = token_for(&app, s.email("admin")).await;
    let (st, v) = call_as(
        &app,
        Method::POST,
        "/api/v1/tools",
        &admin,
        Some(json!({
            "name": "Essay Echo", "vendor": "Echo Labs", "url": "https://example.org/echo",
            "description": "Gives feedback on essays.", "min_age": 13, "max_age": null,
            "cost_model": "free", "privacy_agreement": "none_known"
        })),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    let tool = v["id"].as_i64().unwrap();
    let ratings = |bias: &str| -> Value {
        Criterion::ALL
            .iter()
            .map(|c| {
                let r = if *c == Criterion::Bias { bias } else { "meets" };
                (c.as_str().to_string(), json!(r))
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let educator = token_for(&app, s.email("educator")).await;
    let facilitator = token_for(&app, s.email("facilitator")).await;
    for (token, bias, comment) in [
        (
            &educator,
            "does_not_meet",
            "Its sample essays all had one voice.",
        ),
        (&facilitator, "meets", "The facilitator's own view of Echo."),
    ] {
        let (st, v) = call_as(
            &app,
            Method::PUT,
            &format!("/api/v1/tools/{tool}/review"),
            token,
            Some(json!({ "ratings": ratings(bias), "comments": { "bias": comment } })),
        )
        .await;
        assert_eq!(st, 200, "{v}");
    }
    for (token, anonymous, happened) in [
        (
            &educator,
            true,
            "Echo rewrote a student's essay into someone else's words.",
        ),
        (
            &educator,
            false,
            "Echo's feedback took a whole period to load.",
        ),
        (
            &facilitator,
            false,
            "The facilitator's own report about Echo.",
        ),
    ] {
        let (st, v) = call_as(
            &app,
            Method::POST,
            "/api/v1/challenges",
            token,
            Some(json!({
                "category": "workload", "severity": "harms-learning", "subject": "math",
                "grade_band": "6-8", "tool_id": tool, "happened": happened,
                "tried": "We wrote the feedback by hand.", "anonymous": anonymous
            })),
        )
        .await;
        assert_eq!(st, 201, "{v}");
    }

    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let r = b
        .request(Method::GET, "/account/export")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let files = unzip(&r.bytes().await.unwrap());
    let manifest = json_of(&files, "manifest.json");
    for area in ["registry.json", "radar.json"] {
        assert!(
            manifest["areas"].as_array().unwrap().contains(&json!(area)),
            "{manifest}"
        );
    }

    let registry = json_of(&files, "registry.json");
    let reviews = registry["tool_reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{registry}");
    assert_eq!(reviews[0]["tool"]["name"], "Essay Echo");
    assert_eq!(reviews[0]["ratings"]["bias"], "does_not_meet");
    assert_eq!(reviews[0]["ratings"]["data_collected"], "meets");
    assert_eq!(
        reviews[0]["comments"]["bias"],
        "Its sample essays all had one voice."
    );

    let radar = json_of(&files, "radar.json");
    let reports = radar["challenge_reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2, "{radar}");
    let anonymous = &reports[0];
    assert_eq!(
        anonymous["what_happened"],
        "Echo rewrote a student's essay into someone else's words."
    );
    assert_eq!(anonymous["anonymous"], true);
    assert_eq!(
        anonymous["what_they_tried"],
        "We wrote the feedback by hand."
    );
    assert_eq!(anonymous["category"], "workload");
    assert_eq!(anonymous["severity"], "harms-learning");
    assert_eq!(anonymous["tool"]["name"], "Essay Echo");
    assert_eq!(anonymous["subject"], "math");
    assert_eq!(anonymous["grade_band"], "6-8");
    assert_eq!(anonymous["status"], "new");
    assert!(
        anonymous["month"].as_str().unwrap().len() == 7,
        "{anonymous}"
    );
    assert!(anonymous["filed_at"].is_string());
    assert_eq!(
        reports[1]["what_happened"],
        "Echo's feedback took a whole period to load."
    );
    assert_eq!(reports[1]["anonymous"], false);

    // Nobody else's review or report.
    let all: String = files
        .iter()
        .filter(|(n, _)| n.ends_with(".json"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(!all.contains("The facilitator's own view of Echo."));
    assert!(!all.contains("The facilitator's own report about Echo."));
    assert!(!all.contains(s.email("facilitator")));
}
