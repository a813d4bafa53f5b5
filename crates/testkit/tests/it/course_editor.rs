//! Writing a course on pages: an author starts a course from its title,
//! adds a module and two lessons (one with a quiz), previews Markdown,
//! reorders, fills in the details and sends it for review; another author
//! publishes it. Every refusal names its field; an edit from a stale page
//! is refused and changes nothing; nobody but the author edits the draft,
//! on pages or through the API.

use crate::api::{call, token_for};
use lyceum_testkit::{Browser, PASSWORD, Page, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

fn id_of(path: &str) -> i64 {
    path.trim_start_matches("/authoring/")
        .split(['/', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn revision(p: &Page) -> String {
    p.input_value("revision").expect("a revision on the page")
}

/// Starts a course on pages: its outline page.
async fn start(author: &Browser, title: &str) -> Page {
    let p = author.post("/authoring/new", &[("new-title", title)]).await;
    assert!(p.path.ends_with("/edit"), "{}", p.path);
    p
}

async fn document(app: &TestApp, token: &str, id: i64) -> Value {
    let (status, d) = call(
        app,
        Method::GET,
        &format!("/api/v1/drafts/{id}"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{d}");
    d
}

#[tokio::test]
async fn a_course_written_on_pages_is_published_after_review() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    let token = token_for(&app, s.email("author")).await;
    author
        .get("/authoring")
        .await
        .expect("Write a new course on pages");
    let r = author.post("/authoring/new", &[("new-title", " ")]).await;
    assert_eq!(r.status, 422);
    r.expect("Enter the course&#39;s title.");

    let p = start(&author, "Feedback with AI").await;
    p.expect("Draft started.")
        .expect("The course has no modules yet.");
    let id = id_of(&p.path);
    let edit = format!("/authoring/{id}/edit");

    // A module, refused without its title.
    let r = author
        .post(
            &edit,
            &[
                ("op", "add-module"),
                ("title", ""),
                ("revision", &revision(&p)),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Enter the module&#39;s title.");
    let p = author
        .post(
            &edit,
            &[
                ("op", "add-module"),
                ("title", "Basics"),
                ("revision", &revision(&r)),
            ],
        )
        .await;
    p.expect("Module 1: Basics");

    // Two lessons; a new lesson opens its own page.
    let r = author
        .post(
            &edit,
            &[
                ("op", "add-lesson"),
                ("module", "0"),
                ("title", ""),
                ("revision", &revision(&p)),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Enter the lesson&#39;s title.");
    let l = author
        .post(
            &edit,
            &[
                ("op", "add-lesson"),
                ("module", "0"),
                ("title", "Checking drafts"),
                ("revision", &revision(&r)),
            ],
        )
        .await;
    assert_eq!(l.path, format!("/authoring/{id}/lessons/checking-drafts"));
    let lesson = l.path.clone();

    // The preview renders the text and keeps what was typed, saving nothing.
    let text = "## Read it\n\nCheck **every** line.";
    let pv = author
        .post(
            &lesson,
            &[
                ("op", "preview"),
                ("lesson-title", "Checking drafts"),
                ("markdown", text),
                ("revision", &revision(&l)),
            ],
        )
        .await;
    assert_eq!(pv.status, 200);
    pv.expect("Preview of the lesson text")
        .expect("<strong>every</strong>")
        .expect("Check **every** line.");
    assert_eq!(document(&app, &token, id).await["revision"], json!(3));

    // Saving needs the text; a question needs its prompt, answers and a right one.
    let r = author
        .post(
            &lesson,
            &[
                ("op", "save"),
                ("lesson-title", "Checking drafts"),
                ("markdown", ""),
                ("revision", &revision(&pv)),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Write the lesson&#39;s text.");
    let q = author
        .post(
            &lesson,
            &[
                ("op", "add-question"),
                ("lesson-title", "Checking drafts"),
                ("markdown", text),
                ("revision", &revision(&r)),
            ],
        )
        .await;
    q.expect("Question 1").expect("Check **every** line.");
    let r = author
        .post(
            &lesson,
            &[
                ("op", "save"),
                ("lesson-title", "Checking drafts"),
                ("markdown", text),
                ("pass-mark", "100"),
                ("revision", &revision(&q)),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Write the text of question 1.")
        .expect("Write answer 1 of question 1, or remove it.")
        .expect("Mark exactly one right answer for question 1");
    let r = author
        .post(
            &lesson,
            &[
                ("op", "save"),
                ("lesson-title", "Checking drafts"),
                ("markdown", text),
                ("pass-mark", "abc"),
                ("revision", &revision(&q)),
            ],
        )
        .await;
    r.expect("Enter the pass mark as a whole number from 1 to 100.");
    let saved = author
        .post(
            &lesson,
            &[
                ("op", "save"),
                ("lesson-title", "Checking drafts"),
                ("markdown", text),
                ("pass-mark", "100"),
                ("max-attempts", "3"),
                ("q0-prompt", "Is a fluent answer a checked one?"),
                ("q0-kind", "single"),
                ("q0-o0-text", "Yes"),
                ("q0-o0-feedback", "Fluency is not evidence."),
                ("q0-o1-text", "No"),
                ("q0-o1-correct", "yes"),
                ("revision", &revision(&q)),
            ],
        )
        .await;
    saved.expect("Lesson saved.").expect("Checking drafts");
    assert!(saved.path.ends_with("/edit"), "{}", saved.path);

    let l2 = author
        .post(
            &edit,
            &[
                ("op", "add-lesson"),
                ("module", "0"),
                ("title", "Giving feedback"),
                ("revision", &revision(&saved)),
            ],
        )
        .await;
    let p = author
        .post(
            &l2.path,
            &[
                ("op", "save"),
                ("lesson-title", "Giving feedback"),
                ("markdown", "Say what works first."),
                ("reflection", "What will you say first?"),
                ("revision", &revision(&l2)),
            ],
        )
        .await;
    // Reordered by a button: the quiz lesson goes last.
    let p = author
        .post(
            &edit,
            &[
                ("op", "lesson-down"),
                ("lesson", "checking-drafts"),
                ("revision", &revision(&p)),
            ],
        )
        .await;
    let d = document(&app, &token, id).await;
    let file: Value = serde_json::from_str(d["document"].as_str().unwrap()).unwrap();
    assert_eq!(
        file["modules"][0]["lessons"],
        json!(["giving-feedback", "checking-drafts"])
    );
    assert_eq!(
        file["lessons"]["checking-drafts"]["quiz"]["max_attempts"],
        3
    );
    assert!(
        d["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().contains("summary")),
        "{d}"
    );

    // Details: each missing one named.
    let details = |summary: &'static str, rev: String| {
        let author = &author;
        let edit = edit.clone();
        async move {
            author
                .post(
                    &edit,
                    &[
                        ("op", "details"),
                        ("course-title", "Feedback with AI"),
                        ("course-slug", "feedback-with-ai"),
                        ("course-language", "en"),
                        ("course-summary", summary),
                        ("course-hours", "1,5"),
                        ("course-delivery", "self-paced"),
                        ("course-licence", "CC BY 4.0"),
                        ("revision", &rev),
                    ],
                )
                .await
        }
    };
    let r = details("", revision(&p)).await;
    assert_eq!(r.status, 422);
    r.expect("Enter a summary for the catalogue.");
    let stale = revision(&p);
    let p = details("Draft feedback with AI, then check it.", revision(&r)).await;
    assert_eq!(p.status, 200);

    // A page opened before the last save changes nothing.
    let r = author
        .post(
            &edit,
            &[
                ("op", "add-module"),
                ("title", "Late"),
                ("revision", &stale),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("This draft was saved from another page");
    assert!(!r.contains("Module 2: Late"));

    // No problems left: sent for review from the draft's page, as before.
    let d = document(&app, &token, id).await;
    assert_eq!(d["problems"], json!([]), "{d}");
    author
        .post(
            &format!("/authoring/{id}"),
            &[
                ("document", d["document"].as_str().unwrap()),
                ("action", "submit"),
                ("revision", &d["revision"].to_string()),
            ],
        )
        .await
        .expect("Sent for review.");
    // While in review the editor leads back to the draft.
    let r = author.get(&edit).await;
    assert_eq!(r.path, format!("/authoring/{id}"));

    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .post(
            &format!("/authoring/{id}/review"),
            &[("decision", "publish")],
        )
        .await
        .expect("Published.");
    admin
        .get("/courses/feedback-with-ai")
        .await
        .expect("Feedback with AI")
        .expect("Giving feedback")
        .expect("Checking drafts");
}

#[tokio::test]
async fn only_its_author_edits_a_draft_on_pages_or_through_the_api() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    let p = start(&author, "Prompting").await;
    let id = id_of(&p.path);
    let p = author
        .post(
            &format!("/authoring/{id}/edit"),
            &[
                ("op", "add-module"),
                ("title", "One"),
                ("revision", &revision(&p)),
            ],
        )
        .await;
    let l = author
        .post(
            &format!("/authoring/{id}/edit"),
            &[
                ("op", "add-lesson"),
                ("module", "0"),
                ("title", "First"),
                ("revision", &revision(&p)),
            ],
        )
        .await;
    let lesson = l.path.clone();

    // Another author (the programme admin) and an educator: not theirs.
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    for path in [format!("/authoring/{id}/edit"), lesson.clone()] {
        assert_eq!(admin.get(&path).await.status, 404, "{path}");
        assert_eq!(educator.get(&path).await.status, 403, "{path}");
        let r = admin
            .post(
                &path,
                &[
                    ("op", "add-module"),
                    ("title", "Mine"),
                    ("revision", &revision(&l)),
                ],
            )
            .await;
        assert_eq!(r.status, 404, "{path}");
    }
    let admin_token = token_for(&app, s.email("admin")).await;
    let educator_token = token_for(&app, s.email("educator")).await;
    let token = token_for(&app, s.email("author")).await;
    let path = format!("/api/v1/drafts/{id}");
    let (status, _) = call(&app, Method::GET, &path, Some(&educator_token), None).await;
    assert_eq!(status, 403);
    let (status, _) = call(&app, Method::GET, &path, Some(&admin_token), None).await;
    assert_eq!(status, 404);
    let d = document(&app, &token, id).await;
    let body = json!({ "document": d["document"], "revision": d["revision"] });
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        Some(&admin_token),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 404);

    // The author replaces the file; the same replacement again is stale.
    let mut file: Value = serde_json::from_str(d["document"].as_str().unwrap()).unwrap();
    file["summary"] = json!("Prompts that help.");
    let body = json!({ "document": file.to_string(), "revision": d["revision"] });
    let (status, put) = call(&app, Method::PUT, &path, Some(&token), Some(body.clone())).await;
    assert_eq!(status, 200, "{put}");
    assert_eq!(put["revision"], json!(d["revision"].as_i64().unwrap() + 1));
    assert!(
        put["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().contains("licence")),
        "{put}"
    );
    let (status, stale) = call(&app, Method::PUT, &path, Some(&token), Some(body)).await;
    assert_eq!(status, 422);
    assert_eq!(
        stale["error"]["fields"][0]["code"], "draft-changed",
        "{stale}"
    );
    // And the lesson page opened before it is stale too, losing nothing typed.
    let r = author
        .post(
            &lesson,
            &[
                ("op", "save"),
                ("lesson-title", "First, renamed"),
                ("markdown", "Kept."),
                ("revision", &revision(&l)),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("This draft was saved from another page")
        .expect("First, renamed")
        .expect("Kept.");
    assert_eq!(
        document(&app, &token, id).await["revision"],
        put["revision"]
    );
}
