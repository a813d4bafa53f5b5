//! Registering, confirming, signing in and out, recovering, changing and
//! deleting an account, as a person does it.

use lyceum_testkit::{Browser, PASSWORD, TestApp};

const NEW_PASSWORD: &str = "plums in the icebox";

#[tokio::test]
async fn register_verify_sign_in_and_out() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    let page = b
        .post(
            "/register",
            &[
                ("display_name", "Rosa Parks"),
                ("email", "Rosa@District.example.org"),
                ("password", NEW_PASSWORD),
                ("preferred_language", "en"),
            ],
        )
        .await;
    assert_eq!(page.path, "/sign-in");
    page.expect("we sent you an email");

    // Not confirmed yet: signing in is refused with a way forward.
    let refused = b
        .post(
            "/sign-in",
            &[
                ("email", "rosa@district.example.org"),
                ("password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused
        .expect("Confirm your email address")
        .expect("/resend-verification");

    let mail = app.mail_to("rosa@district.example.org").await;
    assert_eq!(mail.subject, "Confirm your email address for Lyceum");
    assert!(mail.html.contains("Confirm my email address"));
    let confirmed = b.get(&mail.link_path("/verify-email")).await;
    assert_eq!(confirmed.path, "/sign-in");
    confirmed.expect("Your email address is confirmed");
    // A link works once.
    let again = b.get(&mail.link_path("/verify-email")).await;
    assert_eq!(again.status, 400);
    again.expect("already been used");

    // The first sign-in asks for school and subjects (tests/it/welcome.rs); skipped.
    let first = b.sign_in("rosa@district.example.org", NEW_PASSWORD).await;
    assert!(first.path.starts_with("/welcome"), "{}", first.path);
    let home = b
        .post("/welcome", &[("next", "/"), ("action", "skip")])
        .await;
    home.expect("Welcome, Rosa Parks")
        .expect("Columbus City Schools");
    // The email domain put her in the district, as an educator.
    let people = app.browser();
    people.sign_in(s.email("dadmin"), PASSWORD).await;
    people
        .get(&format!("/orgs/{}/people", s.district))
        .await
        .expect("rosa@district.example.org");

    let out = b.post("/sign-out", &[]).await;
    assert_eq!(out.path, "/");
    out.expect("You are signed out");
    let profile = b.get("/profile").await;
    assert!(
        profile.path.starts_with("/sign-in?next=%2Fprofile"),
        "{}",
        profile.path
    );
}

#[tokio::test]
async fn registration_errors_are_specific_and_keep_input() {
    let app = TestApp::start().await;
    app.seed().await;
    let b = app.browser();
    // (form, field in error, message)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            &[("display_name", ""), ("email", ""), ("password", "")],
            "display_name",
            "Enter your name.",
        ),
        (
            &[
                ("display_name", "A"),
                ("email", "not-an-email"),
                ("password", NEW_PASSWORD),
            ],
            "email",
            "Enter an email address like",
        ),
        (
            &[
                ("display_name", "A"),
                ("email", "a@district.example.org"),
                ("password", "short"),
            ],
            "password",
            "Your password needs at least 10 characters",
        ),
        (
            &[
                ("display_name", "A"),
                ("email", "a@district.example.org"),
                ("password", "password123"),
            ],
            "password",
            "too easy to guess",
        ),
        (
            &[
                ("display_name", "A"),
                ("email", "a@gmail.example"),
                ("password", NEW_PASSWORD),
            ],
            "email",
            "does not belong to any organisation",
        ),
        (
            &[
                ("display_name", "A"),
                ("email", "a@gmail.example"),
                ("password", NEW_PASSWORD),
                ("join_code", "ZZZZ-ZZZZ"),
            ],
            "join_code",
            "do not recognise that join code",
        ),
    ];
    for (form, field, message) in cases {
        let page = b.post("/register", form).await;
        assert_eq!(page.status, 422, "{form:?}");
        page.expect("There is a problem")
            .expect(message)
            .expect(&format!("href=\"#f-{field}\""));
        page.expect(&format!("id=\"f-{field}-error\""));
        assert!(
            page.contains("<title>Error:"),
            "the title says there is an error"
        );
        if let Some((_, email)) = form.iter().find(|(k, _)| *k == "email") {
            assert!(
                page.contains(&format!("value=\"{email}\"")),
                "the email is kept"
            );
        }
        assert!(!page.contains(NEW_PASSWORD), "the password is never echoed");
    }
    // Nothing was created by any of these.
    assert!(
        !app.browser()
            .post(
                "/sign-in",
                &[
                    ("email", "a@district.example.org"),
                    ("password", NEW_PASSWORD)
                ]
            )
            .await
            .contains("Sign out")
    );
}

#[tokio::test]
async fn join_code_registration_lands_in_its_organisation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("ladmin"), PASSWORD).await;
    let page = admin
        .post(
            &format!("/orgs/{}/admin/join-codes", s.local),
            &[("role", "educator"), ("max_uses", "1")],
        )
        .await;
    page.expect("The join code was created");
    let code = page
        .body
        .split("<code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap()
        .to_string();

    let b = app.browser();
    let typed = code.to_lowercase().replace('-', " ");
    b.post(
        "/register",
        &[
            ("display_name", "Joe Hill"),
            ("email", "joe@anywhere.example"),
            ("password", NEW_PASSWORD),
            ("join_code", &typed),
        ],
    )
    .await
    .expect("we sent you an email");
    let mail = app.mail_to("joe@anywhere.example").await;
    b.get(&mail.link_path("/verify-email")).await;
    // The first step offers the schools of the local; skipped, home.
    b.sign_in("joe@anywhere.example", NEW_PASSWORD)
        .await
        .expect("Riverside Middle");
    b.post("/welcome", &[("next", "/"), ("action", "skip")])
        .await
        .expect("Ohio Teachers Local 1");

    // The code allowed one use.
    let full = app
        .browser()
        .post(
            "/register",
            &[
                ("display_name", "Ann"),
                ("email", "ann@anywhere.example"),
                ("password", NEW_PASSWORD),
                ("join_code", &code),
            ],
        )
        .await;
    assert_eq!(full.status, 422);
    full.expect("used as many times as it allows");
}

/// Registering with an address that has an account looks exactly like
/// registering with a new one: the page never tells a stranger who is on
/// Lyceum. The owner hears of it by email, at most once an hour.
#[tokio::test]
async fn registering_an_address_with_an_account_reveals_nothing() {
    let app = TestApp::start().await;
    app.seed().await;
    let register = |email: &'static str| {
        let b = app.browser();
        async move {
            b.post(
                "/register",
                &[
                    ("display_name", "Ann Lee"),
                    ("email", email),
                    ("password", NEW_PASSWORD),
                ],
            )
            .await
        }
    };
    let first = register("ann@district.example.org").await;
    app.mail_to("ann@district.example.org").await; // the verification email
    let again = register("ann@district.example.org").await;
    let fresh = register("bo@district.example.org").await;
    for page in [&again, &fresh] {
        assert_eq!(
            (page.status, &page.path, &page.body),
            (first.status, &first.path, &first.body)
        );
    }
    assert!(first.path.starts_with("/sign-in"));
    let notice = app.mail_to("ann@district.example.org").await;
    assert_eq!(
        notice.subject,
        "Someone tried to register with your email address"
    );
    assert!(notice.text.contains("no new account was made"));
    // Only one account, and at most one such email an hour.
    register("ann@district.example.org").await;
    let accounts = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::users;
            Ok(users::table
                .filter(users::email.eq("ann@district.example.org"))
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(accounts, 1);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let files = std::fs::read_dir(app.outbox_path()).unwrap().count();
    assert_eq!(files, 3, "verification for ann and bo, one notice");
}

/// Join codes cannot be guessed at speed: after a few wrong ones, each try
/// waits longer, for the person and for their network alike.
#[tokio::test]
async fn guessing_join_codes_slows_down() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    for _ in 0..10 {
        b.post("/join", &[("join_code", "ZZZZ-ZZZZ")])
            .await
            .expect("do not recognise that join code");
    }
    let slowed = b.post("/join", &[("join_code", "ZZZZ-ZZZZ")]).await;
    assert_eq!(slowed.status, 422);
    slowed.expect("Too many codes tried. Wait 1 second and try again.");
    // The same network registering with a code waits too.
    let stranger = app
        .browser()
        .post(
            "/register",
            &[
                ("display_name", "Guesser"),
                ("email", "g@anywhere.example"),
                ("password", NEW_PASSWORD),
                ("join_code", "ZZZZ-ZZZZ"),
            ],
        )
        .await;
    stranger.expect("Too many codes tried");
    // Waiting it out, the next try is looked at again.
    app.clock.advance(std::time::Duration::from_secs(2));
    b.post("/join", &[("join_code", "ZZZZ-ZZZZ")])
        .await
        .expect("do not recognise that join code");
}

/// A stranger's wrong passwords slow sign-in to the account down, for
/// everyone and on every server, but never lock its owner out for long.
#[tokio::test]
async fn wrong_passwords_slow_an_account_down_but_never_lock_it() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let email = s.email("educator");
    let wrong = [("email", email), ("password", "wrong password!")];
    // Started first: the clock is real time plus what the test adds, and a
    // second server can take longer than the first wait to start.
    let other = app.another_server().await;
    for _ in 0..5 {
        let p = app.browser().post("/sign-in", &wrong).await;
        assert_eq!(p.status, 422);
        p.expect("The email address or password is not right");
    }
    // Even the right password waits now, from any browser, on any server.
    let right = Browser::new(&other.url)
        .post("/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(right.status, 422);
    right.expect("Too many attempts to sign in. Wait 1 second and try again");
    // Each further wrong password doubles the wait …
    for wait in [1, 2, 4, 8] {
        app.clock.advance(std::time::Duration::from_secs(wait));
        app.browser().post("/sign-in", &wrong).await;
    }
    app.browser()
        .post("/sign-in", &wrong)
        .await
        .expect("Wait 16 seconds");
    // … and the owner waits seconds, not a quarter of an hour.
    app.clock.advance(std::time::Duration::from_secs(16));
    Browser::new(&other.url).sign_in(email, PASSWORD).await;
    // Getting in wipes the slate.
    for _ in 0..4 {
        app.browser().post("/sign-in", &wrong).await;
    }
    app.browser().sign_in(email, PASSWORD).await;
    other.stop().await;
}

/// Counters of attempts are forgotten by the worker's sweep once their
/// window has passed: the table does not grow with every address ever seen.
#[tokio::test]
async fn the_sweep_forgets_stale_attempt_counters() {
    let app = TestApp::start().await;
    for i in 0..3 {
        let email = format!("nobody{i}@example.org");
        app.browser()
            .post("/sign-in", &[("email", &email), ("password", "wrong!")])
            .await;
    }
    let count = || async {
        app.db
            .read(|c| {
                use diesel::prelude::*;
                Ok(lyceum_db::schema::throttle::table
                    .count()
                    .get_result::<i64>(c)?)
            })
            .await
            .unwrap()
    };
    assert_eq!(count().await, 4, "three accounts and one network");
    let worker = lyceum_jobs::worker::Worker {
        db: app.db.clone(),
        clock: app.clock.clone(),
        mailer: std::sync::Arc::new(
            lyceum_jobs::mailer::Mailer::new(&lyceum_jobs::mailer::MailerConfig {
                from: "Lyceum <no-reply@example.org>".into(),
                smtp_url: None,
                outbox: app.outbox_path().to_path_buf(),
            })
            .unwrap(),
        ),
        config: Default::default(),
        waker: Default::default(),
    };
    worker.sweep().await.unwrap();
    assert_eq!(count().await, 4, "still in their window");
    app.clock.advance(std::time::Duration::from_secs(25 * 3600));
    worker.sweep().await.unwrap();
    assert_eq!(count().await, 0);
}

/// Wrong passwords from one network, over many accounts, slow that network
/// down; an IPv6 network counts as one whatever address of its /64 it uses.
#[tokio::test]
async fn one_network_guessing_many_accounts_slows_down() {
    let app = TestApp::start_with(|c| c.server.trusted_proxies = vec!["127.0.0.1".into()]).await;
    let s = app.seed().await;
    let from = |i: usize| format!("2001:db8:7:7::{i:x}");
    for i in 0..50 {
        let email = format!("nobody{i}@example.org");
        let p = app
            .browser()
            .post_with(
                "/sign-in",
                &[("email", &email), ("password", "wrong password!")],
                &[("origin", &app.url), ("x-forwarded-for", &from(i))],
            )
            .await;
        p.expect("The email address or password is not right");
    }
    let right = app
        .browser()
        .post_with(
            "/sign-in",
            &[("email", s.email("educator")), ("password", PASSWORD)],
            &[("origin", &app.url), ("x-forwarded-for", &from(99))],
        )
        .await;
    right.expect("Wait 1 second");
    // Another network is not slowed.
    let elsewhere = app
        .browser()
        .post_with(
            "/sign-in",
            &[("email", s.email("educator")), ("password", PASSWORD)],
            &[("origin", &app.url), ("x-forwarded-for", "2001:db8:7:8::1")],
        )
        .await;
    elsewhere.expect("Sign out");
}

#[tokio::test]
async fn forgotten_password_is_reset_by_emailed_link() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let email = s.email("educator");
    let old_session = app.browser();
    old_session.sign_in(email, PASSWORD).await;

    let b = app.browser();
    b.post("/forgot-password", &[("email", email)])
        .await
        .expect("we sent it a link");
    // An unknown address gets the same answer (no account enumeration) and no mail.
    b.post("/forgot-password", &[("email", "nobody@example.org")])
        .await
        .expect("we sent it a link");

    let mail = app.mail_to(email).await;
    assert_eq!(mail.subject, "Reset your Lyceum password");
    let form = b.get(&mail.link_path("/reset-password")).await;
    let token = form.input_value("token").unwrap();
    let weak = b
        .post(
            "/reset-password",
            &[
                ("token", &token),
                ("password", "abc"),
                ("password_confirm", "abc"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422);
    let differ = b
        .post(
            "/reset-password",
            &[
                ("token", &token),
                ("password", NEW_PASSWORD),
                ("password_confirm", "plums in the fridge"),
            ],
        )
        .await;
    differ.expect("The two passwords are not the same");
    let done = b
        .post(
            "/reset-password",
            &[
                ("token", &token),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.path, "/sign-in");
    done.expect("Your password was changed");
    // Used once; old sessions are gone; the new password works, the old does not.
    assert_eq!(b.get(&mail.link_path("/reset-password")).await.status, 400);
    assert!(
        old_session
            .get("/profile")
            .await
            .path
            .starts_with("/sign-in")
    );
    assert_eq!(
        app.browser()
            .post("/sign-in", &[("email", email), ("password", PASSWORD)])
            .await
            .status,
        422
    );
    app.browser().sign_in(email, NEW_PASSWORD).await;
    assert!(mails_to(&app, "nobody@example.org") == 0);
}

fn mails_to(app: &TestApp, to: &str) -> usize {
    std::fs::read_dir(app.outbox_path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .unwrap_or_default()
                .contains(to)
        })
        .count()
}

#[tokio::test]
async fn reset_links_expire() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.post("/forgot-password", &[("email", s.email("author"))])
        .await;
    let mail = app.mail_to(s.email("author")).await;
    app.clock.advance(std::time::Duration::from_secs(3 * 3600));
    let page = b.get(&mail.link_path("/reset-password")).await;
    assert_eq!(page.status, 400);
    page.expect("This link has expired")
        .expect("href=\"/forgot-password\"");
}

#[tokio::test]
async fn change_email_and_password() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("author"), PASSWORD).await;
    let other_device = app.browser();
    other_device.sign_in(s.email("author"), PASSWORD).await;

    let wrong = b
        .post(
            "/account/email",
            &[("email", "new@example.org"), ("password", "nope nope nope")],
        )
        .await;
    wrong.expect("That is not your current password");
    let taken = b
        .post(
            "/account/email",
            &[("email", s.email("educator")), ("password", PASSWORD)],
        )
        .await;
    taken.expect("already exists");
    b.post(
        "/account/email",
        &[("email", "New.Author@example.org"), ("password", PASSWORD)],
    )
    .await
    .expect("We sent a link to your new address");
    let mail = app.mail_to("new.author@example.org").await;
    b.get(&mail.link_path("/confirm-email"))
        .await
        .expect("Your email address was changed")
        .expect("new.author@example.org");
    let notice = app.mail_to(s.email("author")).await;
    assert_eq!(notice.subject, "Your Lyceum email address was changed");

    let bad = b
        .post(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    b.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("password", NEW_PASSWORD),
            ("password_confirm", NEW_PASSWORD),
        ],
    )
    .await
    .expect("Your password was changed");
    // This session stays; the other device is signed out.
    b.get("/account").await.expect("new.author@example.org");
    assert!(
        other_device
            .get("/account")
            .await
            .path
            .starts_with("/sign-in")
    );
    app.browser()
        .sign_in("new.author@example.org", NEW_PASSWORD)
        .await;
}

#[tokio::test]
async fn export_and_delete_my_account() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(
        "/profile",
        &[
            ("display_name", "Ana Rivera"),
            ("preferred_language", "en"),
            ("subjects", "science"),
            ("subjects", "math"),
            ("grade_bands", "3-5"),
        ],
    )
    .await
    .expect("Your profile was saved");

    let export = b
        .request(reqwest::Method::GET, "/account/export")
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let files = crate::personal_data::unzip(&export.bytes().await.unwrap());
    let data: serde_json::Value = serde_json::from_slice(&files["account.json"]).unwrap();
    assert_eq!(data["account"]["email"], s.email("educator"));
    assert_eq!(
        data["profile"]["subjects"],
        serde_json::json!(["math", "science"])
    );
    assert_eq!(data["memberships"][0]["org_name"], "Lincoln Elementary");

    b.get("/account/delete")
        .await
        .expect("What we keep, without your name");
    let unconfirmed = b.post("/account/delete", &[("confirm", "delete")]).await;
    assert_eq!(unconfirmed.status, 422);
    unconfirmed.expect("Type DELETE to confirm");
    let done = b.post("/account/delete", &[("confirm", "DELETE")]).await;
    assert_eq!(done.path, "/");
    done.expect("Your account was deleted");
    // Signed out, the address is free, nothing identifying is left.
    assert!(b.get("/account").await.path.starts_with("/sign-in"));
    assert_eq!(
        app.browser()
            .post(
                "/sign-in",
                &[("email", s.email("educator")), ("password", PASSWORD)]
            )
            .await
            .status,
        422
    );
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let people = admin.get(&format!("/orgs/{}/people", s.district)).await;
    assert!(!people.contains("Ana Rivera") && !people.contains(s.email("educator")));
    let user = s.user("educator");
    let row = app
        .db
        .read(move |c| lyceum_db::users::by_id(c, user))
        .await
        .unwrap()
        .unwrap();
    assert!(
        row.email.is_none()
            && row.password_hash.is_none()
            && row.display_name.is_empty()
            && row.deleted_at.is_some()
    );
}

/// A name with a right-to-left override (or any invisible formatting
/// character) would show as someone else's: refused when registering, on
/// the profile page and over the API, and nothing is saved.
#[tokio::test]
async fn names_with_invisible_formatting_characters_are_refused() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let b = app.browser();
    for name in [
        "\u{202E}nimdA margorP",
        "Ana\u{200B}",
        "Ana\u{2066}x\u{2069}",
    ] {
        let page = b
            .post(
                "/register",
                &[
                    ("display_name", name),
                    ("email", "bidi@district.example.org"),
                    ("password", NEW_PASSWORD),
                    ("preferred_language", "en"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{name:?}");
        page.expect("Your name cannot contain invisible formatting characters.")
            .expect("href=\"#f-display_name\"");
    }
    let email = lyceum_domain::email::EmailAddress::parse("bidi@district.example.org").unwrap();
    let nobody = app
        .db
        .read(move |c| lyceum_db::users::by_email(c, &email))
        .await
        .unwrap();
    assert!(nobody.is_none(), "no account was made");

    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let refused = educator
        .post(
            "/profile",
            &[
                ("display_name", "Test \u{202E}rotacude"),
                ("preferred_language", "en"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.expect("Your name cannot contain invisible formatting characters.");
    let token = crate::api::token_for(&app, s.email("educator")).await;
    let resp = reqwest::Client::new()
        .put(format!("{}/api/v1/me/profile", app.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({
            "display_name": "Test\u{2067}educator",
            "preferred_language": "en"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
    let e: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["fields"][0]["field"], "display_name");
    assert_eq!(e["error"]["fields"][0]["code"], "invisible-characters");
    let user = s.user("educator");
    let row = app
        .db
        .read(move |c| lyceum_db::users::by_id(c, user))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.display_name, "Test educator");
}
