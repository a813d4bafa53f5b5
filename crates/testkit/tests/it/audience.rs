//! A members-only space does not exist for anyone outside its audience:
//! every route the app serves about a space, a topic or a post — pages and
//! API, read and write — answers 404 to an outsider who knows the ids, and
//! nothing they send changes anything.

use diesel::prelude::*;
use lyceum_db::schema::{flags, post_revisions, posts, reactions, space_follows, topics};
use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::Method;

/// Everything an outsider's request could have changed.
async fn snapshot(app: &TestApp) -> String {
    app.db
        .read(|c| {
            let t: Vec<(i64, String, Option<i64>, Option<i64>)> = topics::table
                .select((
                    topics::id,
                    topics::title,
                    topics::locked_at,
                    topics::pinned_at,
                ))
                .order(topics::id)
                .load(c)?;
            let p: Vec<(i64, String, Option<i64>, Option<i64>)> = posts::table
                .select((posts::id, posts::body, posts::hidden_at, posts::deleted_at))
                .order(posts::id)
                .load(c)?;
            let counts: Vec<i64> = vec![
                reactions::table.count().get_result(c)?,
                flags::table.count().get_result(c)?,
                space_follows::table.count().get_result(c)?,
                post_revisions::table.count().get_result(c)?,
            ];
            Ok(format!("{t:?}\n{p:?}\n{counts:?}"))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn every_route_about_a_members_only_space_is_not_found_for_outsiders() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[
                ("title", "Columbus staff room"),
                ("description", "For the district."),
                ("visibility", "members"),
            ],
        )
        .await
        .path;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Staff-room secret"),
                ("kind", "question"),
                ("body", "Only for the district."),
            ],
        )
        .await
        .path;
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .post(
            &format!("{topic}/replies"),
            &[("body", "Agreed, district only.")],
        )
        .await
        .expect("Reply posted.");
    let space_id = space.trim_start_matches("/spaces/").to_string();
    let topic_id = lyceum_domain::TopicId(topic.trim_start_matches("/topics/").parse().unwrap());
    let post_id = app
        .db
        .read(move |c| lyceum_db::community::posts(c, topic_id, None, 2))
        .await
        .unwrap()[1]
        .post
        .id
        .to_string();

    // What each route would be sent: enough that only the audience decides.
    let form = |path: &str| -> Vec<(&'static str, String)> {
        let last = path.rsplit('/').next().unwrap_or("");
        let v = |pairs: &[(&'static str, &str)]| {
            pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
        };
        match last {
            "follow" => v(&[("follow", "yes")]),
            "topics" => v(&[
                ("title", "Outsider"),
                ("kind", "discussion"),
                ("body", "Hi"),
            ]),
            "replies" | "edit" => v(&[("body", "Outsider was here")]),
            "moderate" => v(&[("action", "lock"), ("why", "Outsider")]),
            "accept" => v(&[("post", &post_id)]),
            "react" => v(&[("add", "thanks")]),
            "flag" => v(&[("category", "other"), ("why", "Outsider")]),
            "suspend-author" => v(&[("days", "7"), ("why", "Outsider")]),
            _ => v(&[("action", "hide"), ("why", "Outsider")]),
        }
    };
    let routes: Vec<(String, String)> = app
        .app()
        .routes
        .iter()
        .filter(|r| {
            ["{space_id}", "{topic_id}", "{post_id}"]
                .iter()
                .any(|p| r.path.contains(p))
        })
        .map(|r| {
            let path = r
                .path
                .replace("{space_id}", &space_id)
                .replace("{topic_id}", &topic_id.to_string())
                .replace("{post_id}", &post_id);
            (r.method.to_string(), path)
        })
        .collect();
    assert!(routes.len() >= 15, "{routes:?}");

    let before = snapshot(&app).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    // The local's admin and moderator: admins and moderators, but elsewhere.
    for who in ["ladmin", "moderator"] {
        let b = app.browser();
        b.sign_in(s.email(who), PASSWORD).await;
        let token = crate::api::token_for(&app, s.email(who)).await;
        for (method, path) in &routes {
            let api = path.starts_with("/api/");
            let (status, body) = if api {
                let mut r = b.request(method.parse().unwrap(), path).bearer_auth(&token);
                if method != "GET" {
                    r = r.json(&serde_json::json!({
                        "title": "Outsider", "kind": "discussion", "body": "Outsider was here"
                    }));
                }
                let r = r.send().await.unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            } else if method == "GET" {
                let p = b.get(path).await;
                (p.status, p.body)
            } else {
                let f = form(path);
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let p = b.post(path, &f).await;
                (p.status, p.body)
            };
            if status != 404 || body.contains("Staff-room") || body.contains("district only") {
                failures.push(format!("{method} {path} as {who}: {status}"));
            }
            checked += 1;
        }
        // Lists and searches leave it out.
        for path in [
            "/spaces",
            "/spaces/search?q=secret",
            "/spaces/search?q=district",
            "/notifications",
            "/moderation",
        ] {
            let p = b.get(path).await;
            if p.body.contains("Staff-room") || p.body.contains("Columbus staff room") {
                failures.push(format!("{path} as {who} shows it"));
            }
        }
        let r = b
            .request(Method::GET, "/api/v1/spaces")
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert!(!r.text().await.unwrap().contains("Columbus staff room"));
    }
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        snapshot(&app).await,
        before,
        "an outsider's request changed something"
    );

    // The same requests from the audience reach the space (the ids were right).
    let inside = educator.get(&topic).await;
    inside
        .expect("Staff-room secret")
        .expect("Agreed, district only.");
    assert_eq!(
        educator.get(&format!("/posts/{post_id}/flag")).await.status,
        200
    );
}
