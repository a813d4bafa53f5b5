//! The everyday frame of every page (issue 17, items 2, 5 and 10): the
//! header's places and unread count (read with the session, no extra round
//! trip), the account menu, the footer's help, privacy and accessibility
//! pages, the favicon and a signed-out home that promises only what exists.

use lyceum_testkit::{Browser, PASSWORD, TestApp};

/// The statements one visit to `path` ran, the fewest of a few visits.
async fn statements_for(app: &TestApp, b: &Browser, path: &str) -> u64 {
    b.get(path).await;
    let mut fewest = u64::MAX;
    for _ in 0..3 {
        let before = app.db.statements();
        b.get(path).await;
        fewest = fewest.min(app.db.statements() - before);
    }
    fewest
}

/// The header, as served: from `<header` to `</header>`.
fn header(body: &str) -> &str {
    let start = body.find("<header").expect("a header");
    let end = body[start..].find("</header>").expect("the header's end") + start;
    &body[start..end]
}

#[tokio::test]
async fn the_header_counts_unread_notifications_without_another_round_trip() {
    let app = TestApp::start_with(|c| c.worker.poll_ms = 3_600_000).await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;

    // Nothing unread: the link says so, with no number.
    let page = educator.get("/courses").await;
    let head = header(&page.body);
    // The everyday places in the header itself (wide screens), and again in
    // the menu (phones).
    let (wide, menu) = head.split_at(head.find("<details").expect("a menu"));
    for place in ["/courses", "/learning", "/spaces", "/transcript"] {
        let link = format!("href=\"{place}\"");
        assert!(wide.contains(&link), "{place} in {wide}");
        assert!(menu.contains(&link), "{place} in {menu}");
    }
    assert!(head.contains("href=\"/notifications\""), "{head}");
    assert!(head.contains("Notifications, none unread"), "{head}");
    // Organisations, profile, account and sign out wait in the account menu.
    let menu = &head[head.find("<details").expect("an account menu")..];
    for rare in [
        "href=\"/orgs\"",
        "href=\"/profile\"",
        "href=\"/account\"",
        "/sign-out",
    ] {
        assert!(menu.contains(rare), "{rare} in the menu: {menu}");
    }
    let quiet = statements_for(&app, &educator, "/courses").await;

    // Two replies to the educator's topic: two unread.
    let (_, topic) = crate::community::lab_reports_topic(
        &dadmin,
        s.district,
        &educator,
        "How do you mark them?",
    )
    .await;
    for body in ["With a rubric.", "And peer review."] {
        dadmin
            .post(&format!("{topic}/replies"), &[("body", body)])
            .await;
    }
    let page = educator.get("/courses").await;
    let head = header(&page.body);
    assert!(head.contains("Notifications, 2 unread"), "{head}");
    assert!(head.contains(">2<"), "the number is shown: {head}");
    // The author of the replies has nothing new: nobody is told of their own post.
    dadmin
        .get("/courses")
        .await
        .expect("Notifications, none unread");
    // The count costs no statement of its own.
    assert_eq!(
        statements_for(&app, &educator, "/courses").await,
        quiet,
        "the unread count is read with the session"
    );

    // The API says the same, for apps that show a badge.
    let token = super::api::token_for(&app, s.email("educator")).await;
    let (status, me) =
        super::api::call(&app, reqwest::Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["unread_notifications"], 2);

    // In Spanish too.
    educator
        .post("/language", &[("lang", "es"), ("return_to", "/courses")])
        .await
        .expect("Notificaciones, 2 sin leer")
        .expect("Mi aprendizaje");

    // Read: the number goes.
    educator.post("/notifications/read", &[]).await;
    educator
        .get("/courses")
        .await
        .expect("Notificaciones, ninguna sin leer");
}

#[tokio::test]
async fn the_header_of_someone_signed_out_offers_sign_in_and_no_count() {
    let app = TestApp::start().await;
    let page = app.browser().get("/courses").await;
    let head = header(&page.body);
    // In the header itself (wide screens), and again in the phone's menu.
    let (wide, menu) = head.split_at(head.find("<details").expect("a menu"));
    for place in ["href=\"/sign-in\"", "href=\"/register\""] {
        assert!(wide.contains(place), "{place} in {wide}");
        assert!(menu.contains(place), "{place} in {menu}");
    }
    assert!(!head.contains("/notifications"), "{head}");
    assert!(!head.contains("/transcript"), "{head}");
}

#[tokio::test]
async fn help_privacy_and_accessibility_pages_are_public_in_both_languages() {
    let app = TestApp::start().await;
    let b = app.browser();
    let home = b.get("/").await;
    let footer = &home.body[home.body.find("<footer").expect("a footer")..];
    for link in [
        "href=\"/help\"",
        "href=\"/privacy\"",
        "href=\"/accessibility\"",
    ] {
        assert!(footer.contains(link), "{link} in {footer}");
    }
    let help = b.get("/help").await;
    assert_eq!(help.status, 200);
    help.expect("<h1>Help</h1>")
        .expect("href=\"/notifications\"")
        .expect("href=\"/account/export\"");
    let privacy = b.get("/privacy").await;
    assert_eq!(privacy.status, 200);
    privacy
        .expect("<h1>Privacy notice</h1>")
        .expect("Who can see what")
        .expect("Download your data")
        .expect("Delete your account");
    let a11y = b.get("/accessibility").await;
    assert_eq!(a11y.status, 200);
    a11y.expect("<h1>Accessibility statement</h1>")
        .expect("WCAG 2.1")
        .expect("axe-core")
        .expect("Known limits");

    let es = Browser::new(&app.url);
    es.post("/language", &[("lang", "es"), ("return_to", "/help")])
        .await
        .expect("<h1>Ayuda</h1>");
    es.get("/privacy")
        .await
        .expect("<h1>Aviso de privacidad</h1>")
        .expect("Quién puede ver qué");
    es.get("/accessibility")
        .await
        .expect("<h1>Declaración de accesibilidad</h1>")
        .expect("WCAG 2.1");
}

#[tokio::test]
async fn the_favicon_is_an_asset_cached_like_the_others() {
    let app = TestApp::start().await;
    let b = app.browser();
    let home = b.get("/").await;
    let href = home
        .body
        .split("<link rel=\"icon\" href=\"")
        .nth(1)
        .expect("a favicon link")
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert!(href.starts_with("/static/favicon."), "{href}");
    let icon = b.get(&href).await;
    assert_eq!(icon.status, 200);
    assert_eq!(icon.headers["content-type"], "image/svg+xml");
    assert_eq!(
        icon.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(icon.body.starts_with("<svg"), "{}", icon.body);
}

#[tokio::test]
async fn the_signed_out_home_promises_only_what_exists() {
    let app = TestApp::start().await;
    for lang in ["en", "es"] {
        let b = app.browser();
        let home = b
            .post("/language", &[("lang", lang), ("return_to", "/")])
            .await;
        let main = &home.body[home.body.find("<main").unwrap()..];
        for unbuilt in ["AI tools", "herramientas de IA", "workshops", "talleres"] {
            assert!(!main.contains(unbuilt), "{lang} home mentions {unbuilt}");
        }
    }
}
