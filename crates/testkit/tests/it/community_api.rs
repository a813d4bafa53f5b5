//! Flagging and searching posts over the API, with the pages' rules: only
//! posts one may read are found or flagged (another organisation's
//! members-only space does not exist for them), a flag reaches the
//! space's moderators, results come a page at a time.

use super::api::{call, token_for};
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;

/// A members-only space made by the admin of `org`: its id.
async fn members_space(admin: &Browser, org: lyceum_domain::OrgId, title: &str) -> i64 {
    let made = admin
        .post(
            &format!("/orgs/{}/admin/spaces", org.0),
            &[("title", title), ("visibility", "members")],
        )
        .await;
    made.expect("Space created.");
    made.path.trim_start_matches("/spaces/").parse().unwrap()
}

/// Starts a topic over the API: its id.
async fn start(app: &TestApp, token: &str, space: i64, title: &str, body: &str) -> i64 {
    let (status, made) = call(
        app,
        Method::POST,
        &format!("/api/v1/spaces/{space}/topics"),
        Some(token),
        Some(json!({ "title": title, "kind": "discussion", "body": body })),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    made["id"].as_i64().unwrap()
}

/// The first post of a topic.
async fn first_post(app: &TestApp, token: &str, topic: i64) -> i64 {
    let (status, page) = call(
        app,
        Method::GET,
        &format!("/api/v1/topics/{topic}/posts"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    page["posts"][0]["id"].as_i64().unwrap()
}

fn post_ids(found: &Value) -> Vec<i64> {
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["post_id"].as_i64().unwrap())
        .collect()
}

struct World {
    app: TestApp,
    seed: Seed,
    /// The educator's (district) and the moderator's (local) tokens.
    educator: String,
    moderator: String,
    district_space: i64,
    local_space: i64,
    district_post: i64,
    local_post: i64,
}

/// Two members-only spaces, the district's and the local's (beside it),
/// each with a post about lab notebooks by one of its own.
async fn world() -> World {
    let app = TestApp::start().await;
    let seed = app.seed().await;
    // Past the new-account posting limit.
    app.clock.advance(Duration::from_secs(8 * 86_400));
    let (dadmin, ladmin) = (app.browser(), app.browser());
    dadmin.sign_in(seed.email("dadmin"), PASSWORD).await;
    ladmin.sign_in(seed.email("ladmin"), PASSWORD).await;
    let district_space = members_space(&dadmin, seed.district, "District staff room").await;
    let local_space = members_space(&ladmin, seed.local, "Local staff room").await;
    let educator = token_for(&app, seed.email("educator")).await;
    let moderator = token_for(&app, seed.email("moderator")).await;
    let t = start(
        &app,
        &educator,
        district_space,
        "Lab notebooks",
        "Lab notebooks in the district.",
    )
    .await;
    let district_post = first_post(&app, &educator, t).await;
    let t = start(
        &app,
        &moderator,
        local_space,
        "Lab notebooks here",
        "Lab notebooks, the local secret.",
    )
    .await;
    let local_post = first_post(&app, &moderator, t).await;
    World {
        app,
        seed,
        educator,
        moderator,
        district_space,
        local_space,
        district_post,
        local_post,
    }
}

#[tokio::test]
async fn search_finds_only_posts_one_may_read_a_page_at_a_time() {
    let w = world().await;
    let app = &w.app;
    let search = |token: &str, query: &str| {
        let path = format!("/api/v1/search/posts?{query}");
        let token = token.to_string();
        async move { call(app, Method::GET, &path, Some(&token), None).await }
    };
    // Each finds their own organisation's post, never the other's.
    let (status, found) = search(&w.educator, "q=lab+notebooks").await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(post_ids(&found), vec![w.district_post]);
    assert_eq!(found["results"][0]["space_id"], w.district_space);
    assert_eq!(
        found["results"][0]["body"],
        "Lab notebooks in the district."
    );
    assert!(found["next"].is_null());
    let (_, found) = search(&w.moderator, "q=lab+notebooks").await;
    assert_eq!(post_ids(&found), vec![w.local_post]);
    // As the page does.
    let page = app.browser();
    page.sign_in(w.seed.email("educator"), PASSWORD).await;
    let shown = page.get("/spaces/search?q=lab+notebooks").await;
    shown.expect("in the district");
    assert!(!shown.contains("local secret"));

    // Narrowed to the other's space: not a space they can read.
    let (status, e) = search(&w.educator, &format!("q=lab&space={}", w.local_space)).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    assert!(e.to_string().contains("space"), "{e}");
    // Narrowed to their own, and by author.
    let (_, found) = search(&w.educator, &format!("q=lab&space={}", w.district_space)).await;
    assert_eq!(post_ids(&found), vec![w.district_post]);
    let moderator_id = w.seed.user("moderator").0;
    let (_, found) = search(&w.educator, &format!("author={moderator_id}")).await;
    assert_eq!(post_ids(&found), Vec::<i64>::new());
    let (_, found) = search(&w.moderator, &format!("author={moderator_id}")).await;
    assert_eq!(post_ids(&found), vec![w.local_post]);

    // A date that is not one names its field; nothing is searched.
    let (status, e) = search(&w.educator, "q=lab&since=yesterday").await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["fields"][0]["field"], "since");
    // No words and no author: nothing searched, nothing found.
    let (status, found) = search(&w.educator, "q=").await;
    assert_eq!((status, post_ids(&found)), (200, Vec::<i64>::new()));
    // Signed out: 401.
    let (status, _) = call(app, Method::GET, "/api/v1/search/posts?q=lab", None, None).await;
    assert_eq!(status, 401);

    // 21 more posts with the word: 20, then the last one (newest first).
    let topic = start(app, &w.educator, w.district_space, "Pages", "Paging zero.").await;
    for n in 1..=20 {
        let (status, _) = call(
            app,
            Method::POST,
            &format!("/api/v1/topics/{topic}/replies"),
            Some(&w.educator),
            Some(json!({ "body": format!("Paging reply {n}.") })),
        )
        .await;
        assert_eq!(status, 201);
    }
    let (_, first) = search(&w.educator, "q=paging").await;
    let first_ids = post_ids(&first);
    assert_eq!(first_ids.len(), 20);
    assert!(first_ids.windows(2).all(|p| p[0] > p[1]), "newest first");
    let next = first["next"].as_str().unwrap().to_string();
    let (_, second) = search(&w.educator, &format!("q=paging&before={next}")).await;
    let second_ids = post_ids(&second);
    assert_eq!(second_ids.len(), 1);
    assert!(second_ids[0] < *first_ids.last().unwrap());
    assert!(second["next"].is_null());
}

#[tokio::test]
async fn a_flag_reaches_the_moderators_once_and_never_crosses_organisations() {
    let w = world().await;
    let app = &w.app;
    let flag = |token: &str, post: i64, body: Value| {
        let path = format!("/api/v1/posts/{post}/flags");
        let token = token.to_string();
        async move { call(app, Method::POST, &path, Some(&token), Some(body)).await }
    };
    // Another organisation's members-only post does not exist for them.
    let (status, e) = flag(
        &w.educator,
        w.local_post,
        json!({ "category": "other", "reason": "Spam." }),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = flag(
        &w.educator,
        999_999,
        json!({ "category": "other", "reason": "Spam." }),
    )
    .await;
    assert_eq!(status, 404);
    // A reason is needed, and the error names it.
    let (status, e) = flag(
        &w.moderator,
        w.local_post,
        json!({ "category": "other", "reason": "  " }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["fields"][0]["field"], "reason");
    let (status, e) = flag(
        &w.moderator,
        w.local_post,
        json!({ "category": "rude", "reason": "x" }),
    )
    .await;
    assert_eq!(
        (status, e["error"]["fields"][0]["field"].as_str()),
        (422, Some("category"))
    );

    // The local's moderator flags a post in their own space…
    let (status, made) = flag(
        &w.moderator,
        w.local_post,
        json!({ "category": "student-privacy", "reason": "" }),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["new"], true);
    assert_eq!(made["post_id"], w.local_post);
    // …once: again changes nothing.
    let (status, again) = flag(
        &w.moderator,
        w.local_post,
        json!({ "category": "other", "reason": "Again." }),
    )
    .await;
    assert_eq!((status, again["new"].as_bool()), (200, Some(false)));
    // The local's admin sees it in the queue; the district's does not.
    let ladmin = app.browser();
    ladmin.sign_in(w.seed.email("ladmin"), PASSWORD).await;
    let queue = ladmin.get("/moderation").await;
    queue.expect("Private information about a student");
    assert!(!queue.contains("Again."));
    let dadmin = app.browser();
    dadmin.sign_in(w.seed.email("dadmin"), PASSWORD).await;
    assert!(
        !dadmin
            .get("/moderation")
            .await
            .contains("Private information about a student")
    );
    // Signed out: 401.
    let (status, _) = call(
        app,
        Method::POST,
        &format!("/api/v1/posts/{}/flags", w.district_post),
        None,
        Some(json!({ "category": "other", "reason": "Spam." })),
    )
    .await;
    assert_eq!(status, 401);
}
