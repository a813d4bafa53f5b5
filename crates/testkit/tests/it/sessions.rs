//! Sessions live in the database: they survive restarts, are shared by every
//! app server, get a fresh id at sign-in, and expire when idle or old.

use lyceum_testkit::{Browser, PASSWORD, TestApp};

use std::time::Duration;

#[tokio::test]
async fn two_servers_share_sessions() {
    let one = TestApp::start().await;
    let s = one.seed().await;
    let two = one.another_server().await;
    assert_ne!(one.url, two.url);
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let with_cookie = |method: reqwest::Method, url: String, cookie: &str| {
        plain
            .request(method, url)
            .header("cookie", format!("lyceum_session={cookie}"))
    };

    // Signed in through one server, known to the other.
    let cookie = session_cookie(&one, s.email("educator")).await;
    let r = with_cookie(
        reqwest::Method::GET,
        format!("{}/profile", two.url),
        &cookie,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Test educator"));

    // Signed out through the other, unknown to both.
    let out = with_cookie(
        reqwest::Method::POST,
        format!("{}/sign-out", two.url),
        &cookie,
    )
    .header("origin", two.url.clone())
    .send()
    .await
    .unwrap();
    assert_eq!(out.status(), 303);
    for server in [&one.url, &two.url] {
        let r = with_cookie(reqwest::Method::GET, format!("{server}/profile"), &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(
            r.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/sign-in")
        );
    }
    two.stop().await;
}

/// Signs in without following the redirect, to read the Set-Cookie.
async fn session_cookie(app: &TestApp, email: &str) -> String {
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}/sign-in", app.url))
        .header("origin", app.url.clone())
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("lyceum_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    cookie["lyceum_session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_session_survives_a_restart() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let cookie = session_cookie(&app, s.email("author")).await;
    let replacement = app.another_server().await;
    app.stop().await;
    let r = reqwest::Client::new()
        .get(format!("{}/account", replacement.url))
        .header("cookie", format!("lyceum_session={cookie}"))
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains(s.email("author")));
    replacement.stop().await;
}

#[tokio::test]
async fn sign_in_issues_a_new_session_id() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let first = session_cookie(&app, s.email("author")).await;
    let second = session_cookie(&app, s.email("author")).await;
    assert_ne!(first, second);
    // A planted (unknown) session id is never adopted: it is cleared.
    let r = reqwest::Client::new()
        .get(format!("{}/", app.url))
        .header("cookie", "lyceum_session=planted-by-someone")
        .send()
        .await
        .unwrap();
    let cleared = r.headers().get_all("set-cookie").iter().any(|v| {
        let v = v.to_str().unwrap();
        v.starts_with("lyceum_session=;") && v.contains("Max-Age=0")
    });
    assert!(cleared);
}

#[tokio::test]
async fn idle_and_absolute_expiry() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    // Active every three hours: never idle for four, so it lasts...
    for _ in 0..7 {
        app.clock.advance(Duration::from_secs(3 * 3600));
        b.get("/account").await.expect(s.email("author"));
    }
    // ...until the absolute limit of 24 hours.
    app.clock.advance(Duration::from_secs(3 * 3600 + 60));
    assert!(b.get("/account").await.path.starts_with("/sign-in"));

    let idle = Browser::new(&app.url);
    idle.sign_in(s.email("author"), PASSWORD).await;
    app.clock.advance(Duration::from_secs(4 * 3600 + 60));
    assert!(idle.get("/account").await.path.starts_with("/sign-in"));
}

/// A browser still holding an expired session's cookie signs in at the first
/// try: the response sets the new session and does not clear it again.
#[tokio::test]
async fn signing_in_over_a_stale_cookie_keeps_the_new_session() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    app.clock.advance(Duration::from_secs(4 * 3600 + 60));
    b.sign_in(s.email("author"), PASSWORD).await;
    b.get("/account").await.expect(s.email("author"));
}

/// Served over https, cookies are `__Host-` prefixed and `Secure`, and
/// browsers are told to stay on https; over plain http neither applies.
#[tokio::test]
async fn https_deployments_pin_cookies_to_the_host() {
    let app = TestApp::start_with(|c| {
        c.server.public_url = Some("https://lyceum.example.org".into());
    })
    .await;
    let s = app.seed().await;
    // TLS ends at the load balancer: talk to the app server behind it.
    let direct = format!("http://{}", app.app().addr);
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{direct}/sign-in"))
        .header("origin", "https://lyceum.example.org")
        .form(&[("email", s.email("author")), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["strict-transport-security"], "max-age=31536000");
    let cookies: Vec<&str> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("__Host-lyceum_session="))
        .expect("a __Host- session cookie");
    assert!(session.contains("; Secure") && session.contains("Path=/"));
    assert!(!session.contains("Domain="));
    // The prefixed cookie is the one read back.
    let id = &session["__Host-lyceum_session=".len()..session.find(';').unwrap()];
    let account = reqwest::Client::new()
        .get(format!("{direct}/account"))
        .header("cookie", format!("__Host-lyceum_session={id}"))
        .send()
        .await
        .unwrap();
    assert!(account.text().await.unwrap().contains(s.email("author")));

    let plain = TestApp::start().await;
    let r = reqwest::get(format!("{}/", plain.url)).await.unwrap();
    assert!(r.headers().get("strict-transport-security").is_none());
}

/// Session fixation: an id planted in a victim's browser before they sign
/// in — made up, or the attacker's own live session — is never the one
/// their sign-in makes, and afterwards it signs in nobody.
#[tokio::test]
async fn a_planted_session_id_is_never_the_victims_session() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let attackers = session_cookie(&app, s.email("author")).await;
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let account = |cookie: String| {
        let (plain, url) = (plain.clone(), format!("{}/account", app.url));
        async move {
            let r = plain
                .get(url)
                .header("cookie", format!("lyceum_session={cookie}"))
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    for planted in ["planted-by-someone".to_string(), attackers.clone()] {
        let r = plain
            .post(format!("{}/sign-in", app.url))
            .header("origin", app.url.clone())
            .header("cookie", format!("lyceum_session={planted}"))
            .form(&[("email", s.email("educator")), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let issued = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().unwrap().strip_prefix("lyceum_session="))
            .map(|v| v.split(';').next().unwrap().to_string())
            .find(|v| !v.is_empty())
            .expect("a new session cookie");
        assert_ne!(issued, planted);
        let (_, mine) = account(issued).await;
        assert!(mine.contains(s.email("educator")));
        // The planted id signs in nobody now: a made-up one never did, and
        // the session a sign-in replaces is ended.
        let (status, page) = account(planted.clone()).await;
        assert!(!page.contains(s.email("educator")), "{planted}");
        assert_eq!(status, 303, "{planted}");
    }
}
