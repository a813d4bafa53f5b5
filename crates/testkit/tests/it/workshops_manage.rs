//! Admins run workshops: create with sessions (bad input named by field and
//! session, nothing saved), edit (capacity never below the seats taken; a
//! changed session keeps its UID and its SEQUENCE goes up; people told),
//! copy to a new date, cancel with a note (everyone emailed in their
//! language), register others from a list with a line-by-line report, and
//! approvals (never one's own). A neighbour's admin finds nothing.

use super::api::{call, token_for};
use lyceum_db::workshops::{self, registrations};
use lyceum_domain::OfferingId;
use lyceum_domain::i18n::Lang;
use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::Method;
use reqwest::multipart::Form;
use serde_json::{Value, json};

const BASE: &str = "https://lyceum.example";

/// A workshop as the form sends it, with one session (`sessions-1-*`).
fn form(audience: &str, facilitator: &str) -> Vec<(&'static str, String)> {
    [
        ("title", "Feedback on student writing with AI"),
        ("description", "Two evenings, hands on."),
        ("language", "en"),
        ("hours", "3"),
        ("capacity", "2"),
        ("registration_opens", "2026-11-01"),
        ("registration_closes", "2027-01-10"),
        ("audience", audience),
        ("facilitators", facilitator),
        ("sessions-1-date", "2027-01-12"),
        ("sessions-1-start", "16:00"),
        ("sessions-1-end", "17:30"),
        ("sessions-1-time_zone", "America/Chicago"),
        ("sessions-1-mode", "virtual"),
        ("sessions-1-meeting_url", "https://meet.example.org/abc"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

fn with(
    mut f: Vec<(&'static str, String)>,
    k: &'static str,
    v: &str,
) -> Vec<(&'static str, String)> {
    f.retain(|(key, _)| *key != k);
    f.push((k, v.to_string()));
    f
}

fn owned<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn offering_id(path: &str) -> OfferingId {
    OfferingId(
        path.split("/offerings/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no offering in {path}")),
    )
}

/// An offering body for the API, one virtual session on `date` 16:00–17:30.
fn body(audience: Option<i64>, facilitator: i64, date: &str, capacity: i64) -> Value {
    json!({
        "title": "Prompting for differentiated reading",
        "language": "en",
        "hours": 1.5,
        "capacity": capacity,
        "registration_opens": "2026-11-01",
        "registration_closes": "2027-01-10",
        "audience_org_id": audience,
        "facilitator_ids": [facilitator],
        "sessions": [{
            "date": date, "start": "16:00", "end": "17:30",
            "time_zone": "America/Chicago", "mode": "virtual",
            "meeting_url": "https://meet.example.org/abc"
        }]
    })
}

#[tokio::test]
async fn admins_create_workshops_with_every_mistake_named_and_register_others_line_by_line() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let district = s.district.0.to_string();
    let facilitator = s.user("facilitator").0.to_string();
    let new = format!("/orgs/{district}/admin/offerings/new");

    dadmin
        .get(&format!("/orgs/{district}/admin/offerings"))
        .await
        .expect("No workshops are organised here yet.")
        .expect(&new);
    dadmin
        .get(&new)
        .await
        .expect("Session 2")
        .expect("Add another session")
        .expect("Test facilitator (facilitator@example.org)");

    // A session that ends before it starts, another over 12 hours: both
    // named by their session, nothing saved.
    let base = form(&district, &facilitator);
    let bad = with(base.clone(), "sessions-1-end", "15:00");
    let mut bad = bad;
    for (k, v) in [
        ("sessions-2-date", "2027-01-13"),
        ("sessions-2-start", "07:00"),
        ("sessions-2-end", "20:00"),
        ("sessions-2-time_zone", "America/Chicago"),
        ("sessions-2-mode", "in_person"),
        ("sessions-2-venue", "Des Moines Learning Hub"),
    ] {
        bad.push((k, v.to_string()));
    }
    let r = dadmin.post(&new, &owned(&bad)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("The session must end after it starts.")
        .expect("href=\"#f-sessions-1-end\"")
        .expect("A session lasts at most 12 hours")
        .expect("href=\"#f-sessions-2-end\"")
        .expect("Des Moines Learning Hub");

    // "Add another session" shows one more row and saves nothing.
    let more = with(base.clone(), "add_session", "1");
    let r = dadmin.post(&new, &owned(&more)).await;
    assert_eq!(r.status, 200);
    r.expect("Session 3").expect("https://meet.example.org/abc");
    dadmin
        .get(&format!("/orgs/{district}/admin/offerings"))
        .await
        .expect("No workshops are organised here yet.");

    // Saved: the edit form opens.
    let r = dadmin.post(&new, &owned(&base)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect("The workshop was created.")
        .expect("Edit workshop");
    let id = offering_id(&r.path);

    // Others registered from a pasted list: each line its own outcome.
    let people = format!("/offerings/{}/manage/registrations", id.0);
    let list = "email\neducator@example.org\nnobody@example.org\nladmin@example.org\nfacilitator@example.org\ndadmin@example.org\neducator2@example.org\n";
    let r = dadmin
        .post_multipart(&people, Form::new().text("list", list))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect_row(&["2", "educator@example.org", "Registered"])
        .expect_row(&[
            "3",
            "nobody@example.org",
            "Nobody has an account with this email",
        ])
        .expect_row(&["4", "ladmin@example.org", "Outside the workshop…"])
        .expect_row(&["5", "facilitator@example.org", "Registered"])
        .expect_row(&["6", "dadmin@example.org", "On the waitlist"]);
    // Twice: already registered.
    let r = dadmin
        .post_multipart(&people, Form::new().text("email", "educator@example.org"))
        .await;
    r.expect_row(&["1", "educator@example.org", "Already registered"]);
    // A malformed list is refused whole, its line named.
    let r = dadmin
        .post_multipart(
            &people,
            Form::new().text("list", "educator@example.org\nnot an email\n"),
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("Line 2: “not an email” is not an email address.")
        .expect("href=\"#f-list\"");

    // Capacity below the two seats taken: refused, nothing saved.
    let edit = format!("/offerings/{}/manage", id.0);
    let page = dadmin.get(&edit).await;
    let session_id = page.input_value("sessions-1-id").expect("the session's id");
    let mut same: Vec<(&'static str, String)> = with(base.clone(), "capacity", "1");
    same.push(("sessions-1-id", session_id.clone()));
    let r = dadmin.post(&edit, &owned(&same)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("2 seats are already taken");
    let list = dadmin
        .get(&format!("/orgs/{district}/admin/offerings"))
        .await;
    list.expect_row(&[
        "Feedback on student writing with AI",
        "Columbus City Schools",
    ])
    .expect("2 / 2");
}

#[tokio::test]
async fn an_edit_bumps_the_changed_session_s_sequence_and_tells_everyone_in_their_language() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("dadmin")).await;
    let facilitator = s.user("facilitator").0;
    let (status, created) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/offerings", s.district.0),
        Some(&token),
        Some(body(Some(s.district.0), facilitator, "2027-01-12", 10)),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["warnings"], json!([]));
    let id = OfferingId(created["id"].as_i64().unwrap());

    // The educator reads Spanish; both registered by the admin.
    let educator = s.user("educator");
    app.db
        .write(move |c| lyceum_db::users::set_language(c, educator, Lang::Es))
        .await
        .unwrap();
    let (status, out) = call(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{}/register-others", id.0),
        Some(&token),
        Some(json!({"emails": ["educator@example.org", "facilitator@example.org", "nope"]})),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out[0]["outcome"], "registered");
    assert_eq!(out[2]["outcome"], "invalid_email");
    app.mail_to(s.email("educator")).await; // the seat
    app.mail_to(s.email("facilitator")).await;

    let before = app
        .db
        .read(move |c| workshops::sessions_of(c, id))
        .await
        .unwrap();
    let session = before[0].id.0;

    // Same plan again: nothing changed, SEQUENCE stays.
    let mut same = body(Some(s.district.0), facilitator, "2027-01-12", 10);
    same["sessions"][0]["id"] = json!(session);
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/offerings/{}", id.0),
        Some(&token),
        Some(same),
    )
    .await;
    assert_eq!(status, 200);
    // An hour later, and a second session added.
    let mut moved = body(Some(s.district.0), facilitator, "2027-01-12", 10);
    moved["sessions"][0]["id"] = json!(session);
    moved["sessions"][0]["start"] = json!("17:00");
    moved["sessions"][0]["end"] = json!("18:30");
    moved["sessions"]
        .as_array_mut()
        .unwrap()
        .push(body(None, facilitator, "2027-01-14", 10)["sessions"][0].clone());
    let (status, saved) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/offerings/{}", id.0),
        Some(&token),
        Some(moved),
    )
    .await;
    assert_eq!(status, 200, "{saved}");

    let after = app
        .db
        .read(move |c| workshops::sessions_of(c, id))
        .await
        .unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0].id.0, session);
    assert_eq!(after[0].uid, before[0].uid, "the UID stays");
    assert_eq!(after[0].sequence, before[0].sequence + 1);
    assert!(after[0].updated_at >= before[0].updated_at);

    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(
        mail.subject,
        "Un taller de Lyceum en el que se inscribió ha cambiado"
    );
    let mail = app.mail_to(s.email("facilitator")).await;
    assert_eq!(
        mail.subject,
        "A Lyceum workshop you registered for has changed"
    );

    // Removing a session someone is registered for cancels it (kept).
    let mut fewer = body(Some(s.district.0), facilitator, "2027-01-12", 10);
    fewer["sessions"][0]["id"] = json!(session);
    fewer["sessions"][0]["start"] = json!("17:00");
    fewer["sessions"][0]["end"] = json!("18:30");
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/offerings/{}", id.0),
        Some(&token),
        Some(fewer),
    )
    .await;
    assert_eq!(status, 200);
    let kept = app
        .db
        .read(move |c| workshops::sessions_of(c, id))
        .await
        .unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept[1].cancelled_at.is_some());
    assert_eq!(kept[1].sequence, after[1].sequence + 1);
    app.mail_to(s.email("educator")).await;
    app.mail_to(s.email("facilitator")).await;

    // Capacity below the seats taken: refused by field.
    let mut small = body(Some(s.district.0), facilitator, "2027-01-12", 1);
    small["sessions"][0]["id"] = json!(session);
    let (status, err) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/offerings/{}", id.0),
        Some(&token),
        Some(small),
    )
    .await;
    assert_eq!(status, 422, "{err}");
    assert!(err.to_string().contains("capacity"), "{err}");

    // Cancelled with a note: everyone emailed in their language, the
    // registrations kept, every session cancelled with SEQUENCE up.
    let (status, out) = call(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{}/cancel", id.0),
        Some(&token),
        Some(json!({"message": "The hub is closed for repairs."})),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["told"], 2);
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(
        mail.subject,
        "Un taller de Lyceum en el que se inscribió fue cancelado"
    );
    assert!(
        mail.text.contains("The hub is closed for repairs."),
        "{}",
        mail.text
    );
    let mail = app.mail_to(s.email("facilitator")).await;
    assert_eq!(
        mail.subject,
        "A Lyceum workshop you registered for was cancelled"
    );
    let (sessions, regs) = app
        .db
        .read(move |c| Ok((workshops::sessions_of(c, id)?, registrations::list(c, id)?)))
        .await
        .unwrap();
    assert!(sessions.iter().all(|s| s.cancelled_at.is_some()));
    assert_eq!(sessions[0].sequence, after[0].sequence + 1);
    assert_eq!(regs.len(), 2);
    // Twice: refused.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{}/cancel", id.0),
        Some(&token),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn a_facilitator_booked_twice_is_warned_and_a_copy_moves_every_session() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("dadmin")).await;
    let facilitator = s.user("facilitator").0;
    let create = format!("/api/v1/orgs/{}/offerings", s.district.0);
    let (status, first) = call(
        &app,
        Method::POST,
        &create,
        Some(&token),
        Some(body(None, facilitator, "2027-01-12", 5)),
    )
    .await;
    assert_eq!(status, 201, "{first}");
    let (status, second) = call(
        &app,
        Method::POST,
        &create,
        Some(&token),
        Some(body(None, facilitator, "2027-01-12", 5)),
    )
    .await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second["warnings"][0]["facilitator"], "Test facilitator");
    assert_eq!(second["warnings"][0]["session"], 1);

    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    dadmin
        .get(&format!("/offerings/{}/manage", second["id"]))
        .await
        .expect("Facilitators booked twice")
        .expect("Test facilitator also facilitates a session starting");

    // Copied to 2027-02-09 (four weeks on): same wall-clock times.
    let r = dadmin
        .post(
            &format!("/offerings/{}/manage/copy", first["id"]),
            &[("first_date", "2027-02-09")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect("The workshop was copied.");
    let copy = offering_id(&r.path);
    assert_ne!(copy.0, first["id"].as_i64().unwrap());
    r.expect("name=\"sessions-1-date\" type=\"date\" value=\"2027-02-09\"")
        .expect("name=\"sessions-1-start\" type=\"time\" value=\"16:00\"")
        .expect("name=\"registration_closes\" type=\"date\" value=\"2027-02-07\"");
    let r = dadmin
        .post(
            &format!("/offerings/{}/manage/copy", first["id"]),
            &[("first_date", "soon")],
        )
        .await;
    assert_eq!(r.status, 422);
}

#[tokio::test]
async fn nobody_decides_their_own_registration_and_a_neighbour_s_admin_finds_nothing() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("dadmin")).await;
    let facilitator = s.user("facilitator").0;
    let mut b = body(Some(s.district.0), facilitator, "2027-01-12", 5);
    b["needs_approval"] = json!(true);
    let (status, created) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/offerings", s.district.0),
        Some(&token),
        Some(b),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = OfferingId(created["id"].as_i64().unwrap());

    // The admin and the educator ask for seats themselves.
    let (me, educator) = (s.user("dadmin"), s.user("educator"));
    let now = app.clock.now();
    app.db
        .write(move |c| {
            for u in [me, educator] {
                registrations::register(c, id, u, registrations::By::Themselves, BASE, now)?;
            }
            Ok(())
        })
        .await
        .unwrap();

    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let people = format!("/offerings/{}/manage/registrations", id.0);
    dadmin
        .get(&people)
        .await
        .expect("This is your own registration: another admin decides it.");
    let r = dadmin
        .post(
            &format!("{people}/{}/decide", me.0),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    r.expect("You cannot decide your own registration");
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{}/approvals/{}", id.0, me.0),
        Some(&token),
        Some(json!({"approve": true})),
    )
    .await;
    assert_eq!(status, 422);

    // The educator's is theirs to decide; the admin's, the programme's.
    let r = dadmin
        .post(
            &format!("{people}/{}/decide", educator.0),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.expect("The decision was saved");
    let above = token_for(&app, s.email("admin")).await;
    let (status, out) = call(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{}/approvals/{}", id.0, me.0),
        Some(&above),
        Some(json!({"approve": true})),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["status"], "confirmed");

    // The neighbouring local's admin: outside the audience, the offering
    // is not there (404); open to all, it is there but not theirs (403).
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    for path in [
        "manage",
        "manage/copy",
        "manage/cancel",
        "manage/registrations",
    ] {
        let r = ladmin.get(&format!("/offerings/{}/{path}", id.0)).await;
        assert_eq!(r.status, 404, "{path}");
    }
    let theirs = token_for(&app, s.email("ladmin")).await;
    let (status, open) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/offerings", s.district.0),
        Some(&theirs),
        Some(body(None, facilitator, "2027-01-12", 5)),
    )
    .await;
    assert_eq!(status, 403, "{open}");
    let (_, open) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/offerings", s.district.0),
        Some(&token),
        Some(body(None, facilitator, "2027-01-12", 5)),
    )
    .await;
    let open = open["id"].as_i64().unwrap();
    for (method, path, body) in [
        (
            Method::PUT,
            format!("/api/v1/offerings/{open}"),
            body(None, facilitator, "2027-01-12", 5),
        ),
        (
            Method::POST,
            format!("/api/v1/offerings/{open}/cancel"),
            json!({}),
        ),
        (
            Method::POST,
            format!("/api/v1/offerings/{open}/copy"),
            json!({"first_date": "2027-02-01"}),
        ),
        (
            Method::POST,
            format!("/api/v1/offerings/{open}/register-others"),
            json!({"emails": ["ladmin@example.org"]}),
        ),
    ] {
        let (status, _) = call(&app, method, &path, Some(&theirs), Some(body)).await;
        assert_eq!(status, 403, "{path}");
    }
    let r = ladmin.get(&format!("/offerings/{open}/manage")).await;
    assert_eq!(r.status, 403);
}
