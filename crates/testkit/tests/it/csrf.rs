//! Unsafe requests from other sites are refused, even with a valid session.

use lyceum_testkit::{PASSWORD, TestApp};

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let path = format!("/orgs/{}/admin", s.district);
    let form = [("name", "Renamed by an attacker")];

    for headers in [
        &[("sec-fetch-site", "cross-site")][..],
        &[("sec-fetch-site", "same-site")][..],
        &[("origin", "https://evil.example")][..],
        &[("origin", "null")][..],
    ] {
        let page = b.post_with(&path, &form, headers).await;
        assert_eq!(page.status, 403, "{headers:?}");
        page.expect("You do not have access to this page");
    }
    let page = b.get(&path).await;
    assert!(!page.contains("Renamed by an attacker"));

    // The same request from our own pages goes through.
    let ok = b
        .post_with(&path, &form, &[("sec-fetch-site", "same-origin")])
        .await;
    ok.expect("The details were saved")
        .expect("Renamed by an attacker");
}
