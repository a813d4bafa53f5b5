//! Following a space tells you something: a topic started there reaches
//! its followers' notifications and email digest (in their language),
//! except the author, those who muted the space (on its page or over the
//! API), and those who can no longer read it.

use diesel::prelude::*;
use lyceum_db::schema::{jobs, memberships, notifications};
use lyceum_domain::community::NotificationKind;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, UserId};
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::time::Duration;

/// Gives `who` an educator membership at `org` (as a roster would).
async fn join(app: &TestApp, who: UserId, org: OrgId) {
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let org = lyceum_db::orgs::get(c, org)?;
            lyceum_db::memberships::add(c, who, &org, Role::Educator, now)
        })
        .await
        .unwrap();
}

/// Waits for the worker to have run every fan-out job, then lists who was
/// told of `topic`.
async fn told_of(app: &TestApp, topic: i64) -> BTreeSet<i64> {
    for _ in 0..200 {
        let waiting: i64 = app
            .db
            .read(|c| {
                Ok(jobs::table
                    .filter(jobs::kind.eq("topic_started"))
                    .filter(jobs::failed_at.is_null())
                    .count()
                    .get_result(c)?)
            })
            .await
            .unwrap();
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.db
        .read(move |c| {
            Ok(notifications::table
                .filter(notifications::topic_id.eq(topic))
                .filter(notifications::kind.eq(NotificationKind::NewTopic.as_str()))
                .select(notifications::user_id)
                .load::<i64>(c)?)
        })
        .await
        .unwrap()
        .into_iter()
        .collect()
}

async fn start(b: &Browser, space: &str, title: &str) -> i64 {
    let page = b
        .post(
            &format!("{space}/topics"),
            &[("title", title), ("kind", "discussion"), ("body", "Ideas?")],
        )
        .await;
    page.expect("Topic started.");
    page.path.trim_start_matches("/topics/").parse().unwrap()
}

async fn sweep(app: &TestApp) -> usize {
    let (db, now, url) = (app.db.clone(), app.clock.now(), app.url.clone());
    db.write(move |c| {
        lyceum_db::digests::send_due(c, now, &|token| match token {
            Some(t) => format!("{url}/digest/unsubscribe?token={t}"),
            None => format!("{url}/notifications"),
        })
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn new_topics_reach_followers_except_the_author_the_muted_and_those_who_left() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let signed_in = |who: &'static str| {
        let b = app.browser();
        let email = s.email(who).to_string();
        async move {
            b.sign_in(&email, PASSWORD).await;
            b
        }
    };
    // The moderator and the local's admin teach at Lincoln too; the
    // moderator reads Lyceum in Spanish.
    join(&app, s.user("moderator"), s.school_a).await;
    join(&app, s.user("ladmin"), s.school_a).await;
    let dadmin = signed_in("dadmin").await;
    let space = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[("title", "Science teachers"), ("visibility", "members")],
        )
        .await
        .path;
    let space_id: i64 = space.trim_start_matches("/spaces/").parse().unwrap();
    let (facilitator, educator, moderator, ladmin) = (
        signed_in("facilitator").await,
        signed_in("educator").await,
        signed_in("moderator").await,
        signed_in("ladmin").await,
    );
    moderator
        .post(
            "/profile",
            &[
                ("display_name", "Test moderator"),
                ("preferred_language", "es"),
            ],
        )
        .await;
    for b in [&dadmin, &facilitator, &educator, &moderator, &ladmin] {
        let page = b
            .post(&format!("{space}/follow"), &[("follow", "yes")])
            .await;
        assert_eq!((page.status, page.path.as_str()), (200, "/spaces"));
    }
    // The space's admin mutes it on its page, without JavaScript.
    dadmin
        .get(&space)
        .await
        .expect("You follow this space: its new topics reach your notifications")
        .expect("Mute new topics");
    dadmin
        .post(&format!("{space}/mute"), &[("mute", "yes")])
        .await
        .expect("Muted. New topics here no longer reach your notifications.")
        .expect("You follow this space, muted")
        .expect("Unmute new topics");
    // The local's admin leaves Lincoln: the members-only space is closed to them.
    let ladmin_id = s.user("ladmin").0;
    let school = s.school_a.0;
    app.db
        .write(move |c| {
            Ok(diesel::delete(
                memberships::table
                    .filter(memberships::user_id.eq(ladmin_id))
                    .filter(memberships::org_id.eq(school)),
            )
            .execute(c)?)
        })
        .await
        .unwrap();
    assert_eq!(ladmin.get(&space).await.status, 404);

    // The facilitator (who follows too) starts a topic.
    let topic = start(&facilitator, &space, "Lab reports and AI").await;
    assert_eq!(
        told_of(&app, topic).await,
        BTreeSet::from([s.user("educator").0, s.user("moderator").0]),
        "only the followers who may read it and did not mute it"
    );
    educator
        .get("/notifications")
        .await
        .expect("Test facilitator started “Lab reports and AI” in a space you follow");
    moderator.get("/notifications").await.expect(
        "Test facilitator abrió el tema «Lab reports and AI» en un espacio que usted sigue",
    );
    for b in [&dadmin, &facilitator] {
        assert!(!b.get("/notifications").await.contains("Lab reports and AI"));
    }

    // The digest says it too, in each person's language; nobody else gets one.
    assert_eq!(sweep(&app).await, 2);
    let mail = app.mail_to(s.email("educator")).await;
    assert!(
        mail.text
            .contains("• Lab reports and AI — a new topic in Science teachers"),
        "{}",
        mail.text
    );
    let mail = app.mail_to(s.email("moderator")).await;
    assert!(
        mail.text
            .contains("• Lab reports and AI — un tema nuevo en Science teachers"),
        "{}",
        mail.text
    );

    // Over the API: the educator mutes the space; the admin unmutes it.
    let api = |token: String, body: Value| {
        let url = format!("{}/api/v1/spaces/{space_id}/follow", app.url);
        async move {
            let r = reqwest::Client::new()
                .request(Method::PUT, url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            (
                r.status().as_u16(),
                r.json::<Value>().await.unwrap_or_default(),
            )
        }
    };
    let educator_token = crate::api::token_for(&app, s.email("educator")).await;
    let (status, body) = api(
        educator_token.clone(),
        json!({ "following": true, "muted": true }),
    )
    .await;
    assert_eq!(
        (status, body),
        (200, json!({ "following": true, "muted": true }))
    );
    let (_, listed) = {
        let r = reqwest::Client::new()
            .get(format!("{}/api/v1/spaces", app.url))
            .bearer_auth(&educator_token)
            .send()
            .await
            .unwrap();
        (r.status(), r.json::<Value>().await.unwrap())
    };
    let mine = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == space_id)
        .unwrap();
    assert_eq!(
        (&mine["following"], &mine["muted"]),
        (&json!(true), &json!(true))
    );
    let dadmin_token = crate::api::token_for(&app, s.email("dadmin")).await;
    let (status, _) = api(dadmin_token, json!({ "following": true, "muted": false })).await;
    assert_eq!(status, 200);
    // Bad input changes nothing; a space one may not read does not exist.
    let (status, body) = api(educator_token.clone(), json!({ "following": "yes" })).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "bad_request", "{body}");
    let (status, body) = api(educator_token.clone(), json!({ "muted": true })).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "following", "{body}");
    let ladmin_token = crate::api::token_for(&app, s.email("ladmin")).await;
    let (status, _) = api(ladmin_token, json!({ "following": true })).await;
    assert_eq!(status, 404);

    let second = start(&facilitator, &space, "Rubrics for drafts").await;
    assert_eq!(
        told_of(&app, second).await,
        BTreeSet::from([s.user("dadmin").0, s.user("moderator").0])
    );
    // Muting a space one does not follow is not a thing.
    educator
        .post(&format!("{space}/follow"), &[("follow", "no")])
        .await
        .expect("You no longer follow the space.");
    educator
        .get(&space)
        .await
        .expect("Follow this space to hear of its new topics");
    assert_eq!(
        educator
            .post(&format!("{space}/mute"), &[("mute", "yes")])
            .await
            .status,
        404
    );
}
