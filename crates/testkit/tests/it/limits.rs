//! Oversized, malformed and deeply nested input is refused with a clear
//! client error — never a server error, never a hang — nothing changes,
//! and the server answers the next request as usual.

use lyceum_testkit::{PASSWORD, Seed, TestApp};
use reqwest::Method;
use serde_json::Value;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// A session cookie's value for `email`, signed in as a browser would.
async fn session(app: &TestApp, email: &str) -> String {
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
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find_map(|v| {
            v.strip_prefix("lyceum_session=")
                .map(|rest| rest.split(';').next().unwrap().to_string())
        })
        .expect("a session cookie")
}

/// A form post (as our own page sends it) of raw bytes, with the session.
async fn post_form(app: &TestApp, cookie: &str, path: &str, body: Vec<u8>) -> (u16, String) {
    let r = reqwest::Client::new()
        .post(format!("{}{path}", app.url))
        .header("cookie", format!("lyceum_session={cookie}"))
        .header("origin", app.url.clone())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

/// A JSON API call with raw bytes as its body.
async fn put_json(app: &TestApp, token: &str, path: &str, body: Vec<u8>) -> (u16, Value) {
    let r = reqwest::Client::new()
        .request(Method::PUT, format!("{}{path}", app.url))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn display_name(app: &TestApp, s: &Seed) -> String {
    let id = s.user("educator");
    app.db
        .read(move |c| Ok(lyceum_db::users::by_id(c, id)?.unwrap().display_name))
        .await
        .unwrap()
}

/// The server still answers, signed in and not.
async fn still_serving(app: &TestApp, cookie: &str) {
    let ok = reqwest::get(format!("{}/healthz", app.url)).await.unwrap();
    assert_eq!(ok.status(), 200);
    let profile = reqwest::Client::new()
        .get(format!("{}/profile", app.url))
        .header("cookie", format!("lyceum_session={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(profile.status(), 200);
}

#[tokio::test]
async fn a_megabyte_in_a_field_is_refused_clearly_and_changes_nothing() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let cookie = session(&app, s.email("educator")).await;
    let token = crate::api::token_for(&app, s.email("educator")).await;

    // Under the body limit but far over the field's: the field is named.
    let long = "a".repeat(900 * 1024);
    let body = format!("display_name={long}&preferred_language=en");
    let (status, page) = post_form(&app, &cookie, "/profile", body.into_bytes()).await;
    assert_eq!(status, 422);
    assert!(page.contains("href=\"#f-display_name\""));

    // A whole megabyte in one field: over the body limit, refused as such.
    let mega = "a".repeat(1024 * 1024);
    let body = format!("display_name={mega}&preferred_language=en");
    let (status, page) = post_form(&app, &cookie, "/profile", body.into_bytes()).await;
    assert!(matches!(status, 400 | 413), "{status}: {page}");
    assert!(page.contains("<h1"), "an error page, not a bare body");

    let json = serde_json::json!({ "display_name": mega, "preferred_language": "en" });
    let (status, e) = put_json(
        &app,
        &token,
        "/api/v1/me/profile",
        json.to_string().into_bytes(),
    )
    .await;
    assert!(matches!(status, 400 | 413), "{status}: {e}");
    assert!(
        e["error"]["code"].is_string(),
        "the stable error shape: {e}"
    );

    assert_eq!(display_name(&app, &s).await, "Test educator");
    still_serving(&app, &cookie).await;
}

/// Sends the head of a request that announces `announced` bytes, then only
/// `sent` of them, and reads the answer: a server that waits to read it
/// all never answers (and the read times out).
fn announce_and_stop(
    addr: std::net::SocketAddr,
    head: &str,
    announced: usize,
    sent: usize,
) -> (u16, Duration) {
    let started = Instant::now();
    let mut socket = std::net::TcpStream::connect(addr).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    socket
        .set_write_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    write!(socket, "{head}Content-Length: {announced}\r\n\r\n").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    let mut written = 0;
    while written < sent {
        // The server may answer and close before all of it is written.
        if socket.write_all(&chunk).is_err() {
            break;
        }
        written += chunk.len();
    }
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
        match socket.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) => panic!("no answer after {:?}: {e}", started.elapsed()),
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"));
    (status, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_megabyte_body_is_refused_without_being_read() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let cookie = session(&app, s.email("educator")).await;
    let token = crate::api::token_for(&app, s.email("educator")).await;
    let addr = app.app().addr;
    let host = addr.to_string();
    let origin = app.url.clone();
    const HUNDRED_MB: usize = 100 * 1024 * 1024;

    // (what, request head) — a form, the API, and a route taking files.
    let cases = [
        (
            "form",
            format!(
                "POST /profile HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
                 Cookie: lyceum_session={cookie}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\n"
            ),
        ),
        (
            "api",
            format!(
                "PUT /api/v1/me/profile HTTP/1.1\r\nHost: {host}\r\n\
                 Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            ),
        ),
        (
            "upload",
            format!(
                "POST /transcript/outside HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
                 Cookie: lyceum_session={cookie}\r\n\
                 Content-Type: multipart/form-data; boundary=xyz\r\n"
            ),
        ),
    ];
    for (what, head) in cases {
        // 8 MB sent of 100 MB announced: more than any limit, far less than all.
        let (status, took) = tokio::task::spawn_blocking(move || {
            announce_and_stop(addr, &head, HUNDRED_MB, 8 * 1024 * 1024)
        })
        .await
        .unwrap();
        assert!(matches!(status, 400 | 413), "{what}: {status}");
        assert!(took < Duration::from_secs(10), "{what}: took {took:?}");
    }
    assert_eq!(display_name(&app, &s).await, "Test educator");
    still_serving(&app, &cookie).await;
}

#[tokio::test]
async fn malformed_utf8_is_a_client_error_or_replaced_never_a_server_error() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let cookie = session(&app, s.email("educator")).await;
    let token = crate::api::token_for(&app, s.email("educator")).await;

    // In a form, raw and percent-encoded: refused, or read with U+FFFD.
    for body in [
        b"display_name=Ana\xff\xfe&preferred_language=en".to_vec(),
        b"display_name=Ana%FF%C3%28&preferred_language=en".to_vec(),
        b"display_name=\xc3\x28&preferred_language=\xe2\x82".to_vec(),
    ] {
        let (status, page) = post_form(&app, &cookie, "/profile", body.clone()).await;
        assert!(
            status < 500 && status != 0,
            "{}: {status} {page}",
            String::from_utf8_lossy(&body)
        );
        let name = display_name(&app, &s).await;
        assert!(name == "Test educator" || name.starts_with("Ana"), "{name}");
    }

    // In JSON: a 400 with the stable error shape, nothing changed.
    let (status, e) = put_json(
        &app,
        &token,
        "/api/v1/me/profile",
        b"{\"display_name\": \"Ana\xff\xfe\", \"preferred_language\": \"en\"}".to_vec(),
    )
    .await;
    assert_eq!(status, 400, "{e}");
    assert_eq!(e["error"]["code"], "bad_request", "{e}");

    // In a path and a query string.
    let client = reqwest::Client::new();
    for path in [
        "/courses/%FF%FE",
        "/spaces/search?q=%FF%FE",
        "/orgs/1/people?q=%C3%28",
    ] {
        let r = client
            .get(format!("{}{path}", app.url))
            .header("cookie", format!("lyceum_session={cookie}"))
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{path}: {}", r.status());
    }
    let r = client
        .get(format!("{}/api/v1/orgs/%FF", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "bad_request");
    still_serving(&app, &cookie).await;
}

#[tokio::test]
async fn json_nested_ten_thousand_deep_is_refused_and_the_server_carries_on() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let cookie = session(&app, s.email("educator")).await;
    let token = crate::api::token_for(&app, s.email("educator")).await;
    const DEPTH: usize = 10_000;
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let inside = format!(
        "{{\"display_name\": \"Ana\", \"preferred_language\": \"en\", \"subjects\": {arrays}}}"
    );
    for body in [arrays, objects, inside] {
        let (status, e) = put_json(&app, &token, "/api/v1/me/profile", body.into_bytes()).await;
        assert_eq!(status, 400, "{e}");
        assert_eq!(e["error"]["code"], "bad_request", "{e}");
    }
    // The same depth in a course file an author uploads: kept as a draft
    // whose problem is shown, page after page.
    let deep = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let course = format!("{{\"format\": \"lyceum-course/1\", \"slug\": {deep}}}");
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    let r = author
        .post_multipart(
            "/authoring",
            reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(course.into_bytes()).file_name("deep.json"),
            ),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.path.starts_with("/authoring/"), "{}", r.path);
    r.expect("recursion limit exceeded");
    assert_eq!(author.get(&r.path).await.status, 200);
    assert_eq!(display_name(&app, &s).await, "Test educator");
    still_serving(&app, &cookie).await;
}
