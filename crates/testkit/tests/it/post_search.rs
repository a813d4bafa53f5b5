//! Searching posts for several words at once, as people type them.

use lyceum_testkit::{PASSWORD, TestApp};

/// Several words find the posts having them all, on both backends; a
/// script typed as the search words is shown as text.
#[tokio::test]
async fn several_words_find_the_posts_that_have_them_all() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let space = dadmin
        .post(
            &format!("/orgs/{}/admin/spaces", s.district.0),
            &[
                ("title", "Lounge"),
                ("description", "All of us."),
                ("visibility", "open"),
            ],
        )
        .await
        .path;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    for (title, body) in [
        ("Lab notebooks", "Lab notebooks are great for science."),
        ("Lab safety", "Goggles, always."),
        (
            "Alert people",
            "Alert people: `<script>alert(1)</script>` was pasted here.",
        ),
    ] {
        educator
            .post(
                &format!("{space}/topics"),
                &[("title", title), ("kind", "discussion"), ("body", body)],
            )
            .await
            .expect("Topic started.");
    }
    let both = educator.get("/spaces/search?q=lab+notebooks").await;
    assert_eq!(both.status, 200);
    both.expect("Lab notebooks");
    assert!(!both.contains("Goggles"));
    let one = educator.get("/spaces/search?q=lab").await;
    one.expect("Lab notebooks").expect("Lab safety");

    let typed = educator
        .get("/spaces/search?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E")
        .await;
    assert_eq!(typed.status, 200);
    assert!(crate::xss::executable(&typed.body).is_empty());
    assert!(!typed.contains("<script>alert(1)</script>"));
}
