//! API tokens: made only with the account's password, for reading or for
//! reading and changing, for 30, 90 or 365 days (never for ever); refused
//! once expired; all revoked by a password reset, and by a password change
//! unless the person keeps them.

use super::api::call;
use lyceum_testkit::{Browser, PASSWORD, TestApp};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;

const NEW_PASSWORD: &str = "plums in the icebox";

/// The token a tokens page shows once, just after making it.
fn shown_token(body: &str) -> String {
    body.split("<code class=\"token\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string()
}

/// A token made on the tokens page: `scope` `read` or `write`, for `days`.
async fn make_token(b: &Browser, scope: &str, days: &str) -> String {
    let page = b
        .post(
            "/account/tokens",
            &[
                ("name", "reporting script"),
                ("scope", scope),
                ("expires_in_days", days),
                ("password", PASSWORD),
            ],
        )
        .await;
    page.expect("Copy it now");
    shown_token(&page.body)
}

#[tokio::test]
async fn a_token_needs_the_password_and_never_lives_for_ever() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let form = b.get("/account/tokens").await;
    form.expect("name=\"password\"")
        .expect("name=\"scope\"")
        .expect("value=\"90\" selected");
    assert!(
        !form.contains("value=\"never\""),
        "no token lives for ever:\n{}",
        form.body
    );

    for password in ["", "not my password at all"] {
        let refused = b
            .post(
                "/account/tokens",
                &[
                    ("name", "script"),
                    ("scope", "read"),
                    ("expires_in_days", "90"),
                    ("password", password),
                ],
            )
            .await;
        assert_eq!(refused.status, 422, "{password:?}");
        refused
            .expect("That is not your current password.")
            .expect("href=\"#f-password\"");
        assert!(!refused.contains("<code class=\"token\">"));
    }
    for days in ["never", "", "1000", "7"] {
        let refused = b
            .post(
                "/account/tokens",
                &[
                    ("name", "script"),
                    ("scope", "read"),
                    ("expires_in_days", days),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(refused.status, 422, "{days:?}");
        refused.expect("Choose when the token stops working.");
    }
    let refused = b
        .post(
            "/account/tokens",
            &[
                ("name", "script"),
                ("scope", "admin"),
                ("expires_in_days", "30"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("Choose what the token may do.");
    b.get("/account/tokens").await.expect("You have no tokens.");

    let made = b
        .post(
            "/account/tokens",
            &[
                ("name", "reporting script"),
                ("scope", "read"),
                ("expires_in_days", "30"),
                ("password", PASSWORD),
            ],
        )
        .await;
    made.expect("Copy it now").expect("Read only");
    let day = app
        .clock
        .now()
        .plus(Duration::from_secs(30 * 86_400))
        .date_in(&lyceum_domain::time::TimeZone::parse("America/New_York").unwrap());
    let (y, m, d) = (day.year(), day.month(), day.day());
    let month = [
        "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][m as usize];
    made.expect(&format!("<dd>{d} {month} {y}</dd>"));
}

#[tokio::test]
async fn a_read_token_cannot_change_anything() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let read = make_token(&b, "read", "90").await;
    let write = make_token(&b, "write", "90").await;

    let (status, me) = call(&app, Method::GET, "/api/v1/me", Some(&read), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["profile"]["display_name"], "Test educator");
    let change = json!({"display_name": "Changed by a script", "preferred_language": "en"});
    let (status, e) = call(
        &app,
        Method::PUT,
        "/api/v1/me/profile",
        Some(&read),
        Some(change.clone()),
    )
    .await;
    assert_eq!(status, 403, "{e}");
    assert_eq!(e["error"]["code"], "insufficient_scope");
    assert!(
        e["error"]["message"].as_str().unwrap().contains("“write”"),
        "{e}"
    );
    let (status, e) = call(
        &app,
        Method::POST,
        "/api/v1/spaces/1/topics",
        Some(&read),
        Some(json!({"title": "x", "kind": "discussion", "body": "x"})),
    )
    .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let (_, me) = call(&app, Method::GET, "/api/v1/me", Some(&read), None).await;
    assert_eq!(
        me["profile"]["display_name"], "Test educator",
        "nothing changed"
    );

    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/me/profile",
        Some(&write),
        Some(change),
    )
    .await;
    assert_eq!(status, 200);
    let (_, me) = call(&app, Method::GET, "/api/v1/me", Some(&write), None).await;
    assert_eq!(me["profile"]["display_name"], "Changed by a script");

    // The OpenAPI document says which scope each call needs.
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        doc["paths"]["/api/v1/me/profile"]["put"]["security"][0]["bearer"],
        json!(["write"])
    );
    assert_eq!(
        doc["paths"]["/api/v1/me"]["get"]["security"][0]["bearer"],
        json!(["read"])
    );
    assert!(
        doc["components"]["securitySchemes"]["bearer"]["description"]
            .as_str()
            .unwrap()
            .contains("write"),
        "{}",
        doc["components"]
    );
}

#[tokio::test]
async fn expired_tokens_are_refused_and_listed_as_expired() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let token = make_token(&b, "read", "30").await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", Some(&token), None)
            .await
            .0,
        200
    );
    app.clock.advance(Duration::from_secs(31 * 86_400));
    let (status, e) = call(&app, Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (401, Some("invalid_token"))
    );
    let again = app.browser();
    again.sign_in(s.email("educator"), PASSWORD).await;
    again
        .get("/account/tokens")
        .await
        .expect("reporting script")
        .expect("Expired");
}

#[tokio::test]
async fn a_password_reset_revokes_every_token() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let email = s.email("educator");
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    let token = make_token(&b, "write", "365").await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", Some(&token), None)
            .await
            .0,
        200
    );

    let stranger = app.browser();
    stranger.post("/forgot-password", &[("email", email)]).await;
    let mail = app.mail_to(email).await;
    assert!(mail.text.contains("API tokens"), "{}", mail.text);
    let form = stranger.get(&mail.link_path("/reset-password")).await;
    form.expect("API tokens");
    let link = form.input_value("token").unwrap();
    stranger
        .post(
            "/reset-password",
            &[
                ("token", &link),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await
        .expect("Your password was changed");
    let (status, e) = call(&app, Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (401, Some("invalid_token"))
    );
}

#[tokio::test]
async fn a_password_change_revokes_tokens_unless_kept() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let first = make_token(&b, "write", "90").await;
    b.get("/account/password")
        .await
        .expect("name=\"revoke_tokens\" value=\"yes\" checked");
    b.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("password", NEW_PASSWORD),
            ("password_confirm", NEW_PASSWORD),
            ("revoke_tokens", "yes"),
        ],
    )
    .await
    .expect("Your password was changed");
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", Some(&first), None)
            .await
            .0,
        401
    );

    // Unticked, tokens keep working.
    let page = b
        .post(
            "/account/tokens",
            &[
                ("name", "kept"),
                ("scope", "read"),
                ("expires_in_days", "90"),
                ("password", NEW_PASSWORD),
            ],
        )
        .await;
    let kept = shown_token(&page.body);
    b.post(
        "/account/password",
        &[
            ("current_password", NEW_PASSWORD),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await
    .expect("Your password was changed");
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", Some(&kept), None)
            .await
            .0,
        200
    );
}
