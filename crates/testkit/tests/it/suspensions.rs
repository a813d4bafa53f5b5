//! Suspensions belong to the organisation of whoever set them: they stop
//! posting only in that organisation's spaces (and below), a lower one
//! never shortens or lifts a higher one, and nobody suspends someone above
//! them. Editing a post passes the same checks as posting (suspension,
//! lock, hourly and link limits), and a post takes at most 50 edits.

use lyceum_db::users::{self, NewUser};
use lyceum_db::{community, memberships, orgs};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, PostId, UserId};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);

/// A person holding `roles`, signed in.
async fn person(app: &TestApp, name: &str, roles: &[(Role, OrgId)]) -> (UserId, Browser) {
    let hash =
        tokio::task::spawn_blocking(|| lyceum_domain::password::hash_password(PASSWORD).unwrap())
            .await
            .unwrap();
    let (email, name, roles, now) = (
        format!("{}@example.org", name.replace(' ', ".")),
        name.to_string(),
        roles.to_vec(),
        app.clock.now(),
    );
    let address = email.clone();
    let id = app
        .db
        .write(move |c| {
            let email = EmailAddress::parse(&address).unwrap();
            let id = users::insert(
                c,
                &NewUser {
                    email: &email,
                    display_name: &name,
                    password_hash: Some(&hash),
                    lang: Lang::En,
                    verified: true,
                },
                now,
            )?;
            for (role, org) in roles {
                let org = orgs::get(c, org)?;
                memberships::add(c, id, &org, role, now)?;
            }
            Ok(id)
        })
        .await
        .unwrap();
    let b = app.browser();
    b.sign_in(&email, PASSWORD).await;
    (id, b)
}

/// An open space of `org`, made by `admin`; its path.
async fn space(admin: &Browser, org: OrgId, title: &str) -> String {
    admin
        .post(
            &format!("/orgs/{}/admin/spaces", org.0),
            &[("title", title), ("visibility", "open")],
        )
        .await
        .path
}

/// Starts a topic; (its path, its first post's id).
async fn topic(app: &TestApp, b: &Browser, space: &str, body: &str) -> (String, PostId) {
    let page = b
        .post(
            &format!("{space}/topics"),
            &[("title", "A topic"), ("kind", "discussion"), ("body", body)],
        )
        .await;
    page.expect("Topic started.");
    let id = lyceum_domain::TopicId(page.path.trim_start_matches("/topics/").parse().unwrap());
    let first = app
        .db
        .read(move |c| community::posts(c, id, None, 1))
        .await
        .unwrap()[0]
        .post
        .id;
    (page.path.clone(), first)
}

fn suspend(days: &str) -> [(&'static str, &str); 2] {
    [("days", days), ("why", "Repeated advertising")]
}

fn date(app: &TestApp, later: Duration) -> String {
    // Everyone in the test seed is in Ohio: New York time.
    app.clock
        .now()
        .plus(later)
        .date_in(&lyceum_domain::time::TimeZone::parse("America/New_York").unwrap())
        .to_string()
}

struct Scene {
    app: TestApp,
    s: Seed,
    dadmin: Browser,
    /// A moderator of the district and one of its school.
    dmod: (UserId, Browser),
    smod: (UserId, Browser),
    /// An educator in the district's school and in the local's school.
    ana: (UserId, Browser),
    district_space: String,
    school_space: String,
}

async fn scene() -> Scene {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let dmod = person(&app, "district moderator", &[(Role::Moderator, s.district)]).await;
    let smod = person(&app, "school moderator", &[(Role::Moderator, s.school_a)]).await;
    let ana = person(
        &app,
        "Ana Rivera",
        &[(Role::Educator, s.school_a), (Role::Educator, s.school_b)],
    )
    .await;
    let district_space = space(&dadmin, s.district, "District lounge").await;
    let school_space = space(&dadmin, s.school_a, "Lincoln staff room").await;
    Scene {
        app,
        s,
        dadmin,
        dmod,
        smod,
        ana,
        district_space,
        school_space,
    }
}

#[tokio::test]
async fn a_school_moderator_cannot_shorten_a_district_suspension() {
    let sc = scene().await;
    let app = &sc.app;
    let ana = &sc.ana.1;
    let (topic, post) = topic(app, ana, &sc.school_space, "Buy my course!").await;
    sc.dadmin
        .post(
            &format!("/posts/{post}/flag"),
            &[("category", "other"), ("why", "Advertising")],
        )
        .await;

    // The district's moderator suspends Ana for a year, for the district.
    sc.dmod
        .1
        .get("/moderation")
        .await
        .expect("Suspend Ana Rivera from posting in the spaces of Columbus City Schools");
    sc.dmod
        .1
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("365"),
        )
        .await
        .expect("Ana Rivera may not post in the spaces of Columbus City Schools until");
    let year = date(app, 365 * DAY);

    // The school's moderator "shortens" it to a day: theirs is the school's.
    sc.smod
        .1
        .get("/moderation")
        .await
        .expect("Suspend Ana Rivera from posting in the spaces of Lincoln Elementary");
    sc.smod
        .1
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("1"),
        )
        .await
        .expect("may not post in the spaces of Lincoln Elementary");
    app.clock.advance(2 * DAY);
    let ana = app.browser();
    ana.sign_in("Ana.Rivera@example.org", PASSWORD).await;
    let refused = ana
        .post(&format!("{topic}/replies"), &[("body", "I am back!")])
        .await;
    assert_eq!(refused.status, 422);
    refused.expect(&format!(
        "You cannot post in the spaces of Columbus City Schools until {year}."
    ));
    // Both are on record, each with where it applies.
    let ana_id = sc.ana.0;
    let kept: i64 = app
        .db
        .read(move |c| {
            use diesel::prelude::*;
            use lyceum_db::schema::suspensions;
            Ok(suspensions::table
                .filter(suspensions::user_id.eq(ana_id.0))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(kept, 2);
}

#[tokio::test]
async fn nobody_suspends_someone_above_them() {
    let sc = scene().await;
    let app = &sc.app;
    // The district's moderator writes in the school's space; it is reported.
    let (topic, post) = topic(app, &sc.dmod.1, &sc.school_space, "Staff meeting moved").await;
    sc.ana
        .1
        .post(
            &format!("/posts/{post}/flag"),
            &[("category", "other"), ("why", "I disagree")],
        )
        .await;
    let queue = sc.smod.1.get("/moderation").await;
    queue.expect("You cannot suspend district moderator");
    assert!(!queue.contains(&format!("/moderation/posts/{post}/suspend-author")));
    let r = sc
        .smod
        .1
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("30"),
        )
        .await;
    assert_eq!(r.status, 403);
    sc.dmod
        .1
        .post(&format!("{topic}/replies"), &[("body", "Still here.")])
        .await
        .expect("Reply posted.");

    // Nobody suspends themselves either.
    let (_, own) = self::topic(app, &sc.smod.1, &sc.school_space, "Mine").await;
    sc.ana
        .1
        .post(
            &format!("/posts/{own}/flag"),
            &[("category", "other"), ("why", "Hmm")],
        )
        .await;
    let r = sc
        .smod
        .1
        .post(
            &format!("/moderation/posts/{own}/suspend-author"),
            &suspend("30"),
        )
        .await;
    assert_eq!(r.status, 403);
    // The district's admin outranks its moderator.
    sc.dadmin
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("3"),
        )
        .await
        .expect("district moderator may not post in the spaces of Columbus City Schools until");
}

#[tokio::test]
async fn a_district_suspension_does_not_reach_another_districts_spaces() {
    let sc = scene().await;
    let app = &sc.app;
    let ladmin = app.browser();
    ladmin.sign_in(sc.s.email("ladmin"), PASSWORD).await;
    let local_space = space(&ladmin, sc.s.local, "Local lounge").await;
    let (_, post) = topic(app, &sc.ana.1, &sc.district_space, "Ad").await;
    sc.dadmin
        .post(
            &format!("/posts/{post}/flag"),
            &[("category", "other"), ("why", "Advertising")],
        )
        .await;
    sc.dmod
        .1
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("30"),
        )
        .await;
    let until = date(app, 30 * DAY);
    for space in [&sc.district_space, &sc.school_space] {
        let refused = sc
            .ana
            .1
            .post(
                &format!("{space}/topics"),
                &[("title", "x"), ("kind", "discussion"), ("body", "x")],
            )
            .await;
        assert_eq!(refused.status, 422, "{space}");
        refused.expect(&format!(
            "You cannot post in the spaces of Columbus City Schools until {until}."
        ));
    }
    topic(app, &sc.ana.1, &local_space, "Hello from the local").await;

    // Over the API too.
    let token = crate::api::token_for(app, "Ana.Rivera@example.org").await;
    let space_id = sc.district_space.trim_start_matches("/spaces/").to_string();
    let resp = reqwest::Client::new()
        .post(format!("{}/api/v1/spaces/{space_id}/topics", app.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "x", "kind": "discussion", "body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
    let e: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["fields"][0]["code"], "suspended");
    let local_id = local_space.trim_start_matches("/spaces/").to_string();
    let resp = reqwest::Client::new()
        .post(format!("{}/api/v1/spaces/{local_id}/topics", app.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "y", "kind": "discussion", "body": "y"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
}

/// An edit, and the page it lands on.
async fn edit(b: &Browser, post: PostId, body: &str) -> lyceum_testkit::Page {
    b.post(&format!("/posts/{post}/edit"), &[("body", body)])
        .await
}

async fn body_of(app: &TestApp, post: PostId) -> String {
    app.db
        .read(move |c| community::post(c, post))
        .await
        .unwrap()
        .unwrap()
        .body
}

#[tokio::test]
async fn a_suspended_person_cannot_edit_in_links() {
    let sc = scene().await;
    let app = &sc.app;
    let (_, post) = topic(app, &sc.ana.1, &sc.school_space, "Nothing to see").await;
    sc.dadmin
        .post(
            &format!("/posts/{post}/flag"),
            &[("category", "other"), ("why", "Odd")],
        )
        .await;
    sc.dadmin
        .post(
            &format!("/moderation/posts/{post}/suspend-author"),
            &suspend("30"),
        )
        .await;
    // No longer a new account (whose links are limited anyway).
    app.clock.advance(8 * DAY);
    let links = "https://a.example https://b.example https://c.example https://d.example";
    let ana = app.browser();
    ana.sign_in("Ana.Rivera@example.org", PASSWORD).await;
    let refused = edit(&ana, post, links).await;
    assert_eq!(refused.status, 422);
    refused.expect("You cannot post in the spaces of Columbus City Schools until");
    assert_eq!(body_of(app, post).await, "Nothing to see");
}

#[tokio::test]
async fn a_locked_topics_posts_cannot_be_edited() {
    let sc = scene().await;
    let app = &sc.app;
    let (topic, post) = topic(app, &sc.ana.1, &sc.school_space, "First words").await;
    sc.dadmin
        .post(
            &format!("{topic}/moderate"),
            &[("action", "lock"), ("why", "Settled.")],
        )
        .await;
    let refused = edit(&sc.ana.1, post, "Different words").await;
    assert_eq!(refused.status, 422);
    refused.expect("This topic is locked");
    assert_eq!(body_of(app, post).await, "First words");
}

#[tokio::test]
async fn edits_count_as_writes_for_new_accounts_limits() {
    let sc = scene().await;
    let app = &sc.app;
    let ana = &sc.ana.1;
    let (_, post) = topic(app, ana, &sc.school_space, "One").await;
    // A new account may not edit in more links than it may post.
    let refused = edit(
        ana,
        post,
        "https://a.example https://b.example https://c.example",
    )
    .await;
    assert_eq!(refused.status, 422);
    refused.expect("New accounts may put at most 2 links in a post.");
    // The topic and nine edits are its ten writes for the hour.
    for i in 2..=10 {
        edit(ana, post, &format!("Version {i}"))
            .await
            .expect("Post saved.");
    }
    let refused = edit(ana, post, "Version 11").await;
    assert_eq!(refused.status, 422);
    refused.expect("You have posted a lot in the last hour.");
    assert_eq!(body_of(app, post).await, "Version 10");
}

#[tokio::test]
async fn a_post_takes_at_most_fifty_edits() {
    let sc = scene().await;
    let app = &sc.app;
    let (_, post) = topic(app, &sc.ana.1, &sc.school_space, "Draft 0").await;
    // No longer a new account: 120 writes an hour.
    app.clock.advance(8 * DAY);
    let ana = app.browser();
    ana.sign_in("Ana.Rivera@example.org", PASSWORD).await;
    for i in 1..=50 {
        edit(&ana, post, &format!("Draft {i}"))
            .await
            .expect("Post saved.");
    }
    let refused = edit(&ana, post, "Draft 51").await;
    assert_eq!(refused.status, 422);
    refused.expect("This post was edited 50 times");
    assert_eq!(body_of(app, post).await, "Draft 50");
    let kept = app
        .db
        .read(move |c| community::revisions(c, post))
        .await
        .unwrap();
    assert_eq!(kept, 50);
}
