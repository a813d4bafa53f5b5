//! The resource library end to end over HTTP, on whichever backend the run
//! uses: files recognised by their bytes (a renamed one and a too-big one
//! refused on `file`), links checked, search and facets with counts,
//! ratings changed and counted exactly under concurrent ratings, comments,
//! featuring (never one's own; not by those who do not curate), the
//! download's headers, and linking from a practice.

use crate::api::{call_as as api, token_for};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Licence, PracticeContent};
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

fn link_body(org: i64, title: &str, description: &str, url: &str) -> Value {
    json!({
        "org_id": org, "title": title, "description": description,
        "kind": "guidance", "language": "en", "subjects": ["math"],
        "grade_bands": ["6-8"], "url": url
    })
}

/// A competency of the default framework, by its id.
const HUMAN_AGENCY: &str = "unesco-ai-cft-2024/human-agency";

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec()
}

fn upload_form(org: i64, name: &str, bytes: Vec<u8>) -> Form {
    Form::new()
        .text("org", org.to_string())
        .text("title", "Exit-ticket prompt template")
        .text(
            "description",
            "A prompt that turns three exit tickets into next-day groups.",
        )
        .text("kind", "prompt_template")
        .text("language", "en")
        .text("subjects", "science")
        .text("competencies", HUMAN_AGENCY)
        .part("file", Part::bytes(bytes).file_name(name.to_string()))
}

#[tokio::test]
async fn library_resources_files_links_search_ratings_comments_and_featuring() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let root = s.root.0;
    let author = token_for(&app, s.email("author")).await;
    let admin = token_for(&app, s.email("admin")).await;
    let educator = token_for(&app, s.email("educator")).await;

    // A link, by an author; a bad link is refused on `url`; an educator
    // (who curates nowhere) may not add one.
    let mut body = link_body(
        root,
        "AI and the Future of Teaching and Learning",
        "The U.S. Department of Education's report on AI in schools.",
        "https://www.ed.gov/ai",
    );
    body["competencies"] = json!([HUMAN_AGENCY]);
    let (st, v) = api(&app, Method::POST, "/api/v1/resources", &author, Some(body)).await;
    assert_eq!(st, 201, "{v}");
    let report = v["id"].as_i64().unwrap();
    let (st, v) = api(
        &app,
        Method::POST,
        "/api/v1/resources",
        &author,
        Some(link_body(root, "Bad", "Bad link.", "javascript:alert(1)")),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(v["error"]["fields"][0]["field"], "url", "{v}");
    let (st, _) = api(
        &app,
        Method::POST,
        "/api/v1/resources",
        &educator,
        Some(link_body(root, "Mine", "Mine.", "https://example.org")),
    )
    .await;
    assert_eq!(st, 403);

    // Files on the page: a PDF is taken; the same bytes named .docx are
    // refused on `file`, as is a file over 10 MB.
    let b = Browser::new(&app.url);
    b.sign_in(s.email("author"), PASSWORD).await;
    // The framework's competencies are boxes to tick, by name.
    let form = b.get("/resources/new").await;
    form.expect(&format!(
        "type=\"checkbox\" name=\"competencies\" value=\"{HUMAN_AGENCY}\""
    ))
    .expect("Human agency</label>");
    let page = b
        .post_multipart(
            "/resources/new",
            upload_form(root, "exit-tickets.pdf", pdf()),
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("Exit-ticket prompt template")
        .expect("Download exit-tickets.pdf")
        .expect("Human agency");
    let file_id: i64 = page.path.trim_start_matches("/resources/").parse().unwrap();
    let page = b
        .post_multipart(
            "/resources/new",
            upload_form(root, "exit-tickets.docx", pdf()),
        )
        .await;
    assert_eq!(page.status, 422);
    page.expect("The file is not what its name says")
        .expect("href=\"#f-file\"");
    let mut big = pdf();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let page = b
        .post_multipart("/resources/new", upload_form(root, "big.pdf", big))
        .await;
    assert_eq!(page.status, 422);
    page.expect("The file is larger than 10 MB");

    // The download: an attachment of the stored type, never sniffed.
    let r = b
        .request(Method::GET, &format!("/resources/{file_id}/file"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf().as_slice());

    // Search (both backends' full text) and facets with counts.
    let (st, v) = api(
        &app,
        Method::GET,
        "/api/v1/resources?q=teaching",
        &educator,
        None,
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["items"][0]["id"], report);
    let (_, v) = api(
        &app,
        Method::GET,
        "/api/v1/resources?q=tickets",
        &educator,
        None,
    )
    .await;
    assert_eq!(v["items"][0]["id"], file_id, "{v}");
    let (_, v) = api(&app, Method::GET, "/api/v1/resources", &educator, None).await;
    assert_eq!(v["total"], 2);
    assert_eq!(v["facets"]["kind"]["guidance"], 1);
    assert_eq!(v["facets"]["subject"]["science"], 1);
    let (_, v) = api(
        &app,
        Method::GET,
        "/api/v1/resources?subject=math",
        &educator,
        None,
    )
    .await;
    assert_eq!(v["total"], 1);
    let (_, v) = api(
        &app,
        Method::GET,
        "/api/v1/resources?language=es",
        &educator,
        None,
    )
    .await;
    assert_eq!(v["total"], 0);
    let page = b.get("/resources?kind=prompt_template").await;
    page.expect("Exit-ticket prompt template")
        .expect("1 resource");
    assert!(!page.contains("Future of Teaching"));
    // Competencies are named, on the list's facet and on the resource's
    // page, in the reader's language — never by their ids.
    // (The report, and the file added on the page with its box ticked.)
    b.get("/resources").await.expect("\">Human agency (2)</a>");
    let page = b.get(&format!("/resources/{report}")).await;
    page.expect("<li class=\"tag\">Human agency</li>");
    assert!(!page.contains(HUMAN_AGENCY), "{}", page.body);
    let es = Browser::new(&app.url);
    es.sign_in(s.email("moderator"), PASSWORD).await;
    es.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    es.get(&format!("/resources/{report}"))
        .await
        .expect("<li class=\"tag\">Agencia humana</li>");
    // (The choice is kept with the account: back to English for the API below.)
    es.post("/language", &[("lang", "en"), ("return_to", "/")])
        .await;

    // Ratings: one a person, changeable; concurrent ratings counted exactly.
    let path = format!("/api/v1/resources/{report}/rating");
    assert_eq!(
        api(
            &app,
            Method::PUT,
            &path,
            &educator,
            Some(json!({"stars": 2}))
        )
        .await
        .0,
        204
    );
    assert_eq!(
        api(
            &app,
            Method::PUT,
            &path,
            &educator,
            Some(json!({"stars": 4}))
        )
        .await
        .0,
        204
    );
    assert_eq!(
        api(
            &app,
            Method::PUT,
            &path,
            &educator,
            Some(json!({"stars": 6}))
        )
        .await
        .0,
        422
    );
    // Its author may not rate it (nobody decides their own case).
    let (st, v) = api(&app, Method::PUT, &path, &author, Some(json!({"stars": 5}))).await;
    assert_eq!(
        (st, v["error"]["fields"][0]["field"].as_str()),
        (422, Some("stars")),
        "{v}"
    );
    let mut tokens = Vec::new();
    for who in [
        "admin",
        "researcher",
        "dadmin",
        "ladmin",
        "moderator",
        "facilitator",
    ] {
        tokens.push(token_for(&app, s.email(who)).await);
    }
    let mut tasks = Vec::new();
    for t in tokens.clone() {
        let url = format!("{}{path}", app.url);
        tasks.push(tokio::spawn(async move {
            reqwest::Client::new()
                .put(url)
                .bearer_auth(t)
                .json(&json!({"stars": 5}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 204);
    }
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/resources/{report}"),
        &educator,
        None,
    )
    .await;
    assert_eq!(v["rating_count"], 7, "{v}");
    // (4 + 6 × 5) / 7 = 4.857…
    assert_eq!(v["rating"], 4.9);
    assert_eq!(v["your_rating"], 4);

    // Comments: sanitised Markdown; empty refused on `body`; a curator hides one.
    let cpath = format!("/api/v1/resources/{report}/comments");
    let (st, v) = api(
        &app,
        Method::POST,
        &cpath,
        &educator,
        Some(json!({"body": "Used **section 4** with my team. <script>alert(1)</script>"})),
    )
    .await;
    assert_eq!(st, 201);
    let comment = v["id"].as_i64().unwrap();
    let (st, v) = api(
        &app,
        Method::POST,
        &cpath,
        &educator,
        Some(json!({"body": "  "})),
    )
    .await;
    assert_eq!(
        (st, v["error"]["fields"][0]["field"].as_str()),
        (422, Some("body"))
    );
    let page = b.get(&format!("/resources/{report}")).await;
    page.expect("<strong>section 4</strong>");
    assert!(!page.contains("<script>alert"));
    // The educator's personal data holds their rating and their comment;
    // the author's, the resources they added.
    let area = |who: lyceum_domain::UserId| {
        let db = app.db.clone();
        async move {
            db.read(move |c| {
                let row = lyceum_db::users::by_id(c, who)?.unwrap();
                lyceum_db::personal_data::gather(c, &row, lyceum_domain::Timestamp::from_micros(0))
            })
            .await
            .unwrap()
            .areas
            .into_iter()
            .find(|(a, _)| *a == "resources")
            .expect("the resources area")
            .1
        }
    };
    let mine = area(s.user("educator")).await;
    assert_eq!(mine["ratings"][0]["stars"], 4, "{mine}");
    assert!(
        mine["comments"][0]["body"]
            .as_str()
            .is_some_and(|b| b.contains("section 4")),
        "{mine}"
    );
    let added = area(s.user("author")).await;
    assert!(
        added["added"]
            .as_array()
            .is_some_and(|a| a.iter().any(|r| r["id"] == report)),
        "{added}"
    );
    let hide = format!("/resources/{report}/comments/{comment}/hide");
    let eb = Browser::new(&app.url);
    eb.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(eb.post(&hide, &[]).await.status, 403);
    // Nor its author, who would silence criticism of their own resource.
    assert_eq!(b.post(&hide, &[]).await.status, 403);
    let ab = Browser::new(&app.url);
    ab.sign_in(s.email("admin"), PASSWORD).await;
    assert_eq!(ab.post(&hide, &[]).await.status, 200);
    let (_, v) = api(&app, Method::GET, &cpath, &educator, None).await;
    assert_eq!(v.as_array().unwrap().len(), 0);

    // Featuring: never one's own (the author added it); not by someone
    // who curates nowhere, nor by an organisation admin who is not a
    // curator; a programme admin may, and it comes first.
    let fpath = format!("/api/v1/resources/{file_id}/feature");
    assert_eq!(api(&app, Method::PUT, &fpath, &author, None).await.0, 403);
    assert_eq!(api(&app, Method::PUT, &fpath, &educator, None).await.0, 403);
    let dadmin = token_for(&app, s.email("dadmin")).await;
    assert_eq!(api(&app, Method::PUT, &fpath, &dadmin, None).await.0, 403);
    assert_eq!(api(&app, Method::PUT, &fpath, &admin, None).await.0, 204);
    let (_, v) = api(&app, Method::GET, "/api/v1/resources", &educator, None).await;
    assert_eq!(v["items"][0]["id"], file_id);
    assert_eq!(v["items"][0]["featured"], true);
    assert_eq!(api(&app, Method::DELETE, &fpath, &admin, None).await.0, 204);
    let (_, v) = api(&app, Method::GET, "/api/v1/resources", &educator, None).await;
    assert_eq!(v["items"][0]["featured"], false);

    // Spanish: the list speaks the reader's language.
    let (st, _) = api(
        &app,
        Method::GET,
        "/api/v1/resources/999999",
        &educator,
        None,
    )
    .await;
    assert_eq!(st, 404);
    let _ = Lang::Es;
}

#[tokio::test]
async fn library_resources_are_linked_from_a_practice_by_its_author_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = token_for(&app, s.email("author")).await;
    let (st, v) = api(
        &app,
        Method::POST,
        "/api/v1/resources",
        &author,
        Some(link_body(
            s.root.0,
            "TeachAI toolkit",
            "Guidance for schools.",
            "https://www.teachai.org/toolkit",
        )),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    let resource = v["id"].as_i64().unwrap();
    let owner = s.root;
    let by = s.user("author");
    let now = app.clock.now();
    let practice = app
        .db
        .write(move |c| {
            lyceum_db::library::start(
                c,
                owner,
                by,
                &PracticeContent {
                    language: Lang::En,
                    title: "Think-pair-prompt".into(),
                    summary: "Pairs critique an AI answer.".into(),
                    goal: String::new(),
                    subjects: vec![],
                    grade_bands: vec![],
                    competencies: vec![],
                    tools: String::new(),
                    steps: String::new(),
                    materials: vec![],
                    minutes: 20,
                    equity_notes: String::new(),
                    privacy_notes: String::new(),
                    logic_model: String::new(),
                    licence: Licence::CcBy,
                },
                now,
            )
        })
        .await
        .unwrap();
    let path = format!("/practices/{}/resources", practice.0);
    // Someone who neither wrote nor curates it: not found (unpublished).
    let eb = Browser::new(&app.url);
    eb.sign_in(s.email("educator"), PASSWORD).await;
    let r = eb
        .post(&path, &[("resource_id", &resource.to_string())])
        .await;
    assert_eq!(r.status, 404);
    let b = Browser::no_redirects(&app.url);
    let signed_in = b
        .post(
            "/sign-in",
            &[("email", s.email("author")), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.status, 303);
    let r = b
        .post(&path, &[("resource_id", &resource.to_string())])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = practice;
    let linked = app
        .db
        .read(move |c| lyceum_db::library::resources::of_practice(c, id))
        .await
        .unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].title, "TeachAI toolkit");
    // Listed on the practice's page once published; for a reader of
    // Spanish, its English title is marked as English.
    let admin = s.user("admin");
    app.db
        .write(move |c| {
            let draft = lyceum_db::library::draft(c, id)?.unwrap();
            lyceum_db::library::publish_version(c, id, &draft.content, admin, now)
        })
        .await
        .unwrap();
    let href = format!("<a href=\"/resources/{resource}\">TeachAI toolkit</a>");
    b.get(&format!("/practices/{}", practice.0))
        .await
        .expect(&href);
    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    b.get(&format!("/practices/{}", practice.0))
        .await
        .expect(&format!(
            "<a href=\"/resources/{resource}\" lang=\"en\">TeachAI toolkit</a>"
        ));
    b.post("/language", &[("lang", "en"), ("return_to", "/")])
        .await;
    let r = b.post(&path, &[("resource_id", "nope")]).await;
    assert_eq!(r.status, 422);
    let r = b
        .post(
            &path,
            &[("resource_id", &resource.to_string()), ("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 303);
    let linked = app
        .db
        .read(move |c| lyceum_db::library::resources::of_practice(c, id))
        .await
        .unwrap();
    assert!(linked.is_empty());

    // The same through the API: listed for any reader of the published
    // practice, linked and unlinked by its author only.
    let reader = token_for(&app, s.email("educator")).await;
    let list = format!("/api/v1/practices/{}/resources", practice.0);
    let one = format!("{list}/{resource}");
    let (st, v) = api(&app, Method::PUT, &one, &reader, None).await;
    assert_eq!(st, 403, "{v}");
    let (st, v) = api(&app, Method::PUT, &format!("{list}/999999"), &author, None).await;
    assert_eq!(st, 422, "{v}");
    let (st, v) = api(&app, Method::PUT, &one, &author, None).await;
    assert_eq!(st, 204, "{v}");
    let (st, v) = api(&app, Method::PUT, &one, &author, None).await;
    assert_eq!(st, 204, "linking again changes nothing: {v}");
    let (st, v) = api(&app, Method::GET, &list, &reader, None).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v[0]["title"], "TeachAI toolkit", "{v}");
    let (st, v) = api(&app, Method::DELETE, &one, &author, None).await;
    assert_eq!(st, 204, "{v}");
    let (st, v) = api(&app, Method::GET, &list, &reader, None).await;
    assert_eq!((st, v), (200, json!([])));
}

/// A course of the district with one lesson, `one`.
fn district_course() -> Value {
    json!({
        "format": "lyceum-course/1", "slug": "district-course", "language": "en",
        "title": "District course", "summary": "A course.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    })
}

#[tokio::test]
async fn library_resources_are_linked_from_a_lesson_the_course_has_by_its_writers_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&district_course(), Some(s.district))
        .await;
    let author = token_for(&app, s.email("author")).await;
    let (st, v) = api(
        &app,
        Method::POST,
        "/api/v1/resources",
        &author,
        Some(link_body(
            s.root.0,
            "TeachAI toolkit",
            "Guidance for schools.",
            "https://www.teachai.org/toolkit",
        )),
    )
    .await;
    assert_eq!(st, 201, "{v}");
    let resource = v["id"].as_i64().unwrap().to_string();
    let form = [("resource_id", resource.as_str())];
    let path = |lesson: &str| format!("/courses/district-course/lessons/{lesson}/resources");
    let linked = || {
        let db = app.db.clone();
        async move {
            db.read(|c| {
                let row = lyceum_db::courses::by_slug(c, "district-course")?.unwrap();
                lyceum_db::library::resources::of_lesson(c, row.id, "one")
            })
            .await
            .unwrap()
            .len()
        }
    };

    // Outside the course's audience (the Local's admin): it is not there.
    // Those who see it but may not write it (a learner of the district, its
    // admin): refused. Nothing is linked either way.
    for (who, status) in [("ladmin", 404), ("educator", 403), ("dadmin", 403)] {
        let b = Browser::new(&app.url);
        b.sign_in(s.email(who), PASSWORD).await;
        let r = b.post(&path("one"), &form).await;
        assert_eq!(r.status, status, "{who}: {}", r.body);
        let r = b.post(&path("no-such-lesson"), &form).await;
        assert_eq!(r.status, status, "{who}: {}", r.body);
    }
    assert_eq!(linked().await, 0);

    // Its writer: a lesson the course does not have is refused, saying so
    // in the reader's language; an unknown course is not found.
    let b = Browser::no_redirects(&app.url);
    let signed_in = b
        .post(
            "/sign-in",
            &[("email", s.email("author")), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.status, 303);
    let r = b.post(&path("no-such-lesson"), &form).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("The course has no lesson “no-such-lesson”.");
    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    let r = b.post(&path("no-such-lesson"), &form).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("El curso no tiene ninguna lección «no-such-lesson».");
    let r = b
        .post("/courses/no-such-course/lessons/one/resources", &form)
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(linked().await, 0);

    // A lesson it has: linked, listed on the lesson's page (where its
    // writer may add or remove one, and a learner only reads), and removed
    // again.
    let r = b.post(&path("one"), &form).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(linked().await, 1);
    let lesson = "/courses/district-course/lessons/one";
    let listed = format!("<a href=\"/resources/{resource}\" lang=\"en\">TeachAI toolkit</a>");
    let page = b.get(lesson).await;
    page.expect(&listed);
    page.expect(&format!("action=\"{lesson}/resources\""));
    let learner = Browser::new(&app.url);
    learner.sign_in(s.email("educator"), PASSWORD).await;
    let page = learner.get(lesson).await;
    assert_eq!(page.status, 200);
    page.expect("<section id=\"resources\"");
    page.expect("TeachAI toolkit</a>");
    assert!(!page.contains(&format!("action=\"{lesson}/resources\"")));
    let r = b
        .post(
            &path("one"),
            &[("resource_id", resource.as_str()), ("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(linked().await, 0);

    // The same through the API: listed for a learner who sees the course,
    // linked and unlinked by its writer only.
    let learner = token_for(&app, s.email("educator")).await;
    let list = "/api/v1/courses/district-course/lessons/one/resources";
    let one = format!("{list}/{resource}");
    let (st, v) = api(&app, Method::PUT, &one, &learner, None).await;
    assert_eq!(st, 403, "{v}");
    let (st, v) = api(&app, Method::PUT, &format!("{list}/999999"), &author, None).await;
    assert_eq!(st, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["field"], "resource_id", "{v}");
    let missing = format!("/api/v1/courses/district-course/lessons/nope/resources/{resource}");
    let (st, v) = api(&app, Method::PUT, &missing, &author, None).await;
    assert_eq!(st, 422, "{v}");
    assert_eq!(linked().await, 0);
    let (st, v) = api(&app, Method::PUT, &one, &author, None).await;
    assert_eq!(st, 204, "{v}");
    let (st, v) = api(&app, Method::GET, list, &learner, None).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v[0]["title"], "TeachAI toolkit", "{v}");
    let (st, _) = api(
        &app,
        Method::GET,
        &list.replace("/one/", "/nope/"),
        &learner,
        None,
    )
    .await;
    assert_eq!(st, 404);
    let (st, v) = api(&app, Method::DELETE, &one, &author, None).await;
    assert_eq!(st, 204, "{v}");
    assert_eq!(linked().await, 0);
}
