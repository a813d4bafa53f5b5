//! Classroom practices: an educator writes one (every mistake named by its
//! field, script in the steps refused), submits it; a curator returns it
//! with comments, then publishes it (its discussion topic opens); others
//! see it, download its material, follow it; its next version is written,
//! reviewed with what changed, published, and the first stays readable. A
//! stale save is refused with nothing lost; nobody publishes their own; a
//! curator outside the owner's subtree finds nothing; two curators deciding
//! at once — one wins. The API does the same with the same errors.

use super::api::{call, token_for};
use lyceum_db::{memberships, orgs};
use lyceum_domain::role::Role;
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn good_form() -> Form {
    Form::new()
        .text("revision", "0")
        .text("language", "en")
        .text("title", "Three Lexile levels, one reading passage")
        .text(
            "summary",
            "The teacher drafts one passage at three reading levels with AI and checks each.",
        )
        .text(
            "goal",
            "Every student reads the same science content at their level.",
        )
        .text("subjects", "science")
        .text("subjects", "ela")
        .text("grade_bands", "3-5")
        .text("tools", "A school chatbot account")
        .text(
            "steps",
            "1. Ask for the passage at three levels.\n2. **Read** each one yourself.",
        )
        .text("minutes", "45")
        .text("materials_count", "2")
        .text("materials-1-title", "The prompt we used")
        .text("materials-1-url", "")
        .text("materials-1-licence", "CC BY 4.0")
        .part(
            "materials-1-file",
            Part::bytes(PDF.to_vec())
                .file_name("prompt.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("materials-2-title", "")
        .text("materials-2-url", "")
        .text("materials-2-licence", "")
        .text("licence", "cc-by")
}

fn practice_id(path: &str) -> i64 {
    path.split("/practices/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no practice in {path}"))
}

/// A practice's content for the API.
fn content(title: &str) -> Value {
    json!({
        "language": "en",
        "title": title,
        "summary": "Students check a chatbot's answer about their town's history against two sources.",
        "goal": "Students verify claims before they trust them.",
        "subjects": ["social-studies"],
        "grade_bands": ["6-8"],
        "competencies": [],
        "tools": "Any chatbot",
        "steps": "1. Ask the chatbot.\n2. Check two sources.",
        "materials": [{"title": "Checklist", "url": "https://example.org/checklist", "licence": "CC0"}],
        "minutes": 50,
        "licence": "cc-by-sa"
    })
}

/// The draft's revision a curator's review page shows (its forms send it).
async fn revision_read(curator: &Browser, page: &str) -> String {
    curator
        .get(&format!("{page}/review"))
        .await
        .input_value("revision")
        .expect("the review's revision")
}

async fn give_role(
    app: &TestApp,
    user: lyceum_domain::UserId,
    org: lyceum_domain::OrgId,
    role: Role,
) {
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let row = orgs::get(c, org)?;
            memberships::add(c, user, &row, role, now)
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn library_practice_written_returned_published_followed_and_versioned() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;

    educator
        .get("/practices/new")
        .await
        .expect("Share a classroom practice")
        .expect("Lincoln Elementary")
        .expect("name=\"materials-1-file\"");

    // Every mistake named by its field; nothing saved.
    let bad = Form::new()
        .text("language", "en")
        .text("title", "")
        .text("summary", "")
        .text("goal", "")
        .text("steps", "Do this.\n\n<script>alert(1)</script>")
        .text("minutes", "0")
        .text("materials_count", "1")
        .text("materials-1-title", "Bad link")
        .text("materials-1-url", "ftp://example.org/x")
        .text("materials-1-licence", "CC0");
    let r = educator.post_multipart("/practices/new", bad).await;
    assert_eq!(r.status, 422, "{}", r.body);
    for field in [
        "title",
        "summary",
        "goal",
        "subjects",
        "grade_bands",
        "steps",
        "minutes",
        "materials-1-url",
    ] {
        r.expect(&format!("href=\"#f-{field}\""));
    }
    r.expect("The steps contain a script")
        .expect("Choose at least one subject.");
    // A file that is not a PDF, PNG or JPEG is refused by its bytes.
    let fake = good_form().part(
        "materials-2-file",
        Part::bytes(b"MZ\x90\x00 not a pdf".to_vec()).file_name("x.pdf"),
    );
    let fake = fake.text("materials-2-title", "Looks like a PDF");
    let r = educator.post_multipart("/practices/new", fake).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("href=\"#f-materials-2-file\"");
    let mine = call(&app, Method::GET, "/api/v1/me/practices", None, None).await;
    assert_eq!(mine.0, 401);
    let t = token_for(&app, s.email("educator")).await;
    let (_, list) = call(&app, Method::GET, "/api/v1/me/practices", Some(&t), None).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        0,
        "nothing half-saved: {list}"
    );

    // Saved with its file: the editor opens again.
    let r = educator.post_multipart("/practices/new", good_form()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect("Your draft was saved.");
    let id = practice_id(&r.path);
    let page = format!("/practices/{id}");

    // Nobody else sees it before it is published.
    let other = app.browser();
    other.sign_in(s.email("facilitator"), PASSWORD).await;
    assert_eq!(other.get(&page).await.status, 404);

    let r = educator.post(&format!("{page}/submit"), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    educator
        .get("/practices/mine")
        .await
        .expect("Three Lexile levels, one reading passage")
        .expect("Waiting for review");

    // Taken back from review (a typo seen too late): a draft again, out of
    // the curators' queue; a second try says it is not waiting; and sent
    // again. Nobody else may take it back.
    let r = other.post(&format!("{page}/withdraw"), &[]).await;
    assert_eq!(r.status, 404, "{}", r.body);
    let r = educator.post(&format!("{page}/withdraw"), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect("Your practice is a draft again")
        .expect("Submit for review");
    let curator = app.browser();
    curator.sign_in(s.email("admin"), PASSWORD).await;
    assert!(
        !curator
            .get("/practices/review")
            .await
            .contains("Three Lexile levels, one reading passage")
    );
    educator
        .post(&format!("{page}/withdraw"), &[])
        .await
        .expect("no longer waiting for review");
    let r = educator.post(&format!("{page}/submit"), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);

    // The educator curates nowhere.
    assert_eq!(educator.get("/practices/review").await.status, 403);

    // The programme admin finds it, returns it — comments required. (The
    // admin reads Spanish: the English title is marked as English.)
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    admin.get("/practices/review").await.expect(&format!(
        "<a href=\"{page}/review\" lang=\"en\">Three Lexile levels, one reading passage</a>"
    ));
    let read = revision_read(&admin, &page).await;
    let r = admin
        .post(
            &format!("{page}/return"),
            &[("comments", " "), ("revision", read.as_str())],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("href=\"#f-comments\"");
    let r = admin
        .post(
            &format!("{page}/return"),
            &[
                ("comments", "Say which grade the sample passage is for."),
                ("revision", read.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    educator
        .get("/practices/mine")
        .await
        .expect("Returned with comments")
        .expect("Say which grade the sample passage is for.");

    // Edited and submitted again; published by the admin.
    let edit = educator.get(&format!("{page}/edit")).await;
    let revision = edit.input_value("revision").unwrap();
    let file_id = edit
        .input_value("materials-1-file_id")
        .expect("the kept file");
    let again = good_form()
        .text("revision", revision)
        .text("materials-1-file_id", file_id.clone());
    // (the form above re-sends the file too: a new upload replaces it)
    let r = educator
        .post_multipart(&format!("{page}/edit"), again)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    educator.post(&format!("{page}/submit"), &[]).await;
    let read = revision_read(&admin, &page).await;
    let r = admin
        .post(&format!("{page}/publish"), &[("revision", read.as_str())])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    // Others see it now, with its material, licence, discussion and trials link.
    let shown = other.get(&page).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    shown
        .expect("Version 1")
        .expect("Read</strong> each one yourself")
        .expect("https://creativecommons.org/licenses/by/4.0/")
        .expect("The prompt we used")
        .expect(&format!("/practices/{id}/trials/new"))
        .expect("Discuss it with colleagues");
    let topic = shown
        .body
        .split("href=\"/topics/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a topic link")
        .to_string();
    other
        .get(&format!("/topics/{topic}"))
        .await
        .expect(&format!("/practices/{id}"));
    let file_href = shown
        .body
        .split(&format!("/practices/{id}/files/"))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a file link")
        .to_string();
    let download = other
        .request(Method::GET, &format!("/practices/{id}/files/{file_href}"))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // Following.
    let r = other.post(&format!("{page}/follow"), &[]).await;
    r.expect("You follow this practice now.");
    let r = other.post(&format!("{page}/unfollow"), &[]).await;
    r.expect("Follow this practice");

    // The next version: started from the current one, reviewed with what changed.
    let edit = educator.get(&format!("{page}/edit")).await;
    edit.expect("You are writing version 2");
    assert_eq!(edit.input_value("revision").as_deref(), Some("0"));
    let file_id = edit.input_value("materials-1-file_id").unwrap();
    // A file added to the next version's draft, then taken out again, is
    // the author's alone: never served to readers, whose page links only
    // the published versions' files.
    let private = Form::new()
        .text("revision", "0")
        .text("language", "en")
        .text("title", "Three Lexile levels, one reading passage")
        .text("summary", "One passage at three reading levels.")
        .text("goal", "Every student reads the same content.")
        .text("subjects", "science")
        .text("grade_bands", "3-5")
        .text("steps", "1. Ask for the passage.")
        .text("minutes", "45")
        .text("materials_count", "2")
        .text("materials-1-title", "The prompt we used")
        .text("materials-1-licence", "CC BY 4.0")
        .text("materials-1-file_id", file_id.clone())
        .text("materials-2-title", "My class's answers, names and all")
        .text("materials-2-licence", "CC BY 4.0")
        .part(
            "materials-2-file",
            Part::bytes(PDF.to_vec())
                .file_name("answers.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("licence", "cc-by");
    let r = educator
        .post_multipart(&format!("{page}/edit"), private)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let edit = educator.get(&format!("{page}/edit")).await;
    let private_file = edit
        .input_value("materials-2-file_id")
        .expect("the draft's new file");
    assert_ne!(private_file, file_id);
    let fetch = |who: &Browser, file: String| {
        let req = who.request(Method::GET, &format!("/practices/{id}/files/{file}"));
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(fetch(&educator, private_file.clone()).await, 200);
    assert_eq!(fetch(&other, private_file.clone()).await, 404);
    assert_eq!(fetch(&other, file_id.clone()).await, 200);
    let revision = edit.input_value("revision").unwrap();
    let next = Form::new()
        .text("revision", revision)
        .text("language", "en")
        .text("title", "Three Lexile levels, one reading passage")
        .text(
            "summary",
            "The teacher drafts one passage at three reading levels with AI and checks each.",
        )
        .text(
            "goal",
            "Every student reads the same science content at their level.",
        )
        .text("subjects", "science")
        .text("grade_bands", "3-5")
        .text(
            "steps",
            "1. Ask for the passage.\n2. Read each one.\n3. Fix what is wrong.",
        )
        .text("minutes", "50")
        .text("materials_count", "1")
        .text("materials-1-title", "The prompt we used")
        .text("materials-1-licence", "CC BY 4.0")
        .text("materials-1-file_id", file_id)
        .text("licence", "cc-by");
    let r = educator.post_multipart(&format!("{page}/edit"), next).await;
    assert_eq!(r.status, 200, "{}", r.body);
    educator.post(&format!("{page}/submit"), &[]).await;
    // Readers still see version 1.
    other.get(&page).await.expect("Version 1");
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    author
        .get(&format!("{page}/review"))
        .await
        .expect("What changes in version 2")
        .expect("Fix what is wrong.")
        // Named as the page names them, never by their codes.
        .expect("Science, English language arts")
        .expect("45 minutes");
    let read = revision_read(&author, &page).await;
    let r = author
        .post(&format!("{page}/publish"), &[("revision", read.as_str())])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    other.get(&page).await.expect("Version 2");
    assert_eq!(fetch(&other, private_file).await, 404);
    other
        .get(&format!("{page}/versions/1"))
        .await
        .expect("This is an earlier version.")
        .expect("45 minutes");
    assert_eq!(other.get(&format!("{page}/versions/3")).await.status, 404);

    // The author was told of each decision; a curator of submitting.
    let told: i64 = app
        .db
        .read(move |c| {
            use diesel::prelude::*;
            use lyceum_db::schema::notifications;
            Ok(notifications::table
                .filter(notifications::kind.like("practice-%"))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert!(told >= 5, "notifications: {told}");

    // My practices in Spanish: the English title is marked as English.
    educator
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    educator.get("/practices/mine").await.expect(&format!(
        "<a href=\"{page}\" lang=\"en\">Three Lexile levels, one reading passage</a>"
    ));
}

#[tokio::test]
async fn library_practice_stale_save_is_refused_with_the_text_kept() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let r = educator.post_multipart("/practices/new", good_form()).await;
    let id = practice_id(&r.path);
    let edit = format!("/practices/{id}/edit");
    let opened = educator.get(&edit).await.input_value("revision").unwrap();
    // Another tab saves first.
    let first = good_form()
        .text("revision", opened.clone())
        .text("title", "Saved in the other tab");
    assert_eq!(educator.post_multipart(&edit, first).await.status, 200);
    // This one is refused; what was typed is still on the form.
    let second = good_form()
        .text("revision", opened)
        .text("title", "Typed in this tab");
    let r = educator.post_multipart(&edit, second).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("href=\"#f-revision\"").expect("Typed in this tab");
    let t = token_for(&app, s.email("educator")).await;
    let (_, d) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{id}/draft"),
        Some(&t),
        None,
    )
    .await;
    assert_eq!(d["content"]["title"], "Saved in the other tab");
    // Saving again from the refused form replaces it, knowingly.
    let again = good_form()
        .text("revision", r.input_value("revision").unwrap())
        .text("title", "Typed in this tab");
    assert_eq!(educator.post_multipart(&edit, again).await.status, 200);
}

#[tokio::test]
async fn library_practice_nobody_publishes_their_own_nor_outside_their_subtree_and_one_of_two_wins()
{
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = token_for(&app, s.email("author")).await;
    let admin = token_for(&app, s.email("admin")).await;
    let educator = token_for(&app, s.email("educator")).await;

    // Bad input over the API: named the same way.
    let mut bad = content("");
    bad["steps"] = json!("[x](javascript:alert(1))");
    bad["minutes"] = json!(601);
    let (st, body) = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        Some(&educator),
        Some(json!({"content": bad})),
    )
    .await;
    assert_eq!(st, 422, "{body}");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["field"].as_str()).collect())
        .unwrap_or_default();
    for f in ["title", "steps", "minutes"] {
        assert!(fields.contains(&f), "{body}");
    }

    // An author who curates at the root writes one: never theirs to publish.
    let (st, started) = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        Some(&author),
        Some(json!({"org_id": s.root.0, "content": content("Fact-checking a chatbot")})),
    )
    .await;
    assert_eq!(st, 201, "{started}");
    let own = started["id"].as_i64().unwrap();
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{own}/submit"),
        Some(&author),
        None,
    )
    .await;
    assert_eq!(st, 204);
    let (_, queue) = call(
        &app,
        Method::GET,
        "/api/v1/practices/review",
        Some(&author),
        None,
    )
    .await;
    assert!(
        queue.as_array().unwrap().iter().all(|w| w["id"] != own),
        "{queue}"
    );
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{own}/publish"),
        Some(&author),
        Some(json!({"revision": 1})),
    )
    .await;
    assert_eq!(st, 403);
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    b.get(&format!("/practices/{own}/review"))
        .await
        .expect("You wrote this practice");

    // The educator's practice (School A): an author of the Local (another
    // subtree) neither sees nor decides it.
    give_role(&app, s.user("ladmin"), s.local, Role::Author).await;
    let ladmin = token_for(&app, s.email("ladmin")).await;
    let (_, started) = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        Some(&educator),
        Some(json!({"content": content("Prompt journals")})),
    )
    .await;
    let theirs = started["id"].as_i64().unwrap();
    call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{theirs}/submit"),
        Some(&educator),
        None,
    )
    .await;
    let (st, queue) = call(
        &app,
        Method::GET,
        "/api/v1/practices/review",
        Some(&ladmin),
        None,
    )
    .await;
    assert_eq!(st, 200);
    assert!(queue.as_array().unwrap().is_empty(), "{queue}");
    for path in [
        format!("/api/v1/practices/{theirs}"),
        format!("/api/v1/practices/{theirs}/draft"),
    ] {
        assert_eq!(
            call(&app, Method::GET, &path, Some(&ladmin), None).await.0,
            404
        );
    }
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{theirs}/publish"),
        Some(&ladmin),
        Some(json!({"revision": 1})),
    )
    .await;
    assert_eq!(st, 404);
    assert_eq!(
        call(
            &app,
            Method::GET,
            &format!("/api/v1/practices/{theirs}/review"),
            Some(&ladmin),
            None
        )
        .await
        .0,
        404
    );
    // Someone else's draft: not the reader's to edit.
    let (st, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{own}/draft"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(st, 403);

    // Two curators at once: one publishes, the other is told it was decided.
    let (st, read) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{theirs}/review"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(st, 200, "{read}");
    let seen = json!({"revision": read["revision"]});
    let p1 = format!("/api/v1/practices/{theirs}/publish");
    let (a, b2) = tokio::join!(
        call(&app, Method::POST, &p1, Some(&admin), Some(seen.clone())),
        call(&app, Method::POST, &p1, Some(&author), Some(seen.clone())),
    );
    let mut statuses = [a.0, b2.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 422], "{a:?} {b2:?}");
    let refused = if a.0 == 422 { a.1 } else { b2.1 };
    assert!(refused.to_string().contains("already-decided"), "{refused}");
    let (_, shown) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{theirs}"),
        Some(&ladmin),
        None,
    )
    .await;
    assert_eq!(shown["current_version"], 1, "{shown}");
    assert!(shown["topic"].is_string(), "{shown}");

    // The API's draft, stale saves and follows.
    let (_, d) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{theirs}/draft"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(d["revision"], 0, "{d}");
    let put = |rev: i64| json!({"revision": rev, "content": content("Prompt journals, revised")});
    let path = format!("/api/v1/practices/{theirs}/draft");
    let (st, saved) = call(&app, Method::PUT, &path, Some(&educator), Some(put(0))).await;
    assert_eq!(st, 200, "{saved}");
    // Version 2's draft counts on from version 1's: the revision the
    // curators read of that never names this one.
    assert!(
        saved["revision"].as_i64().unwrap() > read["revision"].as_i64().unwrap(),
        "{saved} {read}"
    );
    let (st, stale) = call(&app, Method::PUT, &path, Some(&educator), Some(put(0))).await;
    assert_eq!(st, 422);
    assert!(stale.to_string().contains("revision"), "{stale}");

    // Its next version waits for review. The Local's curator sees the
    // published practice but curates elsewhere: refused its review (403),
    // on the API and the page, as they were refused it, unseen (404),
    // before it was published.
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{theirs}/submit"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 204);
    let (st, body) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{theirs}/review"),
        Some(&ladmin),
        None,
    )
    .await;
    assert_eq!(st, 403, "{body}");
    let local = app.browser();
    local.sign_in(s.email("ladmin"), PASSWORD).await;
    assert_eq!(
        local
            .get(&format!("/practices/{theirs}/review"))
            .await
            .status,
        403
    );
    let (_, queue) = call(
        &app,
        Method::GET,
        "/api/v1/practices/review",
        Some(&ladmin),
        None,
    )
    .await;
    assert!(queue.as_array().unwrap().is_empty(), "{queue}");
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/practices/{theirs}/withdraw"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 204);
    let follow = format!("/api/v1/practices/{theirs}/follow");
    assert_eq!(
        call(&app, Method::PUT, &follow, Some(&ladmin), None)
            .await
            .0,
        204
    );
    assert_eq!(
        call(&app, Method::PUT, &follow, Some(&ladmin), None)
            .await
            .0,
        204
    );
    let (_, shown) = call(
        &app,
        Method::GET,
        &format!("/api/v1/practices/{theirs}"),
        Some(&ladmin),
        None,
    )
    .await;
    assert_eq!(shown["following"], true);
    assert_eq!(
        call(&app, Method::DELETE, &follow, Some(&ladmin), None)
            .await
            .0,
        204
    );
    // An unpublished practice cannot be followed by anyone who cannot see it.
    assert_eq!(
        call(
            &app,
            Method::PUT,
            &format!("/api/v1/practices/{own}/follow"),
            Some(&ladmin),
            None
        )
        .await
        .0,
        404
    );
    let (_, mine) = call(
        &app,
        Method::GET,
        "/api/v1/me/practices",
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(mine[0]["draft_status"], "draft", "{mine}");
}

#[tokio::test]
async fn library_practice_publishes_only_the_draft_the_curator_read() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = token_for(&app, s.email("educator")).await;
    let admin = token_for(&app, s.email("admin")).await;
    let (st, started) = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        Some(&educator),
        Some(json!({"content": content("Checking a chatbot's sources")})),
    )
    .await;
    assert_eq!(st, 201, "{started}");
    let id = started["id"].as_i64().unwrap();
    let api = format!("/api/v1/practices/{id}");
    let page = format!("/practices/{id}");
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("{api}/submit"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 204);
    // The revision the curator reads (the author's draft as submitted).
    let (_, d) = call(
        &app,
        Method::GET,
        &format!("{api}/draft"),
        Some(&educator),
        None,
    )
    .await;
    let read = d["revision"].as_i64().unwrap();

    // The curator opens the review, and leaves the tab open.
    let curator = app.browser();
    curator.sign_in(s.email("admin"), PASSWORD).await;
    let opened = curator.get(&format!("{page}/review")).await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    opened.expect("Check two sources.");

    // Meanwhile the author takes it back, rewrites the steps and sends it again.
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("{api}/withdraw"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 204);
    let mut changed = content("Checking a chatbot's sources");
    changed["steps"] =
        json!("1. Ask the chatbot.\n2. Install [this helper](https://unsafe.example.net/helper).");
    let (st, saved) = call(
        &app,
        Method::PUT,
        &format!("{api}/draft"),
        Some(&educator),
        Some(json!({"revision": read, "content": changed})),
    )
    .await;
    assert_eq!(st, 200, "{saved}");
    let (st, _) = call(
        &app,
        Method::POST,
        &format!("{api}/submit"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 204);

    // Publish from the stale page: refused, the current draft shown with
    // the reason at the top; nothing published.
    let stale = read.to_string();
    let r = curator
        .post(&format!("{page}/publish"), &[("revision", stale.as_str())])
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("href=\"#f-revision\"")
        .expect("changed since you opened it")
        .expect("https://unsafe.example.net/helper");
    let fresh = r.input_value("revision").expect("the current revision");
    assert_ne!(fresh, stale);
    assert_eq!(opened.input_value("revision"), Some(stale.clone()));
    // Returning from the stale page is refused the same way.
    let r = curator
        .post(
            &format!("{page}/return"),
            &[("revision", stale.as_str()), ("comments", "Looks fine.")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("changed since you opened it");

    // Over the API too, for publishing and returning.
    let (st, body) = call(
        &app,
        Method::POST,
        &format!("{api}/publish"),
        Some(&admin),
        Some(json!({"revision": read})),
    )
    .await;
    assert_eq!(st, 422, "{body}");
    assert!(
        body.to_string().contains("practice-changed-since-read"),
        "{body}"
    );
    let (st, body) = call(
        &app,
        Method::POST,
        &format!("{api}/return"),
        Some(&admin),
        Some(json!({"revision": read, "comments": "Looks fine."})),
    )
    .await;
    assert_eq!(st, 422, "{body}");
    assert!(
        body.to_string().contains("practice-changed-since-read"),
        "{body}"
    );
    let (_, shown) = call(&app, Method::GET, &api, Some(&educator), None).await;
    assert_eq!(shown["current_version"], 0, "{shown}");
    assert_eq!(shown["draft_status"], "submitted", "{shown}");

    // The API curator reads the submitted draft; its author, someone who
    // cannot see it, and an unknown practice are refused.
    let (st, review) = call(
        &app,
        Method::GET,
        &format!("{api}/review"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(st, 200, "{review}");
    assert_eq!(review["revision"].to_string(), fresh, "{review}");
    assert_eq!(review["status"], "submitted");
    assert_eq!(review["next_version"], 1);
    assert!(
        review["content"]["steps"]
            .as_str()
            .unwrap()
            .contains("https://unsafe.example.net/helper"),
        "{review}"
    );
    assert!(review["author"].is_string(), "{review}");
    assert!(review["owner"].is_string(), "{review}");
    let (st, _) = call(
        &app,
        Method::GET,
        &format!("{api}/review"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(st, 403);
    let facilitator = token_for(&app, s.email("facilitator")).await;
    let (st, _) = call(
        &app,
        Method::GET,
        &format!("{api}/review"),
        Some(&facilitator),
        None,
    )
    .await;
    assert_eq!(st, 404);
    let (st, _) = call(
        &app,
        Method::GET,
        "/api/v1/practices/999999/review",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(st, 404);

    // With the revision read, it publishes.
    let (st, body) = call(
        &app,
        Method::POST,
        &format!("{api}/publish"),
        Some(&admin),
        Some(json!({"revision": review["revision"]})),
    )
    .await;
    assert_eq!(st, 200, "{body}");
    assert_eq!(body["version"], 1);
}
