//! After a workshop session: its attendees answer a survey once, stored
//! without them; those who lead it see results only from five answers. The
//! offering's community space is for the people holding a seat and its
//! facilitators, and turns read-only a month after the last session.

use super::api::{call, token_for};
use diesel::prelude::*;
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering};
use lyceum_db::{memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::password::hash_password;
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::workshop::RegistrationStatus;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, SessionId, SpaceId, Timestamp, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);

/// A day counted from now, as the offering form takes it.
fn day(now: Timestamp, days: i64) -> String {
    let at = match days >= 0 {
        true => now.plus(DAY * days as u32),
        false => now.minus(DAY * (-days) as u32),
    };
    at.date_in(&TimeZone::utc()).to_string()
}

struct Workshop {
    offering: OfferingId,
    session: SessionId,
    /// Holding seats: the seed's educator, then five more.
    seated: Vec<(UserId, String)>,
    /// On the waitlist.
    waiting: (UserId, String),
}

/// An offering of the district (led by the seed's facilitator) with one
/// session in three days and six seats: the educator and five more hold
/// them, a seventh person waits.
async fn workshop(app: &TestApp, s: &Seed) -> Workshop {
    let hash = tokio::task::spawn_blocking(|| hash_password(PASSWORD).unwrap())
        .await
        .unwrap();
    let now = app.clock.now();
    let plan = OfferingInput {
        title: "Reading conferences that work".into(),
        description: "One evening of practice.".into(),
        language: "en".into(),
        hours: "2".into(),
        capacity: "6".into(),
        registration_opens: day(now, -1),
        registration_closes: day(now, 1),
        sessions: vec![SessionInput {
            date: day(now, 3),
            start: "16:00".into(),
            end: "17:30".into(),
            time_zone: "America/Chicago".into(),
            mode: "virtual".into(),
            meeting_url: "https://meet.example.org/abc".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
    .validate()
    .unwrap();
    let (district, school, facilitator, admin, educator) = (
        s.district,
        s.school_a,
        s.user("facilitator"),
        s.user("dadmin"),
        (s.user("educator"), s.email("educator").to_string()),
    );
    app.db
        .write(move |c| {
            let school = orgs::get(c, school)?;
            let mut people = vec![educator];
            for i in 1..=6 {
                let email = EmailAddress::parse(&format!("teacher{i}@example.org")).unwrap();
                let id = users::insert(
                    c,
                    &users::NewUser {
                        email: &email,
                        display_name: &format!("Teacher {i}"),
                        password_hash: Some(&hash),
                        lang: Lang::En,
                        verified: true,
                    },
                    now,
                )?;
                memberships::add(c, id, &school, Role::Educator, now)?;
                people.push((id, email.as_str().to_string()));
            }
            let offering = workshops::create(
                c,
                &NewOffering {
                    org: district,
                    course: None,
                    audience: Some(district),
                    facilitators: &[facilitator],
                    competencies: &[],
                    created_by: admin,
                },
                &plan,
                now,
            )?;
            for (id, _) in &people {
                registrations::register(c, offering, *id, By::Themselves, "https://x", now)?;
            }
            let session = workshops::sessions_of(c, offering)?[0].id;
            let waiting = people.pop().unwrap();
            let status = registrations::of(c, offering, waiting.0)?.unwrap().status;
            assert_eq!(status, RegistrationStatus::Waitlisted);
            Ok(Workshop {
                offering,
                session,
                seated: people,
                waiting,
            })
        })
        .await
        .unwrap()
}

async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    b
}

fn survey_api(w: &Workshop) -> String {
    format!(
        "/api/v1/offerings/{}/sessions/{}/survey",
        w.offering, w.session
    )
}

async fn answer_api(
    app: &TestApp,
    w: &Workshop,
    email: &str,
    points: i64,
) -> (u16, serde_json::Value) {
    let token = token_for(app, email).await;
    call(
        app,
        Method::POST,
        &survey_api(w),
        Some(&token),
        Some(json!({ "ratings": [points, points, 4, 4, 5], "comment": format!("Note {points}") })),
    )
    .await
}

#[tokio::test]
async fn attendees_answer_once_after_the_session_and_results_show_only_from_five_answers() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let w = workshop(&app, &s).await;
    let form_path = format!("/offerings/{}/sessions/{}/survey", w.offering, w.session);
    let results_path = format!("/offerings/{}/survey-results", w.offering);

    // Before anyone answers, those who manage it may change the questions;
    // a question too long is refused by field, nothing saved.
    let dadmin = signed_in(&app, s.email("dadmin")).await;
    let long = "x".repeat(201);
    let refused = dadmin
        .post(
            &format!("/offerings/{}/survey-questions", w.offering),
            &[
                ("item-1", "The examples fitted my class."),
                ("item-2", &long),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("f-item-2");
    dadmin
        .post(
            &format!("/offerings/{}/survey-questions", w.offering),
            &[
                ("item-1", "The examples fitted my class."),
                ("item-2", "The session was useful for my teaching."),
                ("item-3", "I can apply what I learned next week."),
                ("item-4", "The facilitator explained clearly."),
                ("item-5", "The pace was right."),
                ("free_text", "What would you change?"),
            ],
        )
        .await
        .expect("The survey questions were saved.");

    // Not before the session ends.
    let educator = signed_in(&app, s.email("educator")).await;
    educator
        .get(&form_path)
        .await
        .expect("The survey opens when the session ends.");
    let (status, body) = answer_api(&app, &w, s.email("educator"), 5).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "survey-not-yet");

    app.clock.advance(DAY * 4);
    // Days later: signed in afresh.
    let educator = signed_in(&app, s.email("educator")).await;
    let dadmin = signed_in(&app, s.email("dadmin")).await;

    // The form: a fieldset per statement, the offering's own questions.
    let form = educator.get(&form_path).await;
    form.expect("<legend>The examples fitted my class.</legend>")
        .expect("Strongly disagree")
        .expect("What would you change?");
    // A statement left unrated is named.
    let missing = educator
        .post(&form_path, &[("rating-1", "5"), ("comment", "More time")])
        .await;
    assert_eq!(missing.status, 422);
    missing
        .expect("#f-rating-2")
        .expect("Choose how much you agree.");
    let sent = educator
        .post(
            &form_path,
            &[
                ("rating-1", "5"),
                ("rating-2", "5"),
                ("rating-3", "4"),
                ("rating-4", "4"),
                ("rating-5", "3"),
                ("comment", "More time for practice"),
            ],
        )
        .await;
    assert_eq!(sent.path, format!("/offerings/{}", w.offering));
    // Once only.
    educator
        .get(&form_path)
        .await
        .expect("You answered this survey.");
    let (status, body) = answer_api(&app, &w, s.email("educator"), 1).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "survey-answered");

    // Only attendees: not the waitlist, and someone outside the audience
    // does not see the offering at all.
    let (status, body) = answer_api(&app, &w, &w.waiting.1, 5).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "survey-not-attended");
    let (status, _) = answer_api(&app, &w, s.email("ladmin"), 5).await;
    assert_eq!(status, 404);

    // Three more: four answers show nothing, on the page and over the API.
    for (_, email) in &w.seated[1..4] {
        let (status, body) = answer_api(&app, &w, email, 2).await;
        assert_eq!(status, 204, "{body}");
    }
    let facilitator = signed_in(&app, s.email("facilitator")).await;
    let page = facilitator.get(&results_path).await;
    page.expect("Too few answers to show (fewer than 5).");
    assert!(!page.contains("More time for practice"));
    let lead = token_for(&app, s.email("facilitator")).await;
    let results_api = format!("/api/v1/offerings/{}/survey-results", w.offering);
    let (status, r) = call(&app, Method::GET, &results_api, Some(&lead), None).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["overall"]["shown"], false);
    assert!(r["overall"]["answers"].is_null());
    assert_eq!(r["sessions"][0]["results"]["shown"], false);
    assert_eq!(r["sessions"][0]["results"]["comments"], json!([]));

    // The fifth answer shows counts, means and comments.
    let (status, _) = answer_api(&app, &w, &w.seated[4].1, 2).await;
    assert_eq!(status, 204);
    let (_, r) = call(&app, Method::GET, &results_api, Some(&lead), None).await;
    let shown = &r["sessions"][0]["results"];
    assert_eq!(shown["shown"], true, "{r}");
    assert_eq!(shown["answers"], 5);
    assert_eq!(shown["items"][0]["counts"], json!([0, 4, 0, 0, 1]));
    assert_eq!(shown["items"][0]["mean"], 2.6);
    assert_eq!(r["overall"]["answers"], 5);
    let comments = shown["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 5);
    assert!(comments.contains(&json!("More time for practice")));
    facilitator
        .get(&results_path)
        .await
        .expect("5 answers")
        .expect("More time for practice")
        .expect("2.6");
    // In Spanish too, with the decimal comma.
    facilitator
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    facilitator
        .get(&results_path)
        .await
        .expect("Resultados de la encuesta")
        .expect("5 respuestas")
        .expect("2,6")
        .expect("Totalmente de acuerdo");

    // Nobody is named: not in the results, and the answers' table has no
    // column for a person or a time.
    let text = r.to_string();
    for (id, email) in &w.seated {
        assert!(!text.contains(email.as_str()));
        assert!(!text.contains(&format!("\"{}\"", id.0)));
    }
    assert!(!text.contains("Test educator") && !text.contains("Teacher "));
    // Every column of an answer, loaded whole: a key, the session, five
    // points and the comment — nothing else (a new column breaks this).
    type Row = (
        String,
        i64,
        Option<i32>,
        Option<i32>,
        Option<i32>,
        Option<i32>,
        Option<i32>,
        String,
    );
    let loaded: Vec<Row> = app
        .db
        .read(|c| Ok(lyceum_db::schema::survey_answers::table.load(c)?))
        .await
        .unwrap();
    assert_eq!(loaded.len(), 5);

    // Results are for those who lead it; the questions no longer change.
    assert_eq!(educator.get(&results_path).await.status, 403);
    let locked = dadmin
        .post(
            &format!("/offerings/{}/survey-questions", w.offering),
            &[("item-1", "Something else")],
        )
        .await;
    assert_eq!(locked.status, 422);
    locked.expect("can no longer change");
}

#[tokio::test]
async fn the_offering_space_is_read_by_seats_and_facilitators_and_archives_after_a_month() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let w = workshop(&app, &s).await;
    let offering = w.offering;
    let space: SpaceId = app
        .db
        .read(move |c| lyceum_db::community::space_of_offering(c, offering))
        .await
        .unwrap()
        .expect("made with the offering");
    let path = format!("/spaces/{space}");

    // A seat and a facilitator read it; the waitlist and outsiders find nothing.
    let educator = signed_in(&app, s.email("educator")).await;
    educator
        .get(&path)
        .await
        .expect("Reading conferences that work");
    let facilitator = signed_in(&app, s.email("facilitator")).await;
    assert_eq!(facilitator.get(&path).await.status, 200);
    let waiting = signed_in(&app, &w.waiting.1).await;
    assert_eq!(waiting.get(&path).await.status, 404);
    assert!(
        !waiting
            .get("/spaces")
            .await
            .contains("Reading conferences that work")
    );
    let outsider = signed_in(&app, s.email("ladmin")).await;
    assert_eq!(outsider.get(&path).await.status, 404);

    // Its people post.
    let token = token_for(&app, s.email("educator")).await;
    let topics = format!("/api/v1/spaces/{space}/topics");
    let topic = json!({ "title": "Our reading logs", "kind": "discussion", "body": "Mine are in a folder." });
    let (status, made) = call(
        &app,
        Method::POST,
        &topics,
        Some(&token),
        Some(topic.clone()),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let waiting_token = token_for(&app, &w.waiting.1).await;
    let (status, _) = call(
        &app,
        Method::POST,
        &topics,
        Some(&waiting_token),
        Some(topic.clone()),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, Method::GET, &topics, Some(&waiting_token), None).await;
    assert_eq!(status, 404);

    // A month after the last session it is archived: read, not written.
    app.clock.advance(DAY * 40);
    let educator = signed_in(&app, s.email("educator")).await;
    let token = token_for(&app, s.email("educator")).await;
    educator
        .get(&path)
        .await
        .expect("This workshop space is archived");
    let (status, body) = call(&app, Method::POST, &topics, Some(&token), Some(topic)).await;
    assert_eq!(status, 403, "{body}");
    let topic_id = made["id"].as_i64().unwrap();
    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/topics/{topic_id}/replies"),
        Some(&token),
        Some(json!({ "body": "Late reply" })),
    )
    .await;
    assert!(status == 403 || status == 422, "{status} {body}");
}
