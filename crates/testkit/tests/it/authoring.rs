//! Authoring with review: an author drafts a course (uploaded, or started
//! from a published one), sees its problems by place, sends it for review;
//! another author returns it with a comment, then publishes it as the next
//! version. Nobody reviews their own draft; nothing is published with
//! problems.

use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

fn course() -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": "prompting-for-feedback",
        "language": "en",
        "title": "Prompting for feedback",
        "summary": "Use AI to draft feedback you then check.",
        "pd_hours": 1,
        "delivery": "self-paced",
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Feedback", "lessons": ["draft"] }],
        "lessons": { "draft": { "title": "Drafting feedback", "markdown": "Check **every** line." } },
    })
}

fn location_id(path: &str) -> i64 {
    path.trim_start_matches("/authoring/").parse().unwrap()
}

#[tokio::test]
async fn a_draft_is_checked_returned_then_published_by_another_author() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    author
        .get("/authoring")
        .await
        .expect("You have no drafts yet.");
    let upload = |f: Form| {
        author
            .request(reqwest::Method::POST, "/authoring")
            .header("origin", app.url.clone())
            .multipart(f)
            .send()
    };
    // Neither a file nor a course: refused.
    let r = upload(Form::new().text("from", "")).await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Upload a course file or choose a published course.")
    );

    // A file with a missing lesson: saved as a draft, its problem shown by place.
    let mut broken = course();
    broken["modules"][0]["lessons"] = json!(["draft", "missing"]);
    let r = upload(Form::new().part(
        "file",
        Part::bytes(broken.to_string().into_bytes()).file_name("course.json"),
    ))
    .await
    .unwrap();
    let path = r.url().path().to_string();
    let id = location_id(&path);
    let page = r.text().await.unwrap();
    assert!(page.contains("Draft started."), "{page}");
    assert!(page.contains("1 problem to fix"), "{page}");
    assert!(page.contains("modules[0].lessons[1]: there is no lesson missing in lessons"));
    // Sending it for review is refused while it has problems.
    let r = author
        .post(
            &path,
            &[("document", &broken.to_string()), ("action", "submit")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("The course file has problems.");

    // Fixed and sent; its author cannot review it.
    author
        .post(
            &path,
            &[("document", &course().to_string()), ("action", "submit")],
        )
        .await
        .expect("Sent for review.")
        .expect("Waiting for review")
        .expect("Drafting feedback");
    assert_eq!(
        author
            .post(&format!("{path}/review"), &[("decision", "publish")])
            .await
            .status,
        404
    );
    // Educators do not author.
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(educator.get(&path).await.status, 403);

    // The programme admin returns it with a comment (required), then publishes.
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .get("/authoring")
        .await
        .expect("Drafts waiting for your review")
        .expect("Prompting for feedback");
    let r = admin
        .post(&format!("{path}/review"), &[("decision", "return")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Say what should change.");
    admin
        .post(
            &format!("{path}/review"),
            &[("decision", "return"), ("comment", "Add a quiz.")],
        )
        .await
        .expect("Returned to its author with your comment.");
    author
        .get(&path)
        .await
        .expect("Returned with a comment")
        .expect("Add a quiz.")
        .expect("Send for review");
    author
        .post(
            &path,
            &[("document", &course().to_string()), ("action", "submit")],
        )
        .await;
    admin
        .post(&format!("{path}/review"), &[("decision", "publish")])
        .await
        .expect("Published. Learners who enrol now get this version.");
    author
        .get(&path)
        .await
        .expect("published as version 1")
        .expect("href=\"/courses/prompting-for-feedback\"");
    app.browser()
        .get("/courses/prompting-for-feedback")
        .await
        .expect("Prompting for feedback");
    // A published draft is a record: no more edits.
    let late = author
        .post(&path, &[("document", "{}"), ("action", "save")])
        .await;
    assert_eq!(late.status, 404);

    // The next version starts from the published course.
    let r = author
        .request(reqwest::Method::POST, "/authoring")
        .header("origin", app.url.clone())
        .multipart(Form::new().text("from", "prompting-for-feedback"))
        .send()
        .await
        .unwrap();
    let next = r.url().path().to_string();
    assert_ne!(location_id(&next), id);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("&#34;slug&#34;: &#34;prompting-for-feedback&#34;")
            || page.contains("&quot;slug&quot;: &quot;prompting-for-feedback&quot;"),
        "{page}"
    );
}
