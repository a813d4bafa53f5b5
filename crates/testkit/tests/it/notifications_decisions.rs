//! Every decision reaches the person it affects, and work waiting reaches
//! the people who may act on it — nobody else: a hand-in tells the
//! facilitators who may review it (not an admin of a sibling organisation),
//! a review tells the learner (returned, accepted, the course completed and
//! its certificate), an outside PD request tells its deciders (not a
//! sibling's admin) and their decision tells the educator, a roster import
//! tells the admin who ran it. Each is on /notifications and in the API, in
//! the reader's language, and emailed as they chose: at once, in the
//! digest, or never.

use super::api::{call, token_for};
use super::practice::course;
use diesel::prelude::*;
use lyceum_db::notices;
use lyceum_db::schema::users;
use lyceum_domain::UserId;
use lyceum_testkit::{OutsidePd, PASSWORD, TestApp};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::json;

const COURSE: &str = "/courses/checking-claims";
const SUBJECT: &str = "Checking what a chatbot claims · Check three claims";

fn text(t: &str) -> Form {
    Form::new()
        .text("artefact_text", t.to_string())
        .text("artefact_url", "")
        .part("artefact_file", Part::bytes(Vec::new()).file_name(""))
}

/// The kinds of the notifications `user` has, newest first.
async fn kinds(app: &TestApp, user: UserId) -> Vec<String> {
    app.db
        .read(move |c| notices::of(c, user, 100))
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind.as_str().to_string())
        .collect()
}

#[tokio::test]
async fn a_task_returned_and_accepted_tells_the_educator_and_its_reviewers_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(), None).await;
    let practice_page = format!("{COURSE}/lessons/practice");
    let task = format!("{practice_page}/task");
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator.post(&format!("{COURSE}/enrol"), &[]).await;
    educator
        .post_multipart(&task, text("1. Photosynthesis: right."))
        .await
        .expect("Handed in.");

    // The facilitator over the learner's district is told, by email at
    // once (the default) and on their page, with a link to the hand-in.
    let mail = app.mail_to(s.email("facilitator")).await;
    assert_eq!(
        mail.subject,
        format!("Test educator handed in a task for review in “{SUBJECT}”")
    );
    let link = mail.link_path("/review");
    assert!(link.starts_with("/review#hand-in-"), "{link}");
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator.get("/notifications").await.expect(&format!(
        "<a href=\"{link}\">Test educator handed in a task for review in “{SUBJECT}”</a>"
    ));
    // Nobody outside: not the sibling local's admin, nor the learner, nor
    // the admins above a facilitator who may review it.
    for who in ["ladmin", "moderator", "educator", "dadmin", "admin"] {
        assert!(kinds(&app, s.user(who)).await.is_empty(), "{who} was told");
    }
    facilitator
        .get("/review")
        .await
        .expect(&format!("id=\"{}\"", &link["/review#".len()..]));
    let id: i64 = link["/review#hand-in-".len()..].parse().unwrap();

    // Sent back: the educator is told, with the lesson's page.
    facilitator
        .post(
            &format!("/review/{id}"),
            &[
                ("decision", "returned"),
                ("met", "three"),
                ("comment", "Name the source for each answer."),
            ],
        )
        .await
        .expect("Review saved.");
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(
        mail.subject,
        format!("Test facilitator sent back your task in “{SUBJECT}” — see the comments")
    );
    assert_eq!(mail.link_path("/courses/"), practice_page);
    educator.get("/notifications").await.expect(&format!(
        "<a href=\"{practice_page}\">Test facilitator sent back your task in “{SUBJECT}” — see the comments</a>"
    ));
    // The course's contents say so, and the form starts with what they sent.
    educator
        .get(COURSE)
        .await
        .expect("Sent back — see the comments");
    let page = educator.get(&practice_page).await;
    page.expect("Name the source for each answer.")
        .expect("1. Photosynthesis: right.</textarea>");

    // Handed in again: the facilitator is told again and sees the earlier
    // review beside it.
    educator
        .post_multipart(&task, text("1. Photosynthesis: right (textbook p. 40)."))
        .await
        .expect("Handed in.");
    let mail = app.mail_to(s.email("facilitator")).await;
    let second = mail.link_path("/review");
    assert_ne!(second, link);
    facilitator
        .get("/review")
        .await
        .expect("Earlier hand-in")
        .expect("Name the source for each answer.")
        .expect("1. Photosynthesis: right.")
        .expect("1. Photosynthesis: right (textbook p. 40).");
    let facilitator_token = token_for(&app, s.email("facilitator")).await;
    let (_, queue) = call(
        &app,
        Method::GET,
        "/api/v1/review",
        Some(&facilitator_token),
        None,
    )
    .await;
    let earlier = &queue[0]["earlier"];
    assert_eq!(earlier.as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(earlier[0]["status"], "returned");
    assert_eq!(earlier[0]["comment"], "Name the source for each answer.");
    assert_eq!(earlier[0]["met"], json!(["three"]));

    // Everything else in the course done, the acceptance completes it.
    educator
        .post(&format!("{practice_page}/quiz"), &[("q-first", "source")])
        .await
        .expect("You passed the quiz.");
    educator
        .post(
            &format!("{COURSE}/lessons/why/reflection"),
            &[("reflection", "A made-up citation last spring.")],
        )
        .await
        .expect("Your reflection was saved.");

    // The educator wants no email of decisions now: accepted, they are told
    // on the page only — of the task and of the course it completed, with
    // its certificate.
    educator
        .post(
            "/notifications/digest",
            &[("digest", "weekly"), ("decisions", "never")],
        )
        .await
        .expect("Your email choice was saved.");
    let second: i64 = second["/review#hand-in-".len()..].parse().unwrap();
    facilitator
        .post(
            &format!("/review/{second}"),
            &[
                ("decision", "accepted"),
                ("met", "three"),
                ("met", "sources"),
            ],
        )
        .await
        .expect("Review saved.");
    assert_eq!(
        kinds(&app, s.user("educator")).await,
        ["course-completed", "task-accepted", "task-returned"]
    );
    let page = educator.get("/notifications").await;
    page.expect(&format!(
        "Test facilitator accepted your task in “{SUBJECT}”"
    ))
    .expect(
        "You completed “Checking what a chatbot claims” when Test facilitator accepted your task",
    )
    .expect("href=\"/certificates/");
    assert!(
        page.contains("<option value=\"never\" selected>"),
        "{}",
        page.body
    );

    // In the API too, in the reader's language.
    let token = token_for(&app, s.email("educator")).await;
    let (status, list) = call(
        &app,
        Method::GET,
        "/api/v1/notifications",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let returned = list
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "task-returned")
        .unwrap();
    assert_eq!(returned["link"], practice_page);
    assert_eq!(returned["subject"], SUBJECT);
    assert!(returned["topic_id"].is_null());
    assert_eq!(
        returned["text"],
        format!("Test facilitator sent back your task in “{SUBJECT}” — see the comments")
    );
    let done = list
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "course-completed")
        .unwrap();
    assert!(
        done["extra_link"]
            .as_str()
            .unwrap()
            .starts_with("/certificates/")
    );

    // The next email the educator gets is the next they asked for, not the
    // acceptance: back to "at once", an outside PD request decided.
    let (status, body) = call(
        &app,
        Method::PUT,
        "/api/v1/notifications/settings",
        Some(&token),
        Some(json!({ "digest": "weekly", "decisions": "sometimes" })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("decisions"), "{body}");
    let (status, body) = call(
        &app,
        Method::PUT,
        "/api/v1/notifications/settings",
        Some(&token),
        Some(json!({ "digest": "daily", "decisions": "at-once" })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = call(
        &app,
        Method::GET,
        "/api/v1/notifications/settings",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(body, json!({ "digest": "daily", "decisions": "at-once" }));
    educator
        .post_multipart(
            "/transcript/outside",
            OutsidePd::new(s.school_a, "State AI summit")
                .hours("2")
                .completed_on("2026-10-02")
                .evidence_url("https://example.org/proof")
                .form(),
        )
        .await
        .expect("Your request was sent");
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let queue = format!("/orgs/{}/admin/pd-requests", s.district.0);
    let list = dadmin.get(&queue).await;
    let request: i64 = list
        .body
        .split("/admin/pd-requests/")
        .nth(1)
        .and_then(|rest| rest.split('/').next()?.parse().ok())
        .unwrap();
    dadmin
        .post(
            &format!("{queue}/{request}/decide"),
            &[("decision", "approved"), ("comment", "")],
        )
        .await
        .expect("The request was decided.");
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(
        mail.subject,
        "Test dadmin approved your outside PD request “State AI summit”"
    );
}

#[tokio::test]
async fn a_pd_request_tells_its_deciders_in_their_language_and_nobody_beside_them() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // The district's admin reads Lyceum in Spanish.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let dadmin_id = s.user("dadmin");
    app.db
        .write(move |c| {
            diesel::update(users::table.find(dadmin_id.0))
                .set(users::preferred_language.eq("es"))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .post_multipart(
            "/transcript/outside",
            OutsidePd::new(s.school_a, "Vendor webinar")
                .hours("1")
                .completed_on("2026-10-02")
                .evidence_url("https://example.org/proof")
                .form(),
        )
        .await
        .expect("Your request was sent");
    let mail = app.mail_to(s.email("dadmin")).await;
    assert_eq!(
        mail.subject,
        "Test educator pidió créditos por formación externa: «Vendor webinar»"
    );
    let queue = format!("/orgs/{}/admin/pd-requests", s.district.0);
    assert_eq!(mail.link_path("/admin/pd-requests"), queue);
    dadmin.get("/notifications").await.expect(&format!(
        "<a href=\"{queue}\">Test educator pidió créditos por formación externa: «Vendor webinar»</a>"
    ));
    // Not the sibling local's admin, the programme's admins (the nearest
    // deciders are told) or the facilitator.
    for who in ["ladmin", "admin", "facilitator", "educator"] {
        assert!(kinds(&app, s.user(who)).await.is_empty(), "{who} was told");
    }

    // An admin's own request goes to the admins above them: the district
    // admin's request to the district tells no district admin, and nobody
    // at the local.
    dadmin
        .post_multipart(
            "/transcript/outside",
            OutsidePd::new(s.district, "Summer institute")
                .hours("6")
                .completed_on("2026-07-02")
                .evidence_url("https://example.org/proof")
                .form(),
        )
        .await;
    assert_eq!(kinds(&app, s.user("dadmin")).await, ["pd-request-waiting"]);
    assert!(kinds(&app, s.user("ladmin")).await.is_empty());
    assert_eq!(kinds(&app, s.user("admin")).await, ["pd-request-waiting"]);

    // Decided: the educator is told, and sent where the request is listed.
    let list = dadmin.get(&queue).await;
    let request: i64 = list
        .body
        .split("/admin/pd-requests/")
        .nth(1)
        .and_then(|rest| rest.split('/').next()?.parse().ok())
        .unwrap();
    dadmin
        .post(
            &format!("{queue}/{request}/decide"),
            &[
                ("decision", "rejected"),
                ("comment", "Vendor webinars do not count."),
            ],
        )
        .await;
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(
        mail.subject,
        "Test dadmin turned down your outside PD request “Vendor webinar”"
    );
    assert_eq!(mail.link_path("/transcript"), "/transcript");
    assert_eq!(kinds(&app, s.user("educator")).await, ["pd-rejected"]);
}

#[tokio::test]
async fn a_roster_import_tells_the_admin_who_ran_it_and_a_digest_lists_decisions() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    // The admin wants these in their digest, not at once.
    b.post(
        "/notifications/digest",
        &[("digest", "daily"), ("decisions", "digest")],
    )
    .await
    .expect("Your email choice was saved.");
    let url = format!("/orgs/{}/admin/import", s.district);
    b.post_multipart(
        &url,
        super::roster_upload::form(super::roster_upload::USERS, true),
    )
    .await
    .expect("The roster is ready to import");
    assert!(
        kinds(&app, s.user("dadmin")).await.is_empty(),
        "a check imports nothing"
    );
    b.post_multipart(
        &url,
        super::roster_upload::form(super::roster_upload::USERS, false),
    )
    .await
    .expect("The roster was imported");
    assert_eq!(kinds(&app, s.user("dadmin")).await, ["roster-imported"]);
    b.get("/notifications").await.expect(&format!(
        "<a href=\"{url}\">Your roster import for Columbus City Schools finished</a>"
    ));
    assert!(kinds(&app, s.user("ladmin")).await.is_empty());

    // Their digest lists it.
    let now = app.clock.now();
    let sent = app
        .db
        .write(move |c| {
            lyceum_db::digests::send_due(c, now, &|t| match t {
                Some(t) => format!("http://lyceum.test/digest/unsubscribe?token={t}"),
                None => "http://lyceum.test/notifications".into(),
            })
        })
        .await
        .unwrap();
    assert!(sent >= 1);
    let mail = app.mail_to(s.email("dadmin")).await;
    assert!(
        mail.text
            .contains("• Your roster import for Columbus City Schools finished"),
        "{}",
        mail.text
    );
}
