//! The JSON API: tokens, errors with stable codes, the OpenAPI document.

use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

pub(crate) async fn token_for(app: &TestApp, email: &str) -> String {
    token_with_scope(app, email, "write").await
}

/// A token that may only read (`read`), or read and change (`write`).
pub(crate) async fn token_with_scope(app: &TestApp, email: &str, scope: &str) -> String {
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    let page = b
        .post(
            "/account/tokens",
            &[
                ("name", "test script"),
                ("scope", scope),
                ("expires_in_days", "30"),
                ("password", PASSWORD),
            ],
        )
        .await;
    page.expect("Copy it now");
    page.body
        .split("<code class=\"token\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string()
}

/// One call of the JSON API (with a bearer token, or none): the status and
/// the body, as JSON or else as its text.
pub(crate) async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut r = reqwest::Client::new().request(method, format!("{}{path}", app.url));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// [`call`] as someone with a token.
pub(crate) async fn call_as(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    call(app, method, path, Some(token), body).await
}

#[tokio::test]
async fn tokens_authenticate_and_errors_have_stable_codes() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("educator")).await;
    assert!(token.starts_with("lyc_"));

    let (status, me) = call(&app, Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], s.email("educator"));
    assert_eq!(me["memberships"][0]["role"], "educator");

    let (status, e) = call(&app, Method::GET, "/api/v1/me", None, None).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (401, Some("unauthenticated"))
    );
    let (status, e) = call(&app, Method::GET, "/api/v1/me", Some("lyc_made_up"), None).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (401, Some("invalid_token"))
    );
    let (status, e) = call(
        &app,
        Method::GET,
        "/api/v1/nothing-here",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, e) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/children", s.school_a),
        Some(&token),
        Some(json!({"name": "X", "kind": "school"})),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );

    // A session cookie does not work on the API (so it cannot be driven cross-site).
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let r = b.request(Method::GET, "/api/v1/me").send().await.unwrap();
    assert_eq!(r.status(), 401);

    // Revoked tokens stop working.
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let list = b.get("/account/tokens").await;
    let id = list
        .body
        .split("/account/tokens/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    b.post(&format!("/account/tokens/{id}/revoke"), &[])
        .await
        .expect("The token no longer works");
    let (status, _) = call(&app, Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn bad_bodies_are_refused_and_change_nothing() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("educator")).await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/v1/me/profile", app.url);

    let malformed = client
        .put(&url)
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"display_name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
    let e: Value = malformed.json().await.unwrap();
    assert_eq!(e["error"]["code"], "bad_request");
    assert!(
        e["error"]["detail"]
            .as_str()
            .unwrap()
            .contains("invalid JSON")
    );

    let (status, e) = call(
        &app,
        Method::PUT,
        "/api/v1/me/profile",
        Some(&token),
        Some(json!({"display_name": "A", "preferred_language": "en", "shoe_size": 9})),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        e["error"]["detail"].as_str().unwrap().contains("shoe_size"),
        "{e}"
    );

    let not_json = client
        .put(&url)
        .bearer_auth(&token)
        .body("display_name=A")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 400);

    let (status, e) = call(
        &app,
        Method::PUT,
        "/api/v1/me/profile",
        Some(&token),
        Some(json!({"display_name": "", "preferred_language": "fr", "subjects": ["alchemy"], "years_experience": 99})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["code"], "validation_failed");
    let fields: Vec<(&str, &str)> = e["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("display_name", "required"),
            ("preferred_language", "choose-one"),
            ("subjects", "unknown-choice"),
            ("years_experience", "number-range")
        ]
    );
    // Messages follow Accept-Language.
    let es: Value = client
        .put(&url)
        .bearer_auth(&token)
        .header("accept-language", "es")
        .json(&json!({"display_name": "", "preferred_language": "en"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(es["error"]["fields"][0]["message"], "Escriba su nombre.");

    // None of that changed the profile.
    let (_, me) = call(&app, Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(me["profile"]["display_name"], "Test educator");

    let (status, p) = call(
        &app,
        Method::PUT,
        "/api/v1/me/profile",
        Some(&token),
        Some(json!({"display_name": "Ana", "preferred_language": "es", "subjects": ["math"], "grade_bands": ["6-8"], "years_experience": 4})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(p["subjects"], json!(["math"]));
}

#[tokio::test]
async fn admins_manage_organisations_through_the_api() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let token = token_for(&app, s.email("dadmin")).await;
    let t = Some(token.as_str());
    let district = s.district.0;

    let (status, school) = call(&app, Method::POST, &format!("/api/v1/orgs/{district}/children"), t, Some(json!({"name": "Oak Grove", "kind": "school", "locale": "town", "title_i": true, "enrolment": 300}))).await;
    assert_eq!(status, 201, "{school}");
    assert_eq!(school["school"]["locale"], "town");
    let (status, e) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{district}/children"),
        t,
        Some(json!({"name": "Nope", "kind": "state"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["fields"][0]["code"], "org-kind-not-allowed");

    let (status, kids) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{district}/children"),
        t,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kids.as_array().unwrap().len(), 2);

    let (status, people) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{district}/people?limit=2"),
        t,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(people["people"].as_array().unwrap().len(), 2);
    let after = people["next_after"].as_i64().unwrap();
    let (_, rest) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{district}/people?limit=2&after={after}"),
        t,
        None,
    )
    .await;
    assert_eq!(rest["people"].as_array().unwrap().len(), 1);
    assert!(rest["next_after"].is_null());
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{district}/people?limit=0"),
        t,
        None,
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/people", s.local.0),
        t,
        None,
    )
    .await;
    assert_eq!(status, 403);

    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{district}/memberships"),
        t,
        Some(json!({"email": s.email("author"), "role": "facilitator"})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, inv) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{district}/invitations"),
        t,
        Some(json!({"email": "x@example.org", "role": "educator"})),
    )
    .await;
    assert_eq!(status, 201);
    assert!(inv["id"].as_i64().is_some());
    app.mail_to("x@example.org").await;

    // An author is made by name, in the admin's scope; an invitation never
    // carries admin rights.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{district}/memberships"),
        t,
        Some(json!({"email": s.email("facilitator"), "role": "author"})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, refused) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{district}/invitations"),
        t,
        Some(json!({"email": "boss@example.org", "role": "org_admin"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        refused["error"]["fields"][0]["code"], "role-not-allowed",
        "{refused}"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = TestApp::start().await;
    let (status, doc) = call(&app, Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(status, 200);
    assert_eq!(
        doc["openapi"].as_str().unwrap().split('.').next(),
        Some("3")
    );
    let mut documented: Vec<String> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    documented.sort();
    let mut served: Vec<String> = app
        .app()
        .routes
        .iter()
        .filter(|r| r.path.starts_with("/api/v1"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    served.sort();
    assert_eq!(documented, served);
}

#[tokio::test]
async fn the_community_over_the_api_keeps_to_the_audience() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let space = app
        .db
        .write({
            let (district, admin) = (s.district, s.user("dadmin"));
            move |c| {
                lyceum_db::community::create_space(
                    c,
                    district,
                    &lyceum_domain::community::SpaceDraft {
                        title: "District science".into(),
                        description: String::new(),
                        visibility: lyceum_domain::community::Visibility::Members,
                    },
                    admin,
                    lyceum_domain::Timestamp::from_micros(1_790_000_000_000_000),
                )
            }
        })
        .await
        .unwrap();
    let educator = token_for(&app, s.email("educator")).await;
    let outsider = token_for(&app, s.email("ladmin")).await;
    let facilitator = token_for(&app, s.email("facilitator")).await;

    let (status, list) = call(&app, Method::GET, "/api/v1/spaces", Some(&educator), None).await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["title"], "District science");
    assert_eq!(list[0]["visibility"], "members");
    let (_, none) = call(&app, Method::GET, "/api/v1/spaces", Some(&outsider), None).await;
    assert_eq!(none, json!([]));

    let topics = format!("/api/v1/spaces/{space}/topics");
    let (status, e) = call(
        &app,
        Method::POST,
        &topics,
        Some(&educator),
        Some(json!({ "title": "", "kind": "rant", "body": "x" })),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["code"], "validation_failed");
    let (status, created) = call(
        &app,
        Method::POST,
        &topics,
        Some(&educator),
        Some(json!({ "title": "Lab safety", "kind": "question", "body": "Goggles?" })),
    )
    .await;
    assert_eq!(status, 201);
    let topic = created["id"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/topics/{topic}/replies"),
        Some(&facilitator),
        Some(json!({ "body": "Always." })),
    )
    .await;
    assert_eq!(status, 201);
    let (_, page) = call(&app, Method::GET, &topics, Some(&educator), None).await;
    assert_eq!(page["topics"][0]["replies"], 1);
    assert_eq!(page["next"], Value::Null);
    let (_, posts) = call(
        &app,
        Method::GET,
        &format!("/api/v1/topics/{topic}/posts"),
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(posts["posts"][1]["body"], "Always.");
    let (_, told) = call(
        &app,
        Method::GET,
        "/api/v1/notifications",
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(told[0]["kind"], "reply");

    // Outside the audience: nothing exists.
    for (method, path) in [
        (Method::GET, topics.clone()),
        (Method::GET, format!("/api/v1/topics/{topic}/posts")),
    ] {
        let (status, e) = call(&app, method, &path, Some(&outsider), None).await;
        assert_eq!(
            (status, e["error"]["code"].clone()),
            (404, json!("not_found")),
            "{path}"
        );
    }
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/topics/{topic}/replies"),
        Some(&outsider),
        Some(json!({ "body": "hi" })),
    )
    .await;
    assert_eq!(status, 404);
}
