//! Both languages, everywhere: pages, errors, emails; and no message missing.

use lyceum_testkit::{PASSWORD, Page, TestApp};

fn lang_of(page: &Page) -> &str {
    page.body
        .split("<html lang=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
}

#[tokio::test]
async fn the_language_switch_and_its_memory() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    let home = b.get("/").await;
    assert_eq!(lang_of(&home), "en");
    let es = b
        .post("/language", &[("lang", "es"), ("return_to", "/sign-in")])
        .await;
    assert_eq!(es.path, "/sign-in");
    assert_eq!(lang_of(&es), "es");
    es.expect("Iniciar sesión").expect("Correo electrónico");

    // Errors come in the reader's language.
    let err = b
        .post("/sign-in", &[("email", "x"), ("password", "")])
        .await;
    err.expect("Hay un problema")
        .expect("Escriba un correo electrónico como");

    // Chosen before signing in, the language is kept and saved to the
    // profile, so it follows the person to other devices (and emails).
    b.post(
        "/sign-in",
        &[("email", s.email("author")), ("password", PASSWORD)],
    )
    .await
    .expect("Cerrar sesión");
    let fresh = app.browser();
    fresh
        .post(
            "/sign-in",
            &[("email", s.email("author")), ("password", PASSWORD)],
        )
        .await
        .expect("Cerrar sesión");
    assert_eq!(lang_of(&fresh.get("/profile").await), "es");

    // An open redirect through the switch is not possible.
    let off = b
        .post(
            "/language",
            &[("lang", "en"), ("return_to", "https://evil.example/")],
        )
        .await;
    assert_eq!(off.path, "/");
}

#[tokio::test]
async fn accept_language_is_honoured_and_emails_follow_the_preference() {
    let app = TestApp::start().await;
    app.seed().await;
    let r = reqwest::Client::new()
        .get(format!("{}/register", app.url))
        .header("accept-language", "es-MX,es;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let body = r.text().await.unwrap();
    assert!(body.contains("<html lang=\"es\">") && body.contains("Crear una cuenta"));

    let b = app.browser();
    b.post(
        "/register",
        &[
            ("display_name", "Lucía Gómez"),
            ("email", "lucia@district.example.org"),
            ("password", "una contraseña larga"),
            ("preferred_language", "es"),
        ],
    )
    .await;
    let mail = app.mail_to("lucia@district.example.org").await;
    assert_eq!(mail.subject, "Confirme su correo electrónico para Lyceum");
    assert!(mail.text.contains("Hola, Lucía Gómez:"));
    assert!(mail.html.contains("lang=\"es\""));
}

/// Every page a programme admin can open, in both languages: each renders,
/// has one h1, and no message key is missing from either catalogue.
#[tokio::test]
async fn every_page_in_both_languages_is_complete() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("admin"), PASSWORD).await;
    let pages = [
        "/".to_string(),
        "/profile".into(),
        "/account".into(),
        "/account/email".into(),
        "/account/password".into(),
        "/account/tokens".into(),
        "/calendar".into(),
        "/account/delete".into(),
        "/join".into(),
        "/review".into(),
        "/literacy".into(),
        "/authoring".into(),
        "/spaces".into(),
        "/spaces/search?q=lab".into(),
        "/notifications".into(),
        "/moderation".into(),
        "/admin/programme".into(),
        format!("/orgs/{}/admin/spaces", s.district),
        "/transcript".into(),
        format!("/orgs/{}", s.root),
        format!("/orgs/{}", s.school_a),
        format!("/orgs/{}/people", s.district),
        format!("/orgs/{}/admin", s.school_a),
        format!("/orgs/{}/admin/new", s.district),
        format!("/orgs/{}/admin/new", s.school_a),
        format!("/orgs/{}/admin/joining", s.local),
        format!("/orgs/{}/admin/invitations", s.local),
        format!("/orgs/{}/admin/roles", s.district),
        format!("/orgs/{}/admin/sso", s.district),
        "/no/such/page".into(),
    ];
    let anonymous = app.browser();
    let public = [
        "/",
        "/sign-in",
        "/register",
        "/forgot-password",
        "/resend-verification",
        "/sign-in/sso",
        "/competencies",
        "/competencies/unesco-ai-cft-2024",
        "/courses",
    ];
    for lang in ["en", "es"] {
        b.post("/language", &[("lang", lang), ("return_to", "/")])
            .await;
        anonymous
            .post("/language", &[("lang", lang), ("return_to", "/")])
            .await;
        for path in &pages {
            let page = b.get(path).await;
            assert!(
                page.status == 200 || path.contains("no/such"),
                "{path}: {}",
                page.status
            );
            assert_eq!(lang_of(&page), lang, "{path}");
            assert_eq!(
                page.body.matches("<h1").count(),
                1,
                "{path} must have one h1"
            );
        }
        for path in public {
            let page = anonymous.get(path).await;
            assert_eq!(lang_of(&page), lang);
            assert_eq!(
                page.body.matches("<h1").count(),
                1,
                "{path} must have one h1"
            );
        }
    }
    let missing = lyceum_domain::i18n::catalogue().missing();
    assert!(
        missing.is_empty(),
        "messages missing from the catalogue: {missing:?}"
    );
}
