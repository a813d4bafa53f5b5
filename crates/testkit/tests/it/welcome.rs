//! The first sign-in after registering asks, once and skippably, for one's
//! school (among the schools inside the organisation one joined, as an
//! educator only) and what one teaches; suggestions then follow it.

use lyceum_testkit::{Browser, PASSWORD, TestApp};

const NEW: &str = "a long enough new password";

/// Registers `email` (a district address) in `lang`, confirms it, signs in.
async fn newcomer(app: &TestApp, email: &str, lang: &str) -> (Browser, lyceum_testkit::Page) {
    let b = app.browser();
    b.post(
        "/register",
        &[
            ("display_name", "Rosa Parks"),
            ("email", email),
            ("password", NEW),
            ("preferred_language", lang),
        ],
    )
    .await;
    let mail = app.mail_to(email).await;
    b.get(&mail.link_path("/verify-email")).await;
    // Not `Browser::sign_in`: that looks for "Sign out" in English.
    let first = b
        .post("/sign-in", &[("email", email), ("password", NEW)])
        .await;
    (b, first)
}

#[tokio::test]
async fn the_first_sign_in_asks_for_school_and_subjects_once() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let (b, first) = newcomer(&app, "rosa@district.example.org", "en").await;
    assert!(
        first.path.starts_with("/welcome?next=%2F"),
        "{}",
        first.path
    );
    first
        .expect("<h1>Welcome to Lyceum</h1>")
        // The district's school; not the local's, nor anything above.
        .expect(&format!(
            "<option value=\"{}\">Lincoln Elementary</option>",
            s.school_a.0
        ))
        .expect("Skip for now");
    assert!(!first.contains("Riverside Middle"));

    // A school outside her organisation is refused by field; nothing saved.
    let refused = b
        .post(
            "/welcome",
            &[
                ("school", &s.school_b.0.to_string()),
                ("subjects", "science"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .expect("Choose your school from the list.")
        .expect("href=\"#f-school\"");
    let bad_subject = b
        .post("/welcome", &[("subjects", "alchemy"), ("action", "save")])
        .await;
    assert_eq!(bad_subject.status, 422);
    bad_subject.expect("“alchemy” is not one of the subjects.");

    let done = b
        .post(
            "/welcome",
            &[
                ("school", &s.school_a.0.to_string()),
                ("subjects", "science"),
                ("subjects", "math"),
                ("grade_bands", "6-8"),
                ("next", "/"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(done.path, "/");
    done.expect("Lincoln Elementary");
    let profile = b.get("/profile").await;
    profile
        .expect("value=\"science\" id=\"f-subjects-science\" checked")
        .expect("value=\"6-8\" id=\"f-grade_bands-6-8\" checked");
    // Joined as an educator, and it is in the audit log.
    let user = app
        .db
        .read(|c| {
            lyceum_db::users::by_email(
                c,
                &lyceum_domain::email::EmailAddress::parse("rosa@district.example.org").unwrap(),
            )
        })
        .await
        .unwrap()
        .unwrap()
        .id();
    let roles = app
        .db
        .read(move |c| lyceum_db::memberships::of_user(c, user))
        .await
        .unwrap();
    assert!(
        roles
            .iter()
            .any(|m| m.org_id == s.school_a.0 && m.role == lyceum_domain::role::Role::Educator),
        "{roles:?}"
    );
    let audit = app
        .db
        .read(move |c| lyceum_db::audit::by_actor(c, user))
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|(_, a, _)| a == "membership.joined_at_welcome"),
        "{audit:?}"
    );

    // Asked once: the next sign-in goes home, and the page sends one on.
    b.post("/sign-out", &[]).await;
    assert_eq!(b.sign_in("rosa@district.example.org", NEW).await.path, "/");
    assert_eq!(b.get("/welcome?next=%2Fcourses").await.path, "/courses");
    // Someone who never registered is never asked.
    let educator = app.browser();
    assert_eq!(
        educator.sign_in(s.email("educator"), PASSWORD).await.path,
        "/"
    );
}

#[tokio::test]
async fn the_first_step_can_be_skipped_in_spanish() {
    let app = TestApp::start().await;
    app.seed().await;
    let (b, first) = newcomer(&app, "ana@district.example.org", "es").await;
    first
        .expect("Le damos la bienvenida a Lyceum")
        .expect("Saltar por ahora");
    let skipped = b
        .post("/welcome", &[("next", "/courses"), ("action", "skip")])
        .await;
    assert_eq!(skipped.path, "/courses");
    b.post("/sign-out", &[]).await;
    let again = b
        .post(
            "/sign-in",
            &[("email", "ana@district.example.org"), ("password", NEW)],
        )
        .await;
    assert_eq!(again.path, "/");
}

#[tokio::test]
async fn belonging_to_a_whole_state_offers_none_of_its_schools() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let email = "omar@district.example.org";
    let (b, first) = newcomer(&app, email, "en").await;
    first.expect("Lincoln Elementary");
    // Omar is also a member of the whole state (a state's join code, say):
    // that puts none of the state's other schools within his reach.
    let state = s.state;
    app.db
        .write(move |c| {
            let address = lyceum_domain::email::EmailAddress::parse(email).unwrap();
            let omar = lyceum_db::users::by_email(c, &address)?.unwrap();
            let org = lyceum_db::orgs::get(c, state)?;
            let now = lyceum_domain::Timestamp::from_micros(omar.created_at);
            lyceum_db::memberships::add(
                c,
                omar.id(),
                &org,
                lyceum_domain::role::Role::Educator,
                now,
            )
        })
        .await
        .unwrap();
    let again = b.get("/welcome").await;
    again.expect("Lincoln Elementary");
    assert!(!again.contains("Riverside Middle"), "{}", again.body);
}
