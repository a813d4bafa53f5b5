//! Attendance end to end: an attendee checks in with the code shown in the
//! room (only for that session, inside its window), a facilitator marks
//! the rest on the sheet, the credit reaches the transcript with its
//! certificate, a correction through the API takes it back; those who do
//! not lead an offering see none of it.

use crate::api::{call, token_for};
use diesel::prelude::*;
use lyceum_db::schema::{audit_log, offering_sessions};
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering, SessionRow};
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, OrgId, UserId};
use lyceum_testkit::{PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

const HOUR: i64 = 3_600_000_000;

fn session() -> SessionInput {
    SessionInput {
        date: "2030-03-04".into(),
        start: "09:00".into(),
        end: "11:00".into(),
        time_zone: "America/New_York".into(),
        mode: "in_person".into(),
        venue: "Hub".into(),
        ..Default::default()
    }
}

/// A workshop of two sessions organised by the district, led by
/// `facilitators`, open to anyone signed in, with `attendees` registered.
/// Its sessions start an hour and a day from now.
async fn offering(
    app: &TestApp,
    s: &Seed,
    title: &str,
    facilitators: Vec<UserId>,
    attendees: Vec<UserId>,
) -> (OfferingId, Vec<SessionRow>) {
    let now = app.clock.now();
    let (org, admin) = (s.district, s.user("dadmin"));
    let title = title.to_string();
    app.db
        .write(move |c| {
            let plan = OfferingInput {
                title,
                description: "Two mornings.".into(),
                language: "en".into(),
                hours: "4".into(),
                capacity: "5".into(),
                registration_opens: "2026-01-01".into(),
                registration_closes: "2030-01-01".into(),
                credit_min_percent: "100".into(),
                sessions: vec![session(), session()],
                ..Default::default()
            }
            .validate()
            .unwrap();
            let id = workshops::create(
                c,
                &NewOffering {
                    org: OrgId(org.0),
                    course: None,
                    audience: None,
                    facilitators: &facilitators,
                    competencies: &[],
                    created_by: admin,
                },
                &plan,
                now,
            )?;
            let sessions = workshops::sessions_of(c, id)?;
            for (s, from_now) in sessions.iter().zip([HOUR, 24 * HOUR]) {
                diesel::update(offering_sessions::table.find(s.id.0))
                    .set((
                        offering_sessions::starts_at.eq(now.micros() + from_now),
                        offering_sessions::ends_at.eq(now.micros() + from_now + 2 * HOUR),
                    ))
                    .execute(c)?;
            }
            for p in attendees {
                registrations::register(c, id, p, By::Themselves, "http://x", now)?;
            }
            Ok((id, workshops::sessions_of(c, id)?))
        })
        .await
        .unwrap()
}

fn audited(app: &TestApp, action: &'static str) -> impl Future<Output = i64> {
    let db = app.db.clone();
    async move {
        db.read(move |c| {
            Ok(audit_log::table
                .filter(audit_log::action.eq(action))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap()
    }
}

#[tokio::test]
async fn check_in_marks_and_credit_reach_the_transcript_and_a_correction_takes_it_back() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = s.user("educator");
    let (id, sessions) = offering(
        &app,
        &s,
        "Assessing with AI",
        vec![s.user("facilitator")],
        vec![educator],
    )
    .await;
    let (one, two) = (&sessions[0], &sessions[1]);
    let check_in = format!("/offerings/{}/check-in", id.0);

    // Check-in: not before half an hour ahead of the start.
    let person = app.browser();
    person.sign_in(s.email("educator"), PASSWORD).await;
    person
        .get(&check_in)
        .await
        .expect("Check in: Assessing with AI");
    let early = person.post(&check_in, &[("code", &one.checkin_code)]).await;
    assert_eq!(early.status, 422);
    early.expect("Check-in opens at");
    app.clock.advance(Duration::from_secs(40 * 60));
    let session_one = one.id.0.to_string();
    let other = person
        .post(
            &check_in,
            &[("code", &two.checkin_code), ("session", &session_one)],
        )
        .await;
    other.expect("That code is for another session of this workshop.");
    let wrong = person.post(&check_in, &[("code", "ZZ ZZZZ")]).await;
    wrong.expect("That code is not right.");
    let typed = one.checkin_code.to_lowercase();
    let ok = person
        .post(&check_in, &[("code", &typed), ("session", &session_one)])
        .await;
    assert_eq!(ok.status, 200);
    ok.expect("You are checked in.");
    assert_eq!(audited(&app, "workshop.checked_in").await, 1);

    // The facilitator's roster and sheet; the sheet shows the code.
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .get(&format!("/offerings/{}/roster", id.0))
        .await
        .expect("With a seat (1)")
        .expect("Test educator")
        .expect("Present");
    let sheet = format!("/offerings/{}/sessions/{}/attendance", id.0, two.id.0);
    facilitator
        .get(&sheet)
        .await
        .expect(&two.checkin_code)
        .expect("Save attendance");
    let field = format!("mark-{}", educator.0);
    let saved = facilitator.post(&sheet, &[(&field, "late")]).await;
    saved.expect("Attendance saved.");
    // A mark that is no mark is refused by field, nothing saved.
    let bad = facilitator.post(&sheet, &[(&field, "asleep")]).await;
    assert_eq!(bad.status, 422);
    bad.expect("Choose one of the five marks");

    // Both sessions attended: the hours and the certificate.
    person
        .get("/transcript")
        .await
        .expect("Assessing with AI")
        .expect("Workshop")
        .expect("Certificate");
    let csv = facilitator
        .get(&format!("/offerings/{}/roster.csv", id.0))
        .await;
    assert!(csv.body.contains("Test educator"), "{}", csv.body);
    assert!(csv.body.contains("present,late,yes"), "{}", csv.body);

    // A correction through the API breaks the rule: the credit goes, with
    // an audit entry naming why.
    let token = token_for(&app, s.email("facilitator")).await;
    let path = format!(
        "/api/v1/offerings/{}/sessions/{}/attendance",
        id.0, two.id.0
    );
    let body = json!({ "marks": [{ "user_id": educator.0, "mark": "absent" }] });
    let (status, saved) = call(&app, Method::PUT, &path, Some(&token), Some(body)).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["reversed"], json!([educator.0]));
    let (status, sheet) = call(&app, Method::GET, &path, Some(&token), None).await;
    assert_eq!(status, 200, "{sheet}");
    assert_eq!(sheet["people"][0]["mark"], "absent");
    let transcript = person.get("/transcript").await;
    assert!(!transcript.contains("Assessing with AI"));
    assert_eq!(audited(&app, "workshop.credit_reversed").await, 1);
    assert_eq!(audited(&app, "workshop.attendance_marked").await, 2);
}

#[tokio::test]
async fn only_those_who_lead_an_offering_see_its_roster_and_marks() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (mine, my_sessions) = offering(&app, &s, "Mine", vec![s.user("facilitator")], vec![]).await;
    let (theirs, their_sessions) = offering(&app, &s, "Theirs", vec![], vec![]).await;
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    let roster = |o: OfferingId| format!("/offerings/{}/roster", o.0);
    assert_eq!(facilitator.get(&roster(mine)).await.status, 200);
    // Another offering: visible to everyone signed in, led by others.
    assert_eq!(facilitator.get(&roster(theirs)).await.status, 403);
    // A session of another offering through this one's address.
    let crossed = format!(
        "/offerings/{}/sessions/{}/attendance",
        mine.0, their_sessions[0].id.0
    );
    assert_eq!(facilitator.get(&crossed).await.status, 404);
    // An educator leads nothing.
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(educator.get(&roster(mine)).await.status, 403);
    let token = token_for(&app, s.email("educator")).await;
    let path = format!(
        "/api/v1/offerings/{}/sessions/{}/attendance",
        mine.0, my_sessions[0].id.0
    );
    let (status, _) = call(&app, Method::GET, &path, Some(&token), None).await;
    assert_eq!(status, 403);
    let body = json!({ "marks": [{ "user_id": s.user("educator").0, "mark": "present" }] });
    let (status, _) = call(&app, Method::PUT, &path, Some(&token), Some(body)).await;
    assert_eq!(status, 403);
    // An admin who manages it may (the district's).
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    assert_eq!(dadmin.get(&roster(theirs)).await.status, 200);
}

/// While a session's check-in is open, a person with a seat checks in from
/// the offering's page itself (the code typed on the session's card), and
/// lands back there, told. Before the window, and for someone without a
/// seat, the page offers no such form.
#[tokio::test]
async fn a_seated_person_checks_in_on_the_offering_page_while_the_window_is_open() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = s.user("educator");
    let (id, sessions) = offering(
        &app,
        &s,
        "Feedback with AI",
        vec![s.user("facilitator")],
        vec![educator],
    )
    .await;
    let page = format!("/offerings/{}", id.0);
    let action = format!("action=\"/offerings/{}/check-in\"", id.0);
    let person = app.browser();
    person.sign_in(s.email("educator"), PASSWORD).await;
    let before = person.get(&page).await;
    assert!(!before.body.contains(&action), "{}", before.body);

    // Half an hour before the first session's start: its card asks for the code.
    app.clock.advance(Duration::from_secs(40 * 60));
    let open = person.get(&page).await;
    open.expect("Check-in code");
    assert!(open.body.contains(&action), "{}", open.body);
    let hidden = format!("name=\"session\" value=\"{}\"", sessions[0].id.0);
    assert!(open.body.contains(&hidden), "{}", open.body);

    // Someone without a seat is offered none.
    let other = app.browser();
    other.sign_in(s.email("moderator"), PASSWORD).await;
    let theirs = other.get(&page).await;
    assert!(!theirs.body.contains(&action), "{}", theirs.body);

    // Checked in from there: back on the offering's page, told.
    let session = sessions[0].id.0.to_string();
    let done = person
        .post(
            &format!("/offerings/{}/check-in", id.0),
            &[("code", &sessions[0].checkin_code), ("session", &session)],
        )
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.path, page);
    done.expect("You are checked in.")
        .expect("Feedback with AI");
    assert_eq!(audited(&app, "workshop.checked_in").await, 1);
}
