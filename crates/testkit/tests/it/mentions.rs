//! Mentions and the preview, for people new to forums: `@` and any part of
//! a name finds someone only among those who may see the space (suggested
//! as one types, and looked up when the post is sent — nobody outside is
//! ever suggested nor found); a name nobody, or several, who may see it
//! have refuses the post naming it, keeping what was typed; a mentioned
//! name links to their posts; "Preview" shows the rendered Markdown and
//! saves nothing. Pages and the API alike.

use super::api::{call, token_for};
use lyceum_db::community;
use lyceum_domain::TopicId;
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::json;

/// A space for the seed's district, made by its admin: its path.
async fn district_space(dadmin: &Browser, s: &Seed, title: &str, visibility: &str) -> String {
    let made = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[("title", title), ("visibility", visibility)],
        )
        .await;
    made.expect("Space created.");
    made.path
}

async fn signed_in(app: &TestApp, s: &Seed, who: &str) -> Browser {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b
}

fn topic_id(path: &str) -> TopicId {
    TopicId(path.trim_start_matches("/topics/").parse().unwrap())
}

async fn posts_of(app: &TestApp, id: TopicId) -> Vec<community::PostLine> {
    app.db
        .read(move |c| community::posts(c, id, None, 10))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_mention_is_found_only_among_those_who_may_see_the_space() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = signed_in(&app, &s, "dadmin").await;
    // Members only: the district's people (dadmin, facilitator, educator).
    let members = district_space(&dadmin, &s, "Grade 8 lab", "members").await;
    let open = district_space(&dadmin, &s, "District lounge", "open").await;
    let educator = signed_in(&app, &s, "educator").await;
    let moderator = signed_in(&app, &s, "moderator").await;
    let (facilitator_id, moderator_id) = (s.user("facilitator").0, s.user("moderator").0);

    // Suggestions: by any part of the name, only those who may see it.
    let suggested = educator.get(&format!("{members}/mentionable?q=fac")).await;
    suggested
        .expect("Test facilitator")
        .expect(&format!(
            "data-mention=\"@[Test facilitator](user:{facilitator_id})\""
        ))
        .expect("1 person found");
    let none = educator.get(&format!("{members}/mentionable?q=mod")).await;
    none.expect("No one found by that name");
    assert!(!none.contains("Test moderator"), "{}", none.body);
    let by_word = educator.get(&format!("{members}/mentionable?q=test")).await;
    assert!(!by_word.contains("Test moderator"), "{}", by_word.body);
    by_word.expect("Test dadmin").expect("Test educator");
    educator
        .get(&format!("{open}/mentionable?q=moder"))
        .await
        .expect("Test moderator");
    // Someone who may not read the space gets no answer at all.
    assert_eq!(
        moderator
            .get(&format!("{members}/mentionable?q=test"))
            .await
            .status,
        404
    );

    // Sent: a name no one who may see the space has is refused, naming it,
    // and what was typed is kept.
    let typed = "Ask @moderator and @facilitator, please.";
    let refused = educator
        .post(
            &format!("{members}/topics"),
            &[("title", "Labs"), ("kind", "discussion"), ("body", typed)],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .expect("No one called @moderator can see this space.")
        .expect("href=\"#f-body\"")
        .expect("Ask @moderator and @facilitator, please.</textarea>");
    // Nor by id, whatever name is written.
    let by_id = format!("Ask @[Mod](user:{moderator_id}).");
    let refused = educator
        .post(
            &format!("{members}/topics"),
            &[("title", "Labs"), ("kind", "discussion"), ("body", &by_id)],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("No one called @Mod can see this space.");
    // A name several have offers them.
    let refused = educator
        .post(
            &format!("{members}/topics"),
            &[
                ("title", "Labs"),
                ("kind", "discussion"),
                ("body", "Hi @Test!"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .expect("Several people called @Test can see this space:")
        .expect("Test facilitator");

    // Found: written as a person mention, shown as a link to their posts,
    // and they are told.
    let topic = educator
        .post(
            &format!("{members}/topics"),
            &[
                ("title", "Labs"),
                ("kind", "discussion"),
                ("body", "Thanks @facilitator!"),
            ],
        )
        .await;
    topic.expect("Topic started.").expect(&format!(
        "@<a href=\"/spaces/search?author={facilitator_id}\" rel=\"noopener noreferrer\">Test facilitator</a>!"
    ));
    let stored = posts_of(&app, topic_id(&topic.path)).await;
    assert_eq!(
        stored[0].post.body,
        format!("Thanks @[Test facilitator](user:{facilitator_id})!")
    );
    let facilitator = signed_in(&app, &s, "facilitator").await;
    facilitator
        .get("/notifications")
        .await
        .expect("Test educator mentioned you in “Labs”");

    // In an open space everyone may see it: the moderator is found, by the
    // words of their name, in a reply.
    let lounge = educator
        .post(
            &format!("{open}/topics"),
            &[
                ("title", "Coffee"),
                ("kind", "discussion"),
                ("body", "Morning."),
            ],
        )
        .await
        .path;
    educator
        .post(
            &format!("{lounge}/replies"),
            &[("body", "@Test moderator said hi.")],
        )
        .await
        .expect("Reply posted.")
        .expect(&format!("/spaces/search?author={moderator_id}"));
    moderator
        .get("/notifications")
        .await
        .expect("Test educator mentioned you in “Coffee”");
}

#[tokio::test]
async fn the_api_suggests_and_refuses_mentions_as_the_pages_do() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = signed_in(&app, &s, "dadmin").await;
    let members = district_space(&dadmin, &s, "Grade 8 lab", "members").await;
    let space: i64 = members.trim_start_matches("/spaces/").parse().unwrap();
    let educator = token_for(&app, s.email("educator")).await;
    let moderator = token_for(&app, s.email("moderator")).await;
    let fid = s.user("facilitator").0;

    let (status, found) = call(
        &app,
        Method::GET,
        &format!("/api/v1/spaces/{space}/mentionable?q=fac"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["people"][0]["id"], fid);
    assert_eq!(found["people"][0]["name"], "Test facilitator");
    assert_eq!(
        found["people"][0]["mention"],
        format!("@[Test facilitator](user:{fid})")
    );
    let (status, found) = call(
        &app,
        Method::GET,
        &format!("/api/v1/spaces/{space}/mentionable?q=moderator"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(
        (status, found["people"].as_array().unwrap().len()),
        (200, 0)
    );
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/spaces/{space}/mentionable?q=test"),
        Some(&moderator),
        None,
    )
    .await;
    assert_eq!(status, 404);

    let (status, e) = call(
        &app,
        Method::POST,
        &format!("/api/v1/spaces/{space}/topics"),
        Some(&educator),
        Some(json!({ "title": "Labs", "kind": "discussion", "body": "Ask @moderator." })),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["error"]["fields"][0]["field"], "body");
    assert_eq!(
        e["error"]["fields"][0]["message"],
        "No one called @moderator can see this space. Check the name, or remove the @."
    );
    let (status, made) = call(
        &app,
        Method::POST,
        &format!("/api/v1/spaces/{space}/topics"),
        Some(&educator),
        Some(json!({ "title": "Labs", "kind": "discussion", "body": "Hi." })),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let topic = made["id"].as_i64().unwrap();
    let (status, e) = call(
        &app,
        Method::POST,
        &format!("/api/v1/topics/{topic}/replies"),
        Some(&educator),
        Some(json!({ "body": "And @nobody at all?" })),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["error"]["fields"][0]["field"], "body");
    let (status, made) = call(
        &app,
        Method::POST,
        &format!("/api/v1/topics/{topic}/replies"),
        Some(&educator),
        Some(json!({ "body": format!("Over to @[Fac](user:{fid}).") })),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let (_, posts) = call(
        &app,
        Method::GET,
        &format!("/api/v1/topics/{topic}/posts"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(
        posts["posts"][1]["body"],
        format!("Over to @[Test facilitator](user:{fid}).")
    );
}

#[tokio::test]
async fn preview_shows_the_rendered_text_keeps_it_and_saves_nothing() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = signed_in(&app, &s, "dadmin").await;
    let space = district_space(&dadmin, &s, "Grade 8 lab", "members").await;
    let educator = signed_in(&app, &s, "educator").await;

    // Formatting help is on every form for writing a post.
    educator
        .get(&space)
        .await
        .expect("Formatting help")
        .expect("**bold words**")
        .expect("@Sam or @Sam Rivera");

    let body = "**Bold** and <script>alert(1)</script>";
    let previewed = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Draft title"),
                ("kind", "question"),
                ("body", body),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(previewed.status, 200);
    previewed
        .expect("<h3 id=\"preview-heading\">Preview</h3>")
        .expect("<strong>Bold</strong>")
        .expect("value=\"Draft title\"")
        .expect("**Bold** and &#60;script&#62;alert(1)&#60;/script&#62;</textarea>");
    assert!(!previewed.contains("<script>alert"), "{}", previewed.body);
    assert!(!educator.get(&space).await.contains("Draft title"));

    let topic = educator
        .post(
            &format!("{space}/topics"),
            &[
                ("title", "Labs"),
                ("kind", "discussion"),
                ("body", "First."),
            ],
        )
        .await
        .path;
    let previewed = educator
        .post(
            &format!("{topic}/replies"),
            &[("body", "*Maybe*"), ("preview", "1")],
        )
        .await;
    previewed
        .expect("<em>Maybe</em>")
        .expect("*Maybe*</textarea>");
    let id = topic_id(&topic);
    let posts = posts_of(&app, id).await;
    assert_eq!(posts.len(), 1, "a preview posts nothing");

    // Editing: the preview leaves the post as it was.
    let first = posts[0].post.id;
    educator
        .post(
            &format!("/posts/{first}/edit"),
            &[("body", "~~First~~ Second."), ("preview", "1")],
        )
        .await
        .expect("<h2 id=\"preview-heading\">Preview</h2>")
        .expect("<del>First</del> Second.")
        .expect("~~First~~ Second.</textarea>");
    assert_eq!(posts_of(&app, id).await[0].post.body, "First.");
}
