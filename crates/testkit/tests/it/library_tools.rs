//! Registry tools linked from a practice, end to end over HTTP: its author
//! links and unlinks them on its page and through the API; every reader
//! sees them, linking to the tools' pages, and the tool's page lists the
//! practice and its challenge reports by category (exact for the programme
//! team, "<10" for others); nobody else may link; a blank or unknown tool
//! is refused on `tool_id` with nothing written.

use crate::api::{call_as as api, token_for};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{Licence, PracticeContent};
use lyceum_domain::registry::ToolInput;
use lyceum_domain::{PracticeId, ToolId};
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;

/// A tool the programme's admin adds, and a practice the author publishes.
async fn tool_and_practice(app: &TestApp, s: &lyceum_testkit::Seed) -> (ToolId, PracticeId) {
    let (admin, author, owner, now) = (s.user("admin"), s.user("author"), s.root, app.clock.now());
    app.db
        .write(move |c| {
            let editor = lyceum_domain::policy::Actor {
                user_id: admin,
                grants: lyceum_db::memberships::grants_of(c, admin)?,
            };
            let tool = lyceum_domain::registry::check(&ToolInput {
                name: "Tutor Chat".into(),
                vendor: "Tutor Inc.".into(),
                url: "https://tutor.example.com/".into(),
                description: "Asks guiding questions.".into(),
                min_age: "8".into(),
                max_age: "14".into(),
                cost_model: "free".into(),
                privacy_agreement: "available".into(),
            })
            .map_err(lyceum_db::DbError::Invalid)?;
            let tool = lyceum_db::registry::create(c, &editor, &tool, now)?;
            let content = PracticeContent {
                language: Lang::En,
                title: "Hints before answers".into(),
                summary: "Students ask a tutor bot for hints only.".into(),
                goal: String::new(),
                subjects: vec![],
                grade_bands: vec![],
                competencies: vec![],
                tools: "A maths tutor chatbot".into(),
                steps: String::new(),
                materials: vec![],
                minutes: 20,
                equity_notes: String::new(),
                privacy_notes: String::new(),
                logic_model: String::new(),
                licence: Licence::CcBy,
            };
            let id = lyceum_db::library::start(c, owner, author, &content, now)?;
            let draft = lyceum_db::library::draft(c, id)?.expect("its draft");
            lyceum_db::library::publish_version(c, id, &draft.content, admin, now)?;
            Ok((tool, id))
        })
        .await
        .unwrap()
}

/// A browser that shows each answer as it is (no redirects followed).
async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let b = Browser::no_redirects(&app.url);
    let r = b
        .post("/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, 303, "sign-in of {email}");
    b
}

async fn linked(app: &TestApp, id: PracticeId) -> Vec<String> {
    app.db
        .read(move |c| lyceum_db::registry::links::of_practice(c, id))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

#[tokio::test]
async fn library_tools_are_linked_from_a_practice_by_its_author_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (tool, practice) = tool_and_practice(&app, &s).await;
    let page = format!("/practices/{}", practice.0);
    let path = format!("{page}/tools");

    // Its author: the form, with the registry's tools to choose from.
    let b = signed_in(&app, s.email("author")).await;
    b.get(&page)
        .await
        .expect("No tools from the registry are linked yet.")
        .expect(&format!("<option value=\"{}\">Tutor Chat</option>", tool.0));
    // A blank choice and an unknown tool: refused, named, nothing written.
    let r = b.post(&path, &[("tool_id", "")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Choose a tool from the list."),
        "{}",
        r.body
    );
    let r = b.post(&path, &[("tool_id", "999999")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("There is no such tool in the registry."),
        "{}",
        r.body
    );
    assert!(linked(&app, practice).await.is_empty());
    let r = b.post(&path, &[("tool_id", &tool.0.to_string())]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(linked(&app, practice).await, ["Tutor Chat"]);
    let link = format!("<a href=\"/tools/{}\">Tutor Chat</a>", tool.0);
    b.get(&page).await.expect(&link);

    // The tool's page lists the practice; its challenges, by category,
    // exact for the programme team and "<10" for everyone else.
    let tool_page = format!("/tools/{}", tool.0);
    let practice_link = format!("<a href=\"{page}\">Hints before answers</a>");
    b.get(&tool_page).await.expect(&practice_link);
    let (by, now) = (s.user("educator"), app.clock.now());
    app.db
        .write(move |c| {
            let input = lyceum_domain::radar::ReportInput {
                category: "wrong-answers".into(),
                severity: "nuisance".into(),
                tool: tool.0.to_string(),
                subject: "math".into(),
                grade_band: "6-8".into(),
                happened: "It gave the answer, not a hint.".into(),
                tried: String::new(),
                anonymous: None,
            };
            lyceum_db::radar::file(c, by, &input, now)
        })
        .await
        .unwrap();
    let row =
        |n: &str| format!("<tr><th scope=\"row\">Wrong or invented answers</th><td>{n}</td></tr>");
    b.get(&tool_page).await.expect(&row("&#60;10"));
    let admin = signed_in(&app, s.email("admin")).await;
    admin.get(&tool_page).await.expect(&row("1"));

    // Another educator sees the link but not the form, and may not link.
    let eb = signed_in(&app, s.email("educator")).await;
    let seen = eb.get(&page).await;
    seen.expect(&link);
    assert!(!seen.body.contains("name=\"tool_id\""), "{}", seen.body);
    let r = eb
        .post(
            &path,
            &[("tool_id", &tool.0.to_string()), ("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(linked(&app, practice).await, ["Tutor Chat"]);
    let r = b
        .post(
            &path,
            &[("tool_id", &tool.0.to_string()), ("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(linked(&app, practice).await.is_empty());

    // The same through the API.
    let author = token_for(&app, s.email("author")).await;
    let reader = token_for(&app, s.email("educator")).await;
    let list = format!("/api/v1/practices/{}/tools", practice.0);
    let one = format!("{list}/{}", tool.0);
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
    assert_eq!(
        v,
        json!([{
            "id": tool.0,
            "name": "Tutor Chat",
            "vendor": "Tutor Inc.",
            "href": format!("/tools/{}", tool.0),
        }])
    );
    let (st, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/tools/{}", tool.0),
        &reader,
        None,
    )
    .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["practice_count"], 1, "{v}");
    assert_eq!(v["practices"][0]["title"], "Hints before answers", "{v}");
    assert_eq!(v["challenges_total"], "<10", "{v}");
    let (st, v) = api(&app, Method::DELETE, &one, &author, None).await;
    assert_eq!(st, 204, "{v}");
    let (st, v) = api(&app, Method::GET, &list, &reader, None).await;
    assert_eq!((st, v), (200, json!([])));
    let (st, _) = api(
        &app,
        Method::GET,
        "/api/v1/practices/999999/tools",
        &reader,
        None,
    )
    .await;
    assert_eq!(st, 404);
}
