//! Join codes: what they may carry, how long and how often they work, that
//! only their hash is kept, and that their use limit holds when many people
//! join at once, on several app servers.

use lyceum_db::{join_codes, memberships, sessions, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_domain::token::{hash_token, new_token};
use lyceum_testkit::{PASSWORD, Page, Seed, TestApp};
use std::time::Duration;

/// The code on the page shown when it was made (the first `<code>`).
fn shown_code(page: &Page) -> String {
    page.body
        .split("<code")
        .nth(1)
        .and_then(|s| s.split('>').nth(1))
        .and_then(|s| s.split("</code").next())
        .unwrap_or_else(|| panic!("no code on the page:\n{}", page.body))
        .to_string()
}

async fn make_code(app: &TestApp, s: &Seed, form: &[(&str, &str)]) -> String {
    let admin = app.browser();
    admin.sign_in(s.email("ladmin"), PASSWORD).await;
    let page = admin
        .post(&format!("/orgs/{}/admin/join-codes", s.local), form)
        .await;
    page.expect("The join code was created");
    shown_code(&page)
}

#[tokio::test]
async fn join_codes_carry_no_admin_or_author_rights() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let url = format!("/orgs/{}/admin/join-codes", s.district);
    for role in ["org_admin", "author", "moderator"] {
        let r = admin.post(&url, &[("role", role)]).await;
        assert_eq!(r.status, 422, "{role}");
        r.expect("You cannot give that role here.");
    }
    let page = admin
        .get(&format!("/orgs/{}/admin/joining", s.district))
        .await;
    page.expect("No join codes yet.");
    // The form offers only what a code may carry.
    assert!(!page.contains("value=\"org_admin\""));
    assert!(!page.contains("value=\"author\""));
    for role in ["educator", "facilitator"] {
        admin
            .post(&url, &[("role", role)])
            .await
            .expect("The join code was created");
    }

    // Invitations never carry admin rights either; an explicit grant still does.
    let r = admin
        .post(
            &format!("/orgs/{}/admin/invitations", s.district),
            &[("email", "new.admin@example.org"), ("role", "org_admin")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("You cannot give that role here.");
    admin
        .post(
            &format!("/orgs/{}/admin/invitations", s.district),
            &[("email", "new.author@example.org"), ("role", "author")],
        )
        .await
        .expect("invitation");
    admin
        .post(
            &format!("/orgs/{}/admin/roles", s.school_a),
            &[("email", s.email("educator")), ("role", "org_admin")],
        )
        .await
        .expect("The role was given.");
}

#[tokio::test]
async fn a_code_is_long_shown_once_and_kept_only_as_its_hash() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let code = make_code(&app, &s, &[("role", "educator")]).await;
    let letters: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    // 15 characters of 31: over 74 bits.
    assert_eq!(letters.len(), 15, "{code}");

    // The list names it by its role and last characters, never the code.
    let admin = app.browser();
    admin.sign_in(s.email("ladmin"), PASSWORD).await;
    let list = admin.get(&format!("/orgs/{}/admin/joining", s.local)).await;
    assert!(!list.contains(&code) && !list.contains(&letters));
    list.expect(&format!("…{}", &letters[13..]))
        .expect("Test ladmin");
    // The database has its hash only.
    let local = s.local;
    let rows = app
        .db
        .read(move |c| join_codes::of_org(c, local))
        .await
        .unwrap();
    let stored = serde_json::to_string(&rows).unwrap();
    assert!(
        !stored.contains(&code) && !stored.contains(&letters),
        "{stored}"
    );

    // Typed loosely, it works.
    let joiner = app.browser();
    joiner.sign_in(s.email("educator"), PASSWORD).await;
    let typed = format!(" {} ", letters.to_lowercase());
    joiner
        .post("/join", &[("join_code", &typed)])
        .await
        .expect("You have joined the organisation");
}

#[tokio::test]
async fn a_code_expires_and_runs_out_by_default() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    make_code(&app, &s, &[("role", "educator")]).await;
    let admin = app.browser();
    admin.sign_in(s.email("ladmin"), PASSWORD).await;
    let in_30_days = app.clock.now().plus(Duration::from_secs(30 * 86_400));
    let list = admin.get(&format!("/orgs/{}/admin/joining", s.local)).await;
    list.expect("0 / 200");
    let local = s.local;
    let rows = app
        .db
        .read(move |c| join_codes::of_org(c, local))
        .await
        .unwrap();
    let expires = serde_json::to_value(&rows[0]).unwrap()["expires_at"]
        .as_i64()
        .unwrap();
    assert!(
        (expires - in_30_days.micros()).abs() < 60_000_000,
        "{expires}"
    );
    // Within bounds only.
    for (field, value, message) in [
        (
            "expires_in_days",
            "91",
            "number of days as a whole number from 1 to 90",
        ),
        ("max_uses", "1001", "as a whole number from 1 to 1000"),
        ("max_uses", "0", "as a whole number from 1 to 1000"),
    ] {
        let r = admin
            .post(
                &format!("/orgs/{}/admin/join-codes", s.local),
                &[("role", "educator"), (field, value)],
            )
            .await;
        assert_eq!(r.status, 422, "{field}={value}");
        r.expect(message);
    }
}

/// Someone signed in on both servers (a session made in the database).
async fn session_for(app: &TestApp, n: usize) -> String {
    let now = app.clock.now();
    let (secret, hash) = new_token().unwrap();
    assert_eq!(hash, hash_token(&secret));
    app.db
        .write(move |c| {
            let email = EmailAddress::parse(&format!("joiner{n}@example.org")).unwrap();
            let id = users::insert(
                c,
                &users::NewUser {
                    email: &email,
                    display_name: &format!("Joiner {n}"),
                    password_hash: None,
                    lang: Lang::En,
                    verified: true,
                },
                now,
            )?;
            sessions::create(c, &hash, id, now, now.plus(Duration::from_secs(3600)))
        })
        .await
        .unwrap();
    secret
}

#[tokio::test]
async fn many_joining_at_once_on_two_servers_never_pass_the_limit() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let other = app.another_node().await;
    let code = make_code(&app, &s, &[("role", "educator"), ("max_uses", "3")]).await;
    let mut secrets = Vec::new();
    for n in 0..24 {
        secrets.push(session_for(&app, n).await);
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut tries = tokio::task::JoinSet::new();
    for (n, secret) in secrets.into_iter().enumerate() {
        let server = if n % 2 == 0 {
            app.url.clone()
        } else {
            other.url.clone()
        };
        let (client, code) = (client.clone(), code.clone());
        tries.spawn(async move {
            client
                .post(format!("{server}/join"))
                .header("origin", server.clone())
                .header("cookie", format!("lyceum_session={secret}"))
                .form(&[("join_code", code.as_str())])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let statuses = tries.join_all().await;
    let joined = statuses.iter().filter(|s| **s == 303).count();
    let refused = statuses.iter().filter(|s| **s == 422).count();
    assert_eq!((joined, refused), (3, 21), "{statuses:?}");
    let local = s.local;
    let members = app
        .db
        .read(move |c| memberships::at_org(c, local))
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.role == Role::Educator)
        .count();
    assert_eq!(members, 3);
}
