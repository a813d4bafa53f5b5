//! The signed-in home says what to do next: the course to continue (which
//! lesson of how many, with a progress bar), one's work waiting on someone,
//! the queues of facilitators and admins — each within their scope, as
//! /review and the admin's PD requests count them — recent certificates
//! and the latest unread notifications. "My learning" lists it all, on a
//! page and in the API.

use super::learning::{COURSE, course};
use lyceum_testkit::{OutsidePd, PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};

const TASK: &str = "/courses/checking-claims/lessons/practice/task";

fn text_hand_in(text: &str) -> Form {
    Form::new()
        .text("artefact_text", text.to_string())
        .text("artefact_url", String::new())
        .part("artefact_file", Part::bytes(Vec::new()).file_name(""))
}

#[tokio::test]
async fn the_home_says_what_to_do_next_and_what_waits_on_whom() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    app.import_course(&super::practice::course(), None).await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;

    // Nothing followed yet: no "continue", no waiting work.
    let home = educator.get("/").await;
    assert!(!home.contains("Continue where you left off"));
    assert!(!home.contains("Waiting for review"));

    educator.post(&format!("{COURSE}/enrol"), &[]).await;
    educator
        .post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    educator
        .get("/")
        .await
        .expect("Continue where you left off")
        .expect("Designing an AI-aware assignment")
        .expect("Lesson 2 of 3: Assess the process")
        .expect(&format!("href=\"{COURSE}/lessons/process\""))
        .expect("<progress id=\"progress-")
        .expect("max=\"3\" value=\"1\"")
        .expect("1 of 3 lessons finished");

    // A hand-in waits for a facilitator of the educator's district.
    educator.post("/courses/checking-claims/enrol", &[]).await;
    educator
        .post_multipart(TASK, text_hand_in("My three checks."))
        .await
        .expect("Handed in.");
    educator.get("/").await.expect("Waiting for review: 1");
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .get("/")
        .await
        .expect("Hand-ins to review: 1")
        .expect("href=\"/review\"");
    // Outside the educator's organisations: nothing to review there.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    ladmin.get("/").await.expect("Hand-ins to review: 0");

    // Sent back: the educator sees it, and it no longer waits.
    let learner = s.user("educator");
    let id = app
        .db
        .read(move |c| {
            let course = lyceum_db::courses::by_slug(c, "checking-claims")?.unwrap();
            lyceum_db::practice::submissions(c, learner, course.id, "practice")
        })
        .await
        .unwrap()[0]
        .id;
    facilitator
        .post(
            &format!("/review/{id}"),
            &[("decision", "returned"), ("comment", "Name your sources.")],
        )
        .await;
    let home = educator.get("/").await;
    home.expect("Sent back: 1");
    assert!(!home.contains("Waiting for review"), "{}", home.body);
    facilitator.get("/").await.expect("Hand-ins to review: 0");

    // A PD request waits for the admins of the school's district.
    educator
        .post_multipart(
            "/transcript/outside",
            OutsidePd::new(s.school_a, "Summer institute").form(),
        )
        .await
        .expect("Your request was sent");
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    dadmin
        .get("/")
        .await
        .expect("PD requests to decide in Columbus City Schools: 1")
        .expect(&format!(
            "href=\"/orgs/{}/admin/pd-requests\"",
            s.district.0
        ));
    let l = ladmin.get("/").await;
    assert!(
        !l.contains("PD requests to decide in Columbus"),
        "not theirs"
    );
    l.expect("PD requests to decide in Ohio Teachers Local 1: 0");

    // Completing a course: a recent certificate.
    for lesson in ["process", "reflection"] {
        educator
            .post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    let home = educator.get("/").await;
    home.expect("Recent certificates")
        .expect("href=\"/certificates/");
    assert!(
        !home.contains("Lesson 3 of 3"),
        "a completed course is not one to continue"
    );

    // Unread notifications: the task sent back, and a
    // reply to the educator's topic.
    let (_, topic) =
        crate::community::lab_reports_topic(&dadmin, s.district, &educator, "How?").await;
    facilitator
        .post(&format!("{topic}/replies"), &[("body", "Like this.")])
        .await;
    educator
        .get("/")
        .await
        .expect("Notifications (2 new)")
        .expect("Test facilitator replied to “Lab reports”");

    // My learning: everything at once, on the page and in the API.
    educator
        .get("/learning")
        .await
        .expect("<h1>My learning</h1>")
        .expect("Checking what a chatbot claims")
        .expect("Lesson 1 of 2: Why check")
        .expect("0 of 2 lessons finished")
        .expect("Designing an AI-aware assignment</a> <span class=\"meta\">completed ")
        .expect("issued ")
        .expect("Checking what a chatbot claims — Check three claims")
        .expect("Sent back · handed in ");
    let t = crate::api::token_for(&app, s.email("educator")).await;
    let (status, m) = crate::api::call(
        &app,
        reqwest::Method::GET,
        "/api/v1/me/learning",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["in_progress"][0]["course_slug"], "checking-claims");
    assert_eq!(m["in_progress"][0]["lessons"], 2);
    assert_eq!(m["in_progress"][0]["hand_ins_returned"], 1);
    assert_eq!(m["completed"][0]["course_slug"], "ai-aware-assignments");
    assert_eq!(m["completed"][0]["lessons_done"], 3);
    assert_eq!(m["hand_ins"][0]["status"], "returned");
    assert_eq!(m["hand_ins"][0]["lesson_title"], "Check three claims");
    let code = m["certificates"][0]["code"]
        .as_str()
        .expect("a certificate");
    assert_eq!(
        m["certificates"][0]["verify_path"],
        format!("/certificates/{code}")
    );
    // Only one's own: the facilitator has none of it.
    let t = crate::api::token_for(&app, s.email("facilitator")).await;
    let (_, theirs) = crate::api::call(
        &app,
        reqwest::Method::GET,
        "/api/v1/me/learning",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(theirs["hand_ins"], serde_json::json!([]));
    assert_eq!(theirs["in_progress"], serde_json::json!([]));
    assert!(
        app.browser()
            .get("/learning")
            .await
            .path
            .starts_with("/sign-in?next=%2Flearning"),
        "signed in only"
    );

    // In Spanish.
    educator.post("/language", &[("lang", "es")]).await;
    educator
        .get("/")
        .await
        .expect("Devuelto: 1")
        .expect("Certificados recientes");
    educator
        .get("/learning")
        .await
        .expect("<h1>Mi aprendizaje</h1>")
        .expect("Devuelta · entregado el ");
}
