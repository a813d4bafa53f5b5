//! The people directory through its page, its CSV export and the API.

use lyceum_testkit::{PASSWORD, TestApp};

#[tokio::test]
async fn admins_search_filter_and_export_within_their_scope() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    // The educator says what they teach.
    let e = app.browser();
    e.sign_in(s.email("educator"), PASSWORD).await;
    e.post(
        "/profile",
        &[
            ("display_name", "=Ana López"),
            ("preferred_language", "en"),
            ("subjects", "math"),
            ("grade_bands", "6-8"),
        ],
    )
    .await
    .expect("Your profile was saved");

    let base = format!("/orgs/{}/people", s.district);
    let all = b.get(&base).await;
    all.expect("Test facilitator")
        .expect("Test dadmin")
        .expect("=Ana López")
        .expect("Mathematics");
    b.get(&format!("{base}?q=lop")).await.expect("=Ana López");
    assert!(
        !b.get(&format!("{base}?q=lop"))
            .await
            .contains("Test facilitator")
    );
    b.get(&format!("{base}?q=ana+lopez"))
        .await
        .expect("=Ana López");
    // As the form sends it, with every select left at "any".
    let sent = b
        .get(&format!("{base}?q=lop&org=&role=&subject=&grade_band="))
        .await;
    assert_eq!(sent.status, 200);
    sent.expect("=Ana López");
    let by_role = b.get(&format!("{base}?role=facilitator")).await;
    assert!(by_role.contains("Test facilitator") && !by_role.contains("Ana López"));
    let by_subject = b.get(&format!("{base}?subject=math&grade_band=6-8")).await;
    assert!(by_subject.contains("Ana López") && !by_subject.contains("Test facilitator"));
    let narrowed = b.get(&format!("{base}?org={}", s.school_a)).await;
    assert!(narrowed.contains("Ana López") && !narrowed.contains("Test dadmin"));
    b.get(&format!("{base}?q=nobody"))
        .await
        .expect("Nobody matches");

    // Another district's people are out of reach, however asked for.
    let outside = b.get(&format!("{base}?org={}", s.school_b)).await;
    assert_eq!(outside.status, 422);
    assert!(
        !b.get(&format!("{base}?q=moderator"))
            .await
            .contains("moderator@example.org")
    );
    let bad = b.get(&format!("{base}?role=wizard")).await;
    assert_eq!(bad.status, 422);
    bad.expect("Choose a role");

    let csv = b
        .get(&format!("/orgs/{}/people.csv?subject=math", s.district))
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "id,Name,Email address,Roles,Subjects you teach or support,Grade bands,Status"
    );
    assert_eq!(lines.len(), 2, "{}", csv.body);
    // A name that looks like a formula is defused for spreadsheets.
    assert!(lines[1].contains(",'=Ana López,"), "{}", lines[1]);
    assert!(lines[1].ends_with(",Active"));

    // Spanish headers for a Spanish reader.
    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    let es = b.get(&format!("/orgs/{}/people.csv", s.district)).await;
    assert!(es.body.starts_with("id,Nombre,Correo electrónico,Roles,"));
    assert_eq!(es.body.lines().count(), 4);
}

#[tokio::test]
async fn the_api_searches_like_the_page() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("admin"), PASSWORD).await;
    let page = b
        .post(
            "/account/tokens",
            &[
                ("name", "t"),
                ("scope", "read"),
                ("expires_in_days", "30"),
                ("password", PASSWORD),
            ],
        )
        .await;
    let token = page
        .body
        .split("<code class=\"token\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let get = |q: String| {
        let token = token.clone();
        let url = format!("{}/api/v1/orgs/{}/people?{q}", app.url, s.root);
        async move {
            let r = reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            (
                r.status().as_u16(),
                r.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    let (status, found) = get("q=test+lad".into()).await;
    assert_eq!(status, 200);
    assert_eq!(found["people"].as_array().unwrap().len(), 1);
    assert_eq!(found["people"][0]["email"], s.email("ladmin"));
    let (status, found) = get("role=researcher".into()).await;
    assert_eq!(status, 200);
    assert_eq!(found["people"][0]["email"], s.email("researcher"));
    let (status, err) = get("grade_band=13".into()).await;
    assert_eq!(status, 422);
    assert_eq!(err["error"]["fields"][0]["field"], "grade_band");
    let (status, _) = get("colour=blue".into()).await;
    assert_eq!(status, 400, "unknown parameters are refused");
}

/// Browsers ask for gzip: the streamed export must come through the
/// compression layer whole (it used to panic once the stream had ended).
#[tokio::test]
async fn the_export_streams_whole_under_gzip() {
    use std::io::Read;
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let plain = b.get(&format!("/orgs/{}/people.csv", s.district)).await;
    assert_eq!(plain.status, 200);
    let r = b
        .request(
            reqwest::Method::GET,
            &format!("/orgs/{}/people.csv", s.district),
        )
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-encoding"], "gzip");
    let bytes = r.bytes().await.expect("the whole body arrives");
    let mut csv = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut csv)
        .expect("a complete gzip stream");
    assert_eq!(csv, plain.body);
}
