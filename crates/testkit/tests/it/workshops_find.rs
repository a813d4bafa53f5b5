//! Finding workshops and registering, end to end over HTTP: the list holds
//! only what the reader may see (a sibling's audience-limited offering is
//! neither listed nor reachable), its filters narrow it, the meeting link
//! shows only once a seat is confirmed, a cancelled seat goes to the first
//! on the waitlist (emailed), and refusals say why in both languages.

use crate::api::token_for;
use lyceum_db::workshops::{self, NewOffering};
use lyceum_db::{DbConn, memberships, orgs, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::password::hash_password;
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::workshop::offering::{OfferingInput, SessionInput};
use lyceum_domain::{OfferingId, OrgId, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;

const LINK: &str = "https://meet.example.org/ai-reading-circle";

/// The day `n` days from now (before it, for a negative `n`),
/// `YYYY-MM-DD` (UTC).
fn day(app: &TestApp, n: i64) -> String {
    let now = app.clock.now();
    let at = if n >= 0 {
        now.plus(Duration::from_secs(n.unsigned_abs() * 86_400))
    } else {
        now.minus(Duration::from_secs(n.unsigned_abs() * 86_400))
    };
    at.date_in(&TimeZone::utc()).to_string()
}

/// An offering to create: where, for whom, when (days from now), how.
struct Plan {
    title: &'static str,
    org: OrgId,
    audience: Option<OrgId>,
    language: &'static str,
    capacity: u32,
    /// Registration opens and closes, days from now.
    window: (i64, i64),
    /// The session, days from now.
    on: i64,
    online: bool,
}

impl Plan {
    fn new(title: &'static str, org: OrgId, audience: Option<OrgId>) -> Self {
        Plan {
            title,
            org,
            audience,
            language: "en",
            capacity: 10,
            window: (-1, 19),
            on: 20,
            online: false,
        }
    }
}

async fn create(app: &TestApp, s: &Seed, p: Plan) -> OfferingId {
    let input = OfferingInput {
        title: p.title.into(),
        description: "Hands-on work with AI tools for reading lessons.\n\nBring a laptop.".into(),
        language: p.language.into(),
        hours: "2.5".into(),
        capacity: p.capacity.to_string(),
        registration_opens: day(app, p.window.0),
        registration_closes: day(app, p.window.1),
        sessions: vec![SessionInput {
            date: day(app, p.on),
            start: "16:00".into(),
            end: "18:00".into(),
            time_zone: "America/Chicago".into(),
            mode: if p.online { "virtual" } else { "in_person" }.into(),
            venue: if p.online {
                ""
            } else {
                "Columbus Teaching Hub"
            }
            .into(),
            address: if p.online { "" } else { "12 High St, Columbus" }.into(),
            room: if p.online { "" } else { "Room 4" }.into(),
            meeting_url: if p.online { LINK } else { "" }.into(),
        }],
        ..Default::default()
    };
    let plan = input.validate().expect("a valid plan");
    // The district's facilitator leads what the district organises.
    let facilitators = if p.org == s.district {
        vec![s.user("facilitator")]
    } else {
        Vec::new()
    };
    let admin = s.user("admin");
    let now = app.clock.now();
    app.db
        .write(move |c| {
            workshops::create(
                c,
                &NewOffering {
                    org: p.org,
                    course: None,
                    audience: p.audience,
                    facilitators: &facilitators,
                    competencies: &[],
                    created_by: admin,
                },
                &plan,
                now,
            )
        })
        .await
        .unwrap()
}

/// A new educator at School A who signs in with the usual password.
async fn educator(app: &TestApp, s: &Seed, name: &'static str, lang: Lang) -> String {
    let email = format!("{name}@district.example.org");
    let school = s.school_a;
    let hash = tokio::task::spawn_blocking(|| hash_password(PASSWORD).unwrap())
        .await
        .unwrap();
    let now = app.clock.now();
    let e = email.clone();
    app.db
        .write(move |c: &mut DbConn| {
            let id: UserId = users::insert(
                c,
                &users::NewUser {
                    email: &EmailAddress::parse(&e).unwrap(),
                    display_name: name,
                    password_hash: Some(&hash),
                    lang,
                    verified: true,
                },
                now,
            )?;
            let org = orgs::get(c, school)?;
            memberships::add(c, id, &org, Role::Educator, now)?;
            Ok(())
        })
        .await
        .unwrap();
    email
}

async fn api(app: &TestApp, method: Method, path: &str, token: &str) -> (u16, Value) {
    let r = reqwest::Client::new()
        .request(method, format!("{}{path}", app.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn titles(v: &Value) -> Vec<String> {
    v["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap().to_string())
        .collect()
}

/// The list, on the page and in the API, with `query`, holds exactly `expected`.
async fn only(app: &TestApp, b: &Browser, token: &str, query: &str, expected: &[&str]) {
    let page = b.get(&format!("/offerings?{query}")).await;
    assert_eq!(page.status, 200, "{query}: {}", page.body);
    for t in ["District hub workshop", "Seminario web estatal"] {
        assert_eq!(page.contains(t), expected.contains(&t), "{query}: {t}");
    }
    let (status, v) = api(
        app,
        Method::GET,
        &format!("/api/v1/offerings?{query}"),
        token,
    )
    .await;
    assert_eq!(status, 200, "{query}: {v}");
    assert_eq!(titles(&v), expected, "{query}");
}

#[tokio::test]
async fn the_list_holds_only_what_the_reader_may_see_and_filters_narrow_it() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let district = create(
        &app,
        &s,
        Plan::new("District hub workshop", s.district, Some(s.district)),
    )
    .await;
    let local = create(
        &app,
        &s,
        Plan::new("Local members only", s.local, Some(s.local)),
    )
    .await;
    let webinar = create(
        &app,
        &s,
        Plan {
            language: "es",
            online: true,
            on: 40,
            window: (-1, 39),
            ..Plan::new("Seminario web estatal", s.state, None)
        },
    )
    .await;

    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let list = b.get("/offerings").await;
    list.expect("District hub workshop")
        .expect("Seminario web estatal");
    assert!(!list.contains("Local members only"), "{}", list.body);
    // Neither listed nor reachable: 404, on the page and in the API.
    assert_eq!(b.get(&format!("/offerings/{local}")).await.status, 404);
    let token = token_for(&app, s.email("educator")).await;
    let (status, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/offerings/{local}"),
        &token,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{local}/registration"),
        &token,
    )
    .await;
    assert_eq!(status, 404);
    // Those in the local's audience, and its admins, see it.
    let m = app.browser();
    m.sign_in(s.email("moderator"), PASSWORD).await;
    m.get("/offerings").await.expect("Local members only");
    m.get(&format!("/offerings/{local}"))
        .await
        .expect("Local members only");

    // Filters, on the page and in the API alike.
    let all = ["District hub workshop", "Seminario web estatal"];
    only(&app, &b, &token, "", &all).await;
    only(&app, &b, &token, "virtual=true", &all[1..]).await;
    only(&app, &b, &token, "language=es", &all[1..]).await;
    only(&app, &b, &token, "near=district", &all[..1]).await;
    only(&app, &b, &token, "near=state", &all).await;
    only(&app, &b, &token, &format!("state={}", s.state.0), &all).await;
    only(
        &app,
        &b,
        &token,
        &format!("from={}", day(&app, 30)),
        &all[1..],
    )
    .await;
    only(
        &app,
        &b,
        &token,
        &format!("to={}", day(&app, 30)),
        &all[..1],
    )
    .await;

    // A date that is not one names its field, in the reader's language.
    let bad = b.get("/offerings?from=next+week").await;
    assert_eq!(bad.status, 422);
    bad.expect("Enter a date like 2027-06-30.")
        .expect("href=\"#f-from\"");
    let (status, v) = api(
        &app,
        Method::GET,
        "/api/v1/offerings?from=next+week",
        &token,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(v["error"]["fields"][0]["field"], "from");

    // The offering's page: organiser, facilitator, hours, place, seats.
    b.get(&format!("/offerings/{district}"))
        .await
        .expect("Columbus City Schools")
        .expect("Columbus Teaching Hub")
        .expect("Room 4")
        .expect("2.5 PD hours")
        .expect("10 seats left")
        // The session's own zone, named, beside the reader's.
        .expect("America/Chicago");
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/offerings/{webinar}"),
        &token,
    )
    .await;
    assert_eq!(v["sessions"][0]["mode"], "virtual");
    assert_eq!(v["organiser"], "Ohio");
}

#[tokio::test]
async fn the_meeting_link_shows_only_once_a_seat_is_confirmed() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = create(
        &app,
        &s,
        Plan {
            online: true,
            capacity: 1,
            ..Plan::new("AI reading circle", s.district, Some(s.district))
        },
    )
    .await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page = b.get(&format!("/offerings/{id}")).await;
    page.expect("The meeting link shows here once you have a seat.")
        .expect("A seat is free: registering gives you one.");
    assert!(!page.contains(LINK));
    let token = token_for(&app, s.email("educator")).await;
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/offerings/{id}"),
        &token,
    )
    .await;
    assert!(v["sessions"][0]["meeting_url"].is_null(), "{v}");

    let page = b.post(&format!("/offerings/{id}/registration"), &[]).await;
    page.expect("You are registered: the seat is yours.")
        .expect("You have a seat.")
        .expect(LINK);
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/offerings/{id}"),
        &token,
    )
    .await;
    assert_eq!(v["sessions"][0]["meeting_url"], LINK);
    assert_eq!(v["registration"]["status"], "confirmed");

    // Someone on the waitlist does not see it either.
    let other = educator(&app, &s, "waiting.walt", Lang::En).await;
    let w = app.browser();
    w.sign_in(&other, PASSWORD).await;
    let page = w.post(&format!("/offerings/{id}/registration"), &[]).await;
    page.expect("You are next on the waitlist.");
    assert!(!page.contains(LINK));
    // The facilitator does.
    let f = app.browser();
    f.sign_in(s.email("facilitator"), PASSWORD).await;
    f.get(&format!("/offerings/{id}")).await.expect(LINK);
}

#[tokio::test]
async fn a_cancelled_seat_goes_to_the_first_on_the_waitlist_who_is_emailed() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = create(
        &app,
        &s,
        Plan {
            capacity: 1,
            ..Plan::new(
                "Prompting for differentiated reading",
                s.district,
                Some(s.district),
            )
        },
    )
    .await;
    let second = educator(&app, &s, "second.sam", Lang::En).await;
    let third = educator(&app, &s, "tercera.tere", Lang::Es).await;

    let first = app.browser();
    first.sign_in(s.email("educator"), PASSWORD).await;
    first
        .post(&format!("/offerings/{id}/registration"), &[])
        .await
        .expect("You have a seat.");
    app.mail_to(s.email("educator")).await;

    // The second registers over the API: waitlisted, first in line.
    let token = token_for(&app, &second).await;
    let (status, v) = api(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{id}/registration"),
        &token,
    )
    .await;
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["status"], "waitlisted");
    assert_eq!(v["waitlist_place"], 1);

    // The third on the page, in Spanish: second in line.
    let t = app.browser();
    t.sign_in(&third, PASSWORD).await;
    let page = t.get(&format!("/offerings/{id}")).await;
    page.expect("Todos los lugares están ocupados.");
    t.post(&format!("/offerings/{id}/registration"), &[])
        .await
        .expect("Usted es el número 2 en la lista de espera.");
    let list = t.get("/offerings").await;
    list.expect("Completo. Hay 2 personas en la lista de espera.");

    // The first cancels: the seat is the second's, who hears of it.
    first
        .post(&format!("/offerings/{id}/registration/cancel"), &[])
        .await
        .expect("Your registration was cancelled.")
        .expect("Register");
    let mail = app.mail_to(&second).await;
    assert!(mail.subject.contains("confirmed"), "{}", mail.subject);
    assert!(mail.text.contains("Prompting for differentiated reading"));
    let (_, v) = api(
        &app,
        Method::GET,
        &format!("/api/v1/offerings/{id}"),
        &token,
    )
    .await;
    assert_eq!(v["registration"]["status"], "confirmed");
    t.get(&format!("/offerings/{id}"))
        .await
        .expect("Usted es el siguiente en la lista de espera.");

    // My sessions: the second's upcoming session; the first's history.
    let (_, v) = api(&app, Method::GET, "/api/v1/me/offerings", &token).await;
    assert_eq!(v["upcoming"][0]["offering_id"], id.0);
    assert_eq!(v["upcoming"][0]["status"], "confirmed");
    first
        .get("/offerings/mine")
        .await
        .expect("My history")
        .expect("Prompting for differentiated reading")
        .expect("Cancelled");
    t.get("/offerings/mine")
        .await
        .expect("Próximas")
        .expect("En lista de espera");
}

#[tokio::test]
async fn refusals_say_why_in_both_languages() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let id = create(
        &app,
        &s,
        Plan::new("Assessment with AI", s.district, Some(s.district)),
    )
    .await;
    let later = create(
        &app,
        &s,
        Plan {
            window: (10, 15),
            ..Plan::new("Opens later", s.district, Some(s.district))
        },
    )
    .await;
    let local = create(
        &app,
        &s,
        Plan::new("Local members only", s.local, Some(s.local)),
    )
    .await;

    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(&format!("/offerings/{id}/registration"), &[]).await;
    // Twice: refused, named, on the page.
    let again = b.post(&format!("/offerings/{id}/registration"), &[]).await;
    assert_eq!(again.status, 422);
    again
        .expect("You are already registered for this workshop.")
        .expect("href=\"#f-offering\"");
    b.post("/language", &[("lang", "es")]).await;
    let again = b.post(&format!("/offerings/{id}/registration"), &[]).await;
    assert_eq!(again.status, 422);
    again.expect("Ya está inscrito en este taller.");

    // Not open yet: the page says when it opens; the post is refused.
    b.get(&format!("/offerings/{later}"))
        .await
        .expect("La inscripción abre");
    b.post(&format!("/offerings/{later}/registration"), &[])
        .await
        .expect("La inscripción para este taller aún no abre.");

    // Outside the audience: an admin above sees it but may not take a seat.
    let token = token_for(&app, s.email("admin")).await;
    let (status, v) = api(
        &app,
        Method::POST,
        &format!("/api/v1/offerings/{local}/registration"),
        &token,
    )
    .await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["code"], "outside-audience");
    // Cancelling nothing.
    let (status, v) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/offerings/{local}/registration"),
        &token,
    )
    .await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["code"], "not-registered");
    // The language the API answers in follows Accept-Language.
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/offerings/{local}/registration", app.url))
        .bearer_auth(&token)
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["error"]["fields"][0]["message"],
        "Este taller es para miembros de otra organización: no puede inscribirse."
    );
}

#[tokio::test]
async fn the_demo_offers_workshops_ana_can_find_and_holds_seats_in() {
    let app = TestApp::start().await;
    // The demo seeds its workshops after its courses.
    lyceum_server::demo::seed(&app.db, &app.clock)
        .await
        .unwrap();
    let ana = app.browser();
    ana.sign_in(
        "educator@columbus.example.org",
        lyceum_server::demo::DEMO_PASSWORD,
    )
    .await;
    let list = ana.get("/offerings").await;
    for title in [
        "Protecting student privacy: winter cohort",
        "Hands-on with AI tools: two mornings at the hub",
        "AI-aware assignments: a design studio",
        "Talking with families about AI",
        "Full. 2 people are on the waitlist.",
    ] {
        list.expect(title);
    }
    // The federation's webinar is for its members; the science afternoon is over.
    assert!(!list.contains("La IA y la carga de trabajo docente"));
    assert!(!list.contains("Checking a chatbot"));
    ana.get("/offerings/mine")
        .await
        .expect("Protecting student privacy: winter cohort")
        .expect("Checking a chatbot&#39;s science")
        .expect("Had a seat");
}
