//! Local time: organisations name their IANA zone (states by default,
//! inherited below, changed only by their admins), school years and ledger
//! dates follow the educator's school's calendar, and pages show dates in
//! the reader's zone with the zone named.

use super::api::call;
use super::api::token_for;
use super::learning::{COURSE, course};
use lyceum_db::{audit, memberships, orgs};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::{OrgId, Timestamp, UserId};
use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

/// Moves the test clock forward to `at` (an RFC 3339 instant ahead of now).
fn move_clock_to(app: &TestApp, at: &str) {
    let target = Timestamp::from_jiff(at.parse().unwrap());
    let now = app.clock.now();
    assert!(target > now, "{at} is in the past");
    app.clock.advance(Duration::from_micros(
        (target.micros() - now.micros()) as u64,
    ));
}

async fn zone_of(app: &TestApp, org: OrgId) -> Option<String> {
    app.db
        .read(move |c| Ok(orgs::get(c, org)?.time_zone))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_course_finished_on_a_june_evening_in_los_angeles_counts_in_june() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // The state (Ohio) has its main zone from the start; the district
    // below it moves to Pacific time, and the school inherits it.
    assert_eq!(
        zone_of(&app, s.state).await.as_deref(),
        Some("America/New_York")
    );
    let token = token_for(&app, s.email("dadmin")).await;
    let district = s.district.0;
    let (status, org) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{district}"),
        Some(&token),
        Some(json!({ "name": "Test District", "time_zone": "America/Los_Angeles" })),
    )
    .await;
    assert_eq!(status, 200, "{org}");
    assert_eq!(org["time_zone"], "America/Los_Angeles");
    assert_eq!(zone_of(&app, s.school_a).await, None, "the school inherits");
    // The API names the zone a person's dates are computed in.
    let educator = token_for(&app, s.email("educator")).await;
    let (_, me) = call(&app, Method::GET, "/api/v1/me", Some(&educator), None).await;
    assert_eq!(me["time_zone"], "America/Los_Angeles", "{me}");

    let mut c = course(false);
    c["pd_hours"] = json!(1.25);
    app.import_course(&c, None).await;
    // A minute before 8:00 pm on 30 June 2027 in Los Angeles...
    move_clock_to(&app, "2027-07-01T02:59:00Z");
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(&format!("{COURSE}/enrol"), &[]).await;
    for lesson in ["purpose", "process"] {
        b.post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    // ... and 8:00 pm: already 1 July in UTC.
    move_clock_to(&app, "2027-07-01T03:00:00Z");
    b.post(&format!("{COURSE}/lessons/reflection/finish"), &[])
        .await
        .expect("You completed this course.");

    let transcript = b.get("/transcript").await;
    transcript
        .expect("2026–27 school year: 1.25 PD hours")
        .expect_row(&["30 Jun 2027", "Designing an AI-aware assignment…"])
        .expect("Dates are in the America/Los_Angeles time zone.");
    assert!(!transcript.contains("2027–28"));
    let csv = b.get("/transcript.csv").await;
    assert!(
        csv.body
            .contains("2026–27,2027-06-30,Designing an AI-aware assignment"),
        "{}",
        csv.body
    );

    // The certificate names the holder's zone, for whoever reads it.
    let href = b
        .get(COURSE)
        .await
        .body
        .split("href=\"/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|code| format!("/certificates/{code}"))
        .expect("a link to the certificate");
    app.browser()
        .get(&href)
        .await
        .expect("<dt>Issued</dt><dd>30 Jun 2027, 8:00 pm PDT</dd>");

    // The ledger row itself holds the instant and the Pacific school year.
    let user = s.user("educator");
    let (earned, year) = app
        .db
        .read(move |c| {
            let row = lyceum_db::credit::ledger_of(c, user)?.remove(0);
            Ok((row.earned_at, row.school_year))
        })
        .await
        .unwrap();
    assert_eq!(
        Timestamp::from_micros(earned).to_rfc3339(),
        "2027-07-01T03:00:00Z"
    );
    assert_eq!(year, 2026);
}

#[tokio::test]
async fn zones_are_checked_and_set_only_by_the_organisations_admins() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // A school admin, for the school below the district.
    let (school, now) = (s.school_a, app.clock.now());
    let sadmin = s.user("educator");
    app.db
        .write(move |c| {
            let org = orgs::get(c, school)?;
            memberships::add(c, sadmin, &org, Role::OrgAdmin, now)
        })
        .await
        .unwrap();
    let token = token_for(&app, s.email("educator")).await;
    let district = s.district.0;

    // Not the district's zone: power does not flow up.
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{district}"),
        Some(&token),
        Some(json!({ "name": "Test District", "time_zone": "Pacific/Honolulu" })),
    )
    .await;
    assert_eq!(status, 403);
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let refused = b
        .post(
            &format!("/orgs/{district}/admin"),
            &[
                ("name", "Test District"),
                ("kind", "district"),
                ("time_zone", "Pacific/Honolulu"),
            ],
        )
        .await;
    assert!(matches!(refused.status, 403 | 404), "{}", refused.status);
    assert_eq!(zone_of(&app, s.district).await, None);

    // An unknown zone is a field error and changes nothing.
    let (status, e) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/orgs/{}", school.0),
        Some(&token),
        Some(json!({ "name": "Test School A", "time_zone": "America/Springfield" })),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["fields"][0]["field"], "time_zone");
    assert_eq!(e["error"]["fields"][0]["code"], "invalid-time-zone");
    let form = b
        .post(
            &format!("/orgs/{}/admin", school.0),
            &[
                ("name", "Renamed"),
                ("kind", "school"),
                ("time_zone", "Mars/Olympus_Mons"),
            ],
        )
        .await;
    assert_eq!(form.status, 422);
    form.expect("Enter a time zone from the list, such as America/Chicago.");
    assert_eq!(zone_of(&app, school).await, None);
    let name = app
        .db
        .read(move |c| Ok(orgs::get(c, school)?.name))
        .await
        .unwrap();
    assert_ne!(name, "Renamed");

    // Their own school's zone: yes, on the settings page, audited.
    b.get(&format!("/orgs/{}/admin", school.0))
        .await
        .expect("Leave empty to use the zone above: America/New_York.");
    b.post(
        &format!("/orgs/{}/admin", school.0),
        &[
            ("name", "Test School A"),
            ("kind", "school"),
            ("time_zone", "America/Puerto_Rico"),
        ],
    )
    .await;
    assert_eq!(
        zone_of(&app, school).await.as_deref(),
        Some("America/Puerto_Rico")
    );
    let log = app
        .db
        .read(move |c| audit::recent_for_org(c, school, 10))
        .await
        .unwrap();
    let changed = log
        .iter()
        .find(|e| e.action == "org.time_zone_changed")
        .expect("the change is audited");
    assert!(
        changed.detail.contains("America/Puerto_Rico"),
        "{}",
        changed.detail
    );

    // Dates on their pages now follow Puerto Rico (AST, UTC-4 all year):
    // 03:30 UTC on 1 January is still 31 December there.
    move_clock_to(&app, "2028-01-01T03:30:00Z");
    let zone = app
        .db
        .read(move |c| orgs::zone_of_user(c, UserId(sadmin.0)))
        .await
        .unwrap();
    assert_eq!(zone, TimeZone::parse("America/Puerto_Rico").unwrap());
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(
        "/account/tokens",
        &[
            ("name", "new year"),
            ("scope", "read"),
            ("expires_in_days", "30"),
            ("password", PASSWORD),
        ],
    )
    .await
    .expect("<dd>31 Dec 2027</dd>");

    // Clearing it inherits again.
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(
        &format!("/orgs/{}/admin", school.0),
        &[
            ("name", "Test School A"),
            ("kind", "school"),
            ("time_zone", ""),
        ],
    )
    .await;
    assert_eq!(zone_of(&app, school).await, None);
}
