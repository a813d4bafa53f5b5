//! Feedback where the eye is: a checked quiz lands on its result, "not
//! passed yet" never looks like success, and a form refused with errors
//! leaves the browser on an address that can be opened again.

use crate::learning::{COURSE, with_quiz};
use lyceum_testkit::{Browser, PASSWORD, TestApp};

fn quiz_url() -> String {
    format!("{COURSE}/lessons/reflection/quiz")
}

#[tokio::test]
async fn a_checked_quiz_lands_on_its_result_and_not_yet_is_not_shown_as_success() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    let b = Browser::no_redirects(&app.url);
    let signed_in = b
        .post(
            "/sign-in",
            &[("email", s.email("educator")), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.status, 303);
    b.post(&format!("{COURSE}/enrol"), &[]).await;

    let failed = b
        .post(
            &quiz_url(),
            &[("q-purpose", "tool"), ("q-evidence", "final")],
        )
        .await;
    assert_eq!(failed.status, 303);
    let to = failed.headers["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("{COURSE}/lessons/reflection#quiz-result"));
    let page = b.get(&to).await;
    page.expect("Not passed yet.")
        .expect(r#"class="flash flash-notice""#)
        .expect(r#"class="panel panel-notice" id="quiz-result" tabindex="-1" data-lands-here"#);

    let passed = b
        .post(
            &quiz_url(),
            &[
                ("q-purpose", "goal"),
                ("q-evidence", "drafts"),
                ("q-evidence", "talk"),
            ],
        )
        .await;
    let page = b.get(passed.headers["location"].to_str().unwrap()).await;
    page.expect(r#"class="panel" id="quiz-result""#);
    assert!(!page.contains("flash-notice"), "a pass is good news");

    // Opened later, the lesson shows the result without taking the focus.
    let later = b.get(&format!("{COURSE}/lessons/reflection")).await;
    later.expect(r#"id="quiz-result""#);
    assert!(!later.contains("data-lands-here"));
}

#[tokio::test]
async fn a_refused_form_can_be_reloaded_and_read_in_the_other_language() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(&format!("{COURSE}/enrol"), &[]).await;

    let refused = b.post(&quiz_url(), &[("q-ghost", "x")]).await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.path,
        quiz_url(),
        "the refused form is shown where it was sent"
    );

    // Reloading that address (as a GET), or switching the language from it,
    // brings the lesson with its form, not "method not allowed".
    let reloaded = b.get(&quiz_url()).await;
    assert_eq!(reloaded.status, 200);
    assert_eq!(reloaded.path, format!("{COURSE}/lessons/reflection"));
    reloaded.expect("Check your understanding");
    let spanish = b
        .post("/language", &[("lang", "es"), ("return_to", &quiz_url())])
        .await;
    assert_eq!(spanish.status, 200);
    assert_eq!(spanish.path, format!("{COURSE}/lessons/reflection"));
    spanish.expect(r#"<html lang="es">"#);
}

#[tokio::test]
async fn every_address_a_page_form_posts_to_answers_a_get_with_the_page_above_it() {
    let app = TestApp::start().await;
    let routes = &app.app().routes;
    let page_gets: Vec<&str> = routes
        .iter()
        .filter(|r| r.method == "GET" && !r.path.starts_with("/api/"))
        .map(|r| r.path.as_str())
        .collect();
    let post_only: Vec<&str> = routes
        .iter()
        .filter(|r| r.method == "POST" && !r.path.starts_with("/api/"))
        .map(|r| r.path.as_str())
        .filter(|p| !page_gets.contains(p))
        .collect();
    assert!(post_only.len() > 20, "{post_only:?}");

    let b = Browser::no_redirects(&app.url);
    for template in post_only {
        // Each parameter gets a value of its own, to see it carried.
        let url: String = template
            .split('/')
            .enumerate()
            .map(|(i, seg)| {
                if seg.starts_with('{') {
                    format!("p{i}")
                } else {
                    seg.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let r = b.get(&url).await;
        assert_eq!(r.status, 303, "GET {template}");
        let to = r.headers["location"].to_str().unwrap();
        assert!(
            to == "/" || (url.starts_with(to) && url[to.len()..].starts_with('/')),
            "GET {template} sent to {to}, not a page above {url}"
        );
        let depth = to.split('/').filter(|s| !s.is_empty()).count();
        let above: String = template
            .split('/')
            .take(depth + 1)
            .collect::<Vec<_>>()
            .join("/");
        let above = if above.is_empty() {
            "/".to_string()
        } else {
            above
        };
        assert!(
            page_gets.contains(&above.as_str()),
            "GET {template} sent to {to}, which is no page"
        );
    }
}
