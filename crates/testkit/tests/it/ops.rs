//! Operations endpoints and the headers every response carries.

use lyceum_testkit::TestApp;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::start_with(|c| {
        c.server.metrics_token = Some(lyceum_server::config::Secret::new("s3cret"))
    })
    .await;
    let b = app.browser();
    let health = b.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok\n"));
    let ready = b.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready\n"));
    b.get("/").await;
    b.get("/no/such/page").await;
    let r = b
        .request(reqwest::Method::GET, "/metrics")
        .bearer_auth("s3cret")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let metrics = r.text().await.unwrap();
    for line in [
        "lyceum_http_requests_total{method=\"GET\",route=\"/\",status=\"2xx\"} ",
        "lyceum_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\"",
        "lyceum_jobs_waiting 0",
    ] {
        assert!(metrics.contains(line), "{line} in {metrics}");
    }
    // Raw paths (ids, tokens) never become labels.
    assert!(!metrics.contains("/no/such/page"));
}

#[tokio::test]
async fn every_response_has_an_id_and_safety_headers() {
    let app = TestApp::start().await;
    let page = app.browser().get("/sign-in").await;
    let h = &page.headers;
    assert!(!h["x-request-id"].is_empty());
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert_eq!(h["cache-control"], "no-store");
    // No page asks for anything from another host.
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.contains(attr), "{attr}");
    }
}

#[tokio::test]
async fn static_assets_are_hashed_cached_and_compressed() {
    let app = TestApp::start().await;
    let page = app.browser().get("/").await;
    let css = page
        .body
        .split("href=\"/static/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let r = reqwest::Client::new()
        .get(format!("{}/static/{css}", app.url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.headers()["content-encoding"], "gzip");
    let stale = app.browser().get("/static/lyceum.0000.css").await;
    assert_eq!(stale.status, 404);
}

/// Route names and volumes are not for everyone: without a token
/// configured, metrics are off.
#[tokio::test]
async fn metrics_are_off_without_a_token() {
    let app = TestApp::start().await;
    let r = app.browser().get("/metrics").await;
    assert_eq!(r.status, 401);
    assert!(!r.contains("lyceum_http_requests_total"));
}

#[tokio::test]
async fn metrics_require_their_token() {
    let app = TestApp::start_with(|c| {
        c.server.metrics_token = Some(lyceum_server::config::Secret::new("s3cret"))
    })
    .await;
    assert_eq!(app.browser().get("/metrics").await.status, 401);
    let wrong = reqwest::Client::new()
        .get(format!("{}/metrics", app.url))
        .bearer_auth("s3cre")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let r = reqwest::Client::new()
        .get(format!("{}/metrics", app.url))
        .bearer_auth("s3cret")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_client() {
    let app = TestApp::start_with(|c| c.server.auth_attempts_per_minute = 3).await;
    let b = app.browser();
    for _ in 0..3 {
        assert_eq!(
            b.post("/sign-in", &[("email", "a@example.org"), ("password", "x")])
                .await
                .status,
            422
        );
    }
    let limited = b
        .post("/sign-in", &[("email", "a@example.org"), ("password", "x")])
        .await;
    assert_eq!(limited.status, 429);
    limited.expect("Too many attempts");
}
