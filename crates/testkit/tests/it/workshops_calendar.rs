//! Workshop calendars end to end: an offering's and a session's `.ics`
//! (read with the independent `ical` parser) for those who see the
//! offering, the meeting link only for those holding a seat; the UID
//! stable and the SEQUENCE up after an edit, CANCEL after a cancellation;
//! a personal feed at a secret address, listing one's own sessions only,
//! made anew on the page or the API (the old address stops at once).

use diesel::prelude::*;
use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;
use lyceum_db::schema::offering_sessions;
use lyceum_db::workshops::registrations::{self, By};
use lyceum_db::workshops::{self, NewOffering};
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, SessionId, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);
const MEETING: &str = "https://meet.example.org/ai-feedback";

/// A date `days` from now, `YYYY-MM-DD`.
fn day(app: &TestApp, days: u64) -> String {
    app.clock
        .now()
        .plus(DAY * u32::try_from(days).unwrap())
        .to_rfc3339()[..10]
        .to_string()
}

fn yesterday(app: &TestApp) -> String {
    app.clock.now().minus(DAY).to_rfc3339()[..10].to_string()
}

/// An offering in the district for its people: a virtual session in
/// New York and one in person in Chicago, with the district's facilitator.
async fn offering(app: &TestApp, s: &Seed, title: &str) -> (OfferingId, Vec<SessionId>) {
    let plan = OfferingInput {
        title: title.into(),
        description: "Hands-on; bring a laptop, and a sample of student writing.".into(),
        language: "en".into(),
        hours: "3".into(),
        capacity: "5".into(),
        // Yesterday: opening "today" means midnight in the offering's zone,
        // still hours away in the small hours of a UTC day.
        registration_opens: yesterday(app),
        registration_closes: day(app, 20),
        sessions: vec![
            SessionInput {
                date: day(app, 30),
                start: "16:00".into(),
                end: "17:30".into(),
                time_zone: "America/New_York".into(),
                mode: "virtual".into(),
                meeting_url: MEETING.into(),
                ..Default::default()
            },
            SessionInput {
                date: day(app, 37),
                start: "09:00".into(),
                end: "12:00".into(),
                time_zone: "America/Chicago".into(),
                mode: "in_person".into(),
                venue: "Columbus Learning Hub".into(),
                room: "Room 4".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    }
    .validate()
    .unwrap();
    let (org, facilitator, admin) = (s.district, s.user("facilitator"), s.user("dadmin"));
    let now = app.clock.now();
    let id = app
        .db
        .write(move |c| {
            workshops::create(
                c,
                &NewOffering {
                    org,
                    course: None,
                    audience: Some(org),
                    facilitators: &[facilitator],
                    competencies: &[],
                    created_by: admin,
                },
                &plan,
                now,
            )
        })
        .await
        .unwrap();
    let sessions = app
        .db
        .read(move |c| workshops::sessions_of(c, id))
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    (id, sessions)
}

async fn register(app: &TestApp, offering: OfferingId, who: UserId) {
    let (now, base) = (app.clock.now(), app.url.clone());
    app.db
        .write(move |c| registrations::register(c, offering, who, By::Themselves, &base, now))
        .await
        .unwrap();
}

fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    match parser.next() {
        Some(Ok(cal)) => cal,
        other => panic!("not a calendar: {other:?}\n{text}"),
    }
}

fn value(props: &[Property], name: &str) -> String {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

/// The file at `path` as `b` gets it: a calendar, with its type.
async fn ics(b: &Browser, path: &str) -> IcalCalendar {
    let r = b.get(path).await;
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    assert_eq!(
        r.headers.get("content-type").unwrap(),
        "text/calendar; charset=utf-8"
    );
    parse(&r.body)
}

async fn signed_in(app: &TestApp, s: &Seed, who: &str) -> Browser {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b
}

/// The feed address on the page just answered.
fn feed_url(body: &str) -> String {
    let at = body
        .find("id=\"calendar-feed-link\"")
        .unwrap_or_else(|| panic!("no feed address: {body}"));
    let rest = &body[at..];
    let start = rest.find("value=\"").unwrap() + 7;
    let end = rest[start..].find('"').unwrap();
    rest[start..start + end].to_string()
}

#[tokio::test]
async fn session_files_keep_their_uid_raise_the_sequence_and_cancel() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (id, sessions) = offering(&app, &s, "AI feedback on student writing").await;
    let educator = signed_in(&app, &s, "educator").await;

    // In the audience, no seat yet: the sessions, not the meeting link.
    let cal = ics(&educator, &format!("/offerings/{id}/calendar.ics")).await;
    assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(cal.events.len(), 2);
    assert_eq!(cal.timezones.len(), 2);
    assert!(
        cal.events
            .iter()
            .all(|e| value(&e.properties, "URL") != MEETING)
    );
    let uids: Vec<String> = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "UID"))
        .collect();

    // With a seat: the link is in the file.
    register(&app, id, s.user("educator")).await;
    let one = format!("/offerings/{id}/sessions/{}/calendar.ics", sessions[0]);
    let cal = ics(&educator, &one).await;
    assert_eq!(cal.events.len(), 1);
    let ev = &cal.events[0];
    assert_eq!(value(&ev.properties, "URL"), MEETING);
    assert_eq!(value(&ev.properties, "SEQUENCE"), "0");
    let dtstart = ev.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert!(dtstart.value.as_deref().unwrap().ends_with("T160000"));
    assert_eq!(
        dtstart.params.clone().unwrap(),
        vec![("TZID".to_string(), vec!["America/New_York".to_string()])]
    );
    assert_eq!(
        value(&cal.timezones[0].properties, "TZID"),
        "America/New_York"
    );

    // An edit (an hour later, the sequence up): the same UID.
    let first = sessions[0];
    app.db
        .write(move |c| {
            diesel::update(offering_sessions::table.find(first.0))
                .set((
                    offering_sessions::starts_at.eq(offering_sessions::starts_at + 3_600_000_000),
                    offering_sessions::ends_at.eq(offering_sessions::ends_at + 3_600_000_000),
                    offering_sessions::sequence.eq(offering_sessions::sequence + 1),
                ))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let cal = ics(&educator, &one).await;
    let ev = &cal.events[0];
    assert_eq!(value(&ev.properties, "UID"), uids[0]);
    assert_eq!(value(&ev.properties, "SEQUENCE"), "1");
    assert!(value(&ev.properties, "DTSTART").ends_with("T170000"));

    // Cancelled: a CANCEL, same UID, sequence up again.
    app.db
        .write(move |c| {
            diesel::update(offering_sessions::table.find(first.0))
                .set((
                    offering_sessions::cancelled_at.eq(Some(0i64)),
                    offering_sessions::sequence.eq(offering_sessions::sequence + 1),
                ))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let cal = ics(&educator, &one).await;
    assert_eq!(value(&cal.properties, "METHOD"), "CANCEL");
    let ev = &cal.events[0];
    assert_eq!(value(&ev.properties, "STATUS"), "CANCELLED");
    assert_eq!(value(&ev.properties, "UID"), uids[0]);
    assert_eq!(value(&ev.properties, "SEQUENCE"), "2");
    // The whole offering's file publishes it as cancelled beside the other.
    let cal = ics(&educator, &format!("/offerings/{id}/calendar.ics")).await;
    assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(value(&cal.events[0].properties, "STATUS"), "CANCELLED");
    assert_eq!(value(&cal.events[1].properties, "STATUS"), "CONFIRMED");

    // Outside the audience: no such offering. A session of another: none.
    let outsider = signed_in(&app, &s, "ladmin").await;
    assert_eq!(outsider.get(&one).await.status, 404);
    let (other, _) = offering(&app, &s, "Another").await;
    let wrong = format!("/offerings/{other}/sessions/{}/calendar.ics", sessions[0]);
    assert_eq!(educator.get(&wrong).await.status, 404);
    // Signed out: to sign in.
    let anonymous = Browser::no_redirects(&app.url);
    let r = anonymous.get(&one).await;
    assert!(
        r.status == 303 || r.status == 302 || r.status == 401,
        "{}",
        r.status
    );
}

#[tokio::test]
async fn a_feed_lists_ones_own_sessions_and_a_new_address_stops_the_old() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (mine, _) = offering(&app, &s, "Prompting for differentiated reading").await;
    offering(&app, &s, "Not for the educator").await;
    register(&app, mine, s.user("educator")).await;
    let educator = signed_in(&app, &s, "educator").await;

    educator
        .get("/calendar")
        .await
        .expect("You have no feed address yet.");
    let made = educator.post("/calendar/reset", &[]).await;
    assert_eq!(made.status, 200);
    let url = feed_url(&made.body);
    assert!(url.starts_with(&app.url) && url.ends_with(".ics"), "{url}");
    // Shown once: the page later says when it was made, not the address.
    let later = educator.get("/calendar").await;
    assert!(!later.body.contains(&url));
    later.expect("Make a new address");

    // Anyone with the address reads it, signed in or not.
    let anonymous = Browser::new(&app.url);
    let cal = ics(&anonymous, &url).await;
    let titles: Vec<String> = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "SUMMARY"))
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles
            .iter()
            .all(|t| t == "Prompting for differentiated reading")
    );
    assert!(
        cal.events
            .iter()
            .any(|e| value(&e.properties, "URL") == MEETING)
    );
    assert_eq!(value(&cal.properties, "X-WR-CALNAME"), "Lyceum workshops");
    // The facilitator's feed has both offerings.
    let facilitator = signed_in(&app, &s, "facilitator").await;
    let theirs_url = feed_url(&facilitator.post("/calendar/reset", &[]).await.body);
    let cal = ics(&anonymous, &theirs_url).await;
    assert_eq!(cal.events.len(), 4);
    assert!(
        cal.events
            .iter()
            .any(|e| value(&e.properties, "SUMMARY") == "Not for the educator")
    );

    // A new address on the page: the old one stops at once.
    let again = feed_url(&educator.post("/calendar/reset", &[]).await.body);
    assert_ne!(again, url);
    assert_eq!(anonymous.get(&url).await.status, 404);
    ics(&anonymous, &again).await;
    // Anything else under /calendar/ is no feed.
    assert_eq!(anonymous.get("/calendar/not-a-feed").await.status, 404);

    // The same over the API.
    let token = crate::api::token_for(&app, s.email("educator")).await;
    let api = reqwest::Client::new();
    let status: serde_json::Value = api
        .get(format!("{}/api/v1/me/calendar", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(status["has_feed"], true);
    let made: serde_json::Value = api
        .post(format!("{}/api/v1/me/calendar/reset", app.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let from_api = made["url"].as_str().unwrap().to_string();
    assert_eq!(anonymous.get(&again).await.status, 404);
    ics(&anonymous, &from_api).await;
    let r = api
        .get(format!("{}/api/v1/offerings/{mine}/calendar.ics", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(parse(&r.text().await.unwrap()).events.len(), 2);
}
