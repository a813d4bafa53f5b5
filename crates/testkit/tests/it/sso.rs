//! Single sign-on with OpenID Connect, end to end: a browser (cookie jar,
//! redirects followed by hand where the flow crosses to the provider), the
//! real app, and a small OpenID provider started by the test that speaks the
//! real protocol — and misbehaves when told to.

use diesel::prelude::*;
use lyceum_db::schema::{sessions, sso_identities, sso_providers, users};
use lyceum_db::sso as sso_db;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, UserId};
use lyceum_testkit::{
    Browser, Misbehaviour, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcProvider, PASSWORD, Page, Seed,
    TestApp, TestUser,
};
use std::time::Duration;

/// The district's admin adds the provider on the admin page; returns its id.
/// The seed's people are all `@example.org`: for those domains the
/// district is made to hold it first (it holds `district.example.org`).
async fn configure(app: &TestApp, s: &Seed, idp: &OidcProvider, domains: &str) -> i64 {
    if domains.split(", ").any(|d| d == "example.org") {
        hold(app, s.district, "example.org").await;
    }
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let page = admin
        .post(
            &format!("/orgs/{}/admin/sso", s.district.0),
            &[
                ("name", "District Google"),
                ("issuer", &idp.issuer),
                ("client_id", OIDC_CLIENT_ID),
                ("client_secret", OIDC_CLIENT_SECRET),
                ("domains", domains),
            ],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("The sign-in provider was added")
        .expect("District Google");
    provider_ids(app, s.district)
        .await
        .into_iter()
        .max()
        .unwrap()
}

async fn hold(app: &TestApp, org: OrgId, domain: &'static str) {
    let now = app.clock.now();
    app.db
        .write(move |c| {
            lyceum_db::domains::add_proven(
                c,
                org,
                domain,
                lyceum_domain::domain_proof::DomainProof::Approval,
                None,
                now,
            )
        })
        .await
        .unwrap();
}

/// The client secret column as stored.
async fn raw_secret(app: &TestApp, provider: i64) -> String {
    app.db
        .read(move |c| {
            Ok(sso_providers::table
                .find(provider)
                .select(sso_providers::client_secret)
                .first::<String>(c)?)
        })
        .await
        .unwrap()
}

async fn provider_ids(app: &TestApp, org: OrgId) -> Vec<i64> {
    app.db
        .read(move |c| sso_db::of_org(c, org))
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.provider.id)
        .collect()
}

fn location(p: &Page) -> String {
    assert!(
        (300..400).contains(&p.status),
        "expected a redirect from {}, got {}:\n{}",
        p.path,
        p.status,
        p.body
    );
    p.headers["location"].to_str().unwrap().to_string()
}

fn query_param(url: &str, name: &str) -> Option<String> {
    url.split_once('?')?.1.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

/// A browser that stops at every redirect, so the test sees each step.
fn browser(app: &TestApp) -> Browser {
    Browser::no_redirects(&app.url)
}

/// Start at Lyceum, sign in at the provider, come back: returns the callback
/// URL and Lyceum's answer to it (not followed).
async fn through_provider(b: &Browser, start: &str) -> (String, Page) {
    let started = b.navigate(start).await;
    let authorize = location(&started);
    for (param, value) in [
        ("response_type", Some("code")),
        ("code_challenge_method", Some("S256")),
        ("client_id", Some(OIDC_CLIENT_ID)),
        ("state", None),
        ("nonce", None),
        ("code_challenge", None),
    ] {
        let got = query_param(&authorize, param);
        assert!(got.is_some(), "{param} missing from {authorize}");
        if let Some(v) = value {
            assert_eq!(got.as_deref(), Some(v), "{param}");
        }
    }
    let at_provider = b.get(&authorize).await;
    let callback = location(&at_provider);
    assert!(callback.contains("/sign-in/sso/callback/"), "{callback}");
    let back = b.get(&callback).await;
    (callback, back)
}

/// Follows redirects to the page they end on.
async fn follow(b: &Browser, mut page: Page) -> Page {
    for _ in 0..5 {
        if !(300..400).contains(&page.status) {
            return page;
        }
        page = b.get(&location(&page)).await;
    }
    panic!("too many redirects");
}

/// Starts a sign-in that Lyceum refuses before the browser reaches the
/// provider's token endpoint (the callback's answer, not followed).
async fn sign_in_with_refused(app: &TestApp, provider: i64) -> (Browser, Page) {
    let b = browser(app);
    let (_, back) = through_provider(&b, &format!("/sign-in/sso/start/{provider}")).await;
    (b, back)
}

async fn sign_in_with(app: &TestApp, provider: i64) -> (Browser, Page) {
    let b = browser(app);
    let (_, back) = through_provider(&b, &format!("/sign-in/sso/start/{provider}")).await;
    let page = follow(&b, back).await;
    (b, page)
}

async fn count_sessions(app: &TestApp) -> i64 {
    app.db
        .read(|c| Ok(sessions::table.count().get_result::<i64>(c)?))
        .await
        .unwrap()
}

async fn count_links(app: &TestApp) -> i64 {
    app.db
        .read(|c| Ok(sso_identities::table.count().get_result::<i64>(c)?))
        .await
        .unwrap()
}

async fn user_by_email(app: &TestApp, email: &str) -> Option<lyceum_db::users::UserRow> {
    let email = EmailAddress::parse(email).unwrap();
    app.db
        .read(move |c| lyceum_db::users::by_email(c, &email))
        .await
        .unwrap()
}

async fn memberships(app: &TestApp, user: UserId) -> Vec<(Role, i64)> {
    app.db
        .read(move |c| lyceum_db::memberships::of_user(c, user))
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.role, m.org_id))
        .collect()
}

/// The browser holds no session: a signed-in page sends it to sign in.
async fn assert_signed_out(b: &Browser) {
    let account = b.get("/account").await;
    assert!(
        location(&account).starts_with("/sign-in"),
        "a session was started"
    );
}

#[tokio::test]
async fn a_new_person_gets_an_account_in_the_providers_organisation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new(
        "idp-nora",
        "nora.teacher@district.example.org",
        "Nora Teacher",
    ))
    .await;
    let provider = configure(&app, &s, &idp, "district.example.org").await;

    let b = browser(&app);
    // The sign-in page offers the school sign-in; the person types their address.
    b.get("/sign-in")
        .await
        .expect("Or sign in with your school account")
        .expect("action=\"/sign-in/sso\"");
    let found = b
        .get("/sign-in/sso?school=nora.teacher%40district.example.org&next=%2Fprofile")
        .await;
    assert_eq!(found.status, 200, "{}", found.body);
    found.expect("Continue with District Google");
    found.expect(&format!(
        "method=\"post\" action=\"/sign-in/sso/start/{provider}\""
    ));
    found.expect("name=\"next\" value=\"/profile\"");
    let href = format!("/sign-in/sso/start/{provider}?next=%2Fprofile");

    let (_, back) = through_provider(&b, &href).await;
    assert_eq!(location(&back), "/profile", "back where they were going");
    let profile = follow(&b, back).await;
    assert_eq!(profile.status, 200);
    profile.expect("You are signed in").expect("Nora Teacher");

    let user = user_by_email(&app, "nora.teacher@district.example.org")
        .await
        .expect("an account was made");
    assert!(user.is_verified(), "the provider vouched for the address");
    assert!(user.password_hash.is_none(), "no password");
    assert_eq!(user.display_name, "Nora Teacher");
    assert_eq!(
        memberships(&app, user.id()).await,
        vec![(Role::Educator, s.district.0)],
        "an educator in the provider's organisation"
    );
    assert_eq!(count_links(&app).await, 1);
    // Client authentication was HTTP Basic; discovery was fetched once and cached.
    let requests = idp.token_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].client_auth, "basic");
    assert!(requests[0].accepted);
    assert_eq!(idp.discovery_fetches(), 1);

    // Signing out and in again: the same account, no second one.
    b.post("/sign-out", &[]).await;
    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("Welcome, Nora Teacher");
    assert_eq!(count_links(&app).await, 1);
    assert_eq!(idp.discovery_fetches(), 1);
}

#[tokio::test]
async fn an_existing_person_is_linked_by_verified_email_then_known_by_subject() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new(
        "idp-educator",
        s.email("educator"),
        "Someone Else Entirely",
    ))
    .await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let before = memberships(&app, s.user("educator")).await;

    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("You are signed in")
        .expect("Welcome, Test educator");
    // Her school is inside the district: no extra role.
    assert_eq!(memberships(&app, s.user("educator")).await, before);

    // Later her address at the provider changes; the link by `sub` holds.
    idp.set_user(TestUser::new(
        "idp-educator",
        "educator.renamed@elsewhere.example",
        "Ed",
    ));
    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("Welcome, Test educator");
    assert!(
        user_by_email(&app, "educator.renamed@elsewhere.example")
            .await
            .is_none(),
        "no second account"
    );
    assert_eq!(count_links(&app).await, 1);

    // Roles an admin removes are not given back at the next sign-in (and
    // with none left, the provider no longer answers for her at all).
    let educator = s.user("educator");
    app.db
        .write(move |c| lyceum_db::memberships::remove_all_of(c, educator))
        .await
        .unwrap();
    let (_, page) = sign_in_with(&app, provider).await;
    assert_eq!(page.status, 403);
    assert_eq!(memberships(&app, educator).await, vec![]);
}

#[tokio::test]
async fn a_provider_cannot_sign_in_people_who_answer_to_others() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-x", s.email("educator"), "X")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let sessions_before = count_sessions(&app).await;
    // The district's own admin, people with roles in the local or across the
    // programme: whoever runs the district's provider must not become them.
    for who in ["dadmin", "moderator", "ladmin", "admin", "researcher"] {
        idp.set_user(TestUser::new(&format!("idp-{who}"), s.email(who), who));
        let (b, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403, "{who}");
        page.expect("Sign in with your email and password instead");
        assert_signed_out(&b).await;
    }
    assert_eq!(count_links(&app).await, 0);
    assert_eq!(count_sessions(&app).await, sessions_before);

    // An address in a domain the provider does not list, or that its
    // organisation no longer holds, is refused too.
    idp.set_user(TestUser::new("idp-y", "y@other.example", "Y"));
    let (_, page) = sign_in_with(&app, provider).await;
    assert_eq!(page.status, 403);
    page.expect("not in a domain this sign-in is for");
    let district = s.district;
    app.db
        .write(move |c| lyceum_db::domains::remove(c, district, "example.org"))
        .await
        .unwrap();
    idp.set_user(TestUser::new("idp-educator", s.email("educator"), "E"));
    let (_, page) = sign_in_with(&app, provider).await;
    assert_eq!(page.status, 403);
    page.expect("not in a domain this sign-in is for");
    assert_eq!(count_links(&app).await, 0);
}

/// Replaces everything `who` holds with `roles` (role, organisation).
async fn set_roles(app: &TestApp, who: UserId, roles: Vec<(Role, OrgId)>) {
    let now = app.clock.now();
    app.db
        .write(move |c| {
            lyceum_db::memberships::remove_all_of(c, who)?;
            for (role, org) in roles {
                let org = lyceum_db::orgs::get(c, org)?;
                lyceum_db::memberships::add(c, who, &org, role, now)?;
            }
            Ok(())
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_provider_signs_in_only_educators_who_belong_to_its_organisation_alone() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let educator = s.user("educator");
    let sessions_before = count_sessions(&app).await;
    // Each of these accounts answers to someone besides the district's
    // admin, or carries power of its own: the district's provider must not
    // be the way into it.
    let refused: Vec<(&str, Vec<(Role, OrgId)>)> = vec![
        ("no roles at all", vec![]),
        (
            "an author in the district",
            vec![(Role::Author, s.school_a)],
        ),
        (
            "a facilitator of the district",
            vec![(Role::Facilitator, s.district)],
        ),
        (
            "a moderator in the district",
            vec![(Role::Moderator, s.school_a)],
        ),
        (
            "an educator here and in the local",
            vec![(Role::Educator, s.school_a), (Role::Educator, s.school_b)],
        ),
    ];
    for (what, roles) in refused {
        set_roles(&app, educator, roles).await;
        let (b, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403, "{what}:\n{}", page.body);
        page.expect("Sign in with your email and password instead");
        assert_signed_out(&b).await;
        assert_eq!(count_links(&app).await, 0, "{what}");
    }
    assert_eq!(count_sessions(&app).await, sessions_before);

    // An educator of the district alone: linked and signed in.
    set_roles(&app, educator, vec![(Role::Educator, s.school_a)]).await;
    sign_in_with(&app, provider)
        .await
        .1
        .expect("Welcome, Test educator");
    assert_eq!(count_links(&app).await, 1);

    // Linked once, the rule still holds at every later sign-in: made a
    // facilitator, or left with no roles, she signs in with her password.
    for roles in [
        vec![
            (Role::Educator, s.school_a),
            (Role::Facilitator, s.school_a),
        ],
        vec![],
    ] {
        set_roles(&app, educator, roles).await;
        let (b, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403);
        page.expect("Sign in with your email and password instead");
        assert_signed_out(&b).await;
    }
}

#[tokio::test]
async fn an_unconfirmed_registration_loses_its_password_when_the_provider_proves_the_address() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // Someone registers the address of a teacher who has not joined yet.
    let squatter = app.browser();
    squatter
        .post(
            "/register",
            &[
                ("display_name", "Squatter"),
                ("email", "ana@district.example.org"),
                ("password", "plums in the icebox"),
                ("preferred_language", "en"),
            ],
        )
        .await
        .expect("we sent you an email");
    let idp =
        OidcProvider::start(TestUser::new("idp-ana", "ana@district.example.org", "Ana")).await;
    let provider = configure(&app, &s, &idp, "district.example.org").await;
    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("You are signed in");
    let user = user_by_email(&app, "ana@district.example.org")
        .await
        .unwrap();
    assert!(user.is_verified());
    assert!(
        user.password_hash.is_none(),
        "the squatter's password is void"
    );
    let refused = squatter
        .post(
            "/sign-in",
            &[
                ("email", "ana@district.example.org"),
                ("password", "plums in the icebox"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
}

#[tokio::test]
async fn every_untrustworthy_answer_is_refused_and_signs_no_one_in() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let sessions_before = count_sessions(&app).await;

    let cases = [
        (Misbehaviour::TamperedToken, 403, "could not be trusted"),
        (Misbehaviour::WrongAudience, 403, "could not be trusted"),
        (Misbehaviour::Expired, 403, "had expired"),
        (Misbehaviour::WrongIssuer, 403, "could not be trusted"),
        (Misbehaviour::WrongNonce, 403, "could not be trusted"),
        (Misbehaviour::UnknownKey, 403, "could not be trusted"),
        (Misbehaviour::Deny, 400, "was cancelled"),
    ];
    for (misbehaviour, status, message) in cases {
        idp.misbehave(misbehaviour);
        let b = browser(&app);
        let (_, back) = through_provider(&b, &format!("/sign-in/sso/start/{provider}")).await;
        assert_eq!(back.status, status, "{misbehaviour:?}:\n{}", back.body);
        back.expect("We could not sign you in").expect(message);
        assert!(back.headers.get("location").is_none());
        assert_signed_out(&b).await;
    }
    assert_eq!(
        count_sessions(&app).await,
        sessions_before,
        "no session made"
    );
    assert_eq!(count_links(&app).await, 0, "nothing linked");
    // Each bad token came from a good exchange: the refusals were Lyceum's.
    assert!(idp.token_requests().iter().all(|r| r.accepted));
    assert_eq!(idp.token_requests().len(), cases.len() - 1);

    // The same provider, behaving, is fine.
    idp.misbehave(Misbehaviour::None);
    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("Welcome, Test educator");
}

#[tokio::test]
async fn an_unverified_email_is_never_linked_or_used() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let mut user = TestUser::new("idp-x", s.email("educator"), "X");
    user.email_verified = Some(false);
    let idp = OidcProvider::start(user).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let sessions_before = count_sessions(&app).await;

    let (b, page) = sign_in_with(&app, provider).await;
    assert_eq!(page.status, 403);
    page.expect("has not confirmed your email address");
    assert_signed_out(&b).await;

    // Nor for a new person; and when the provider says nothing, an address
    // outside the domains listed for it is not taken on its word.
    for (email, verified, message) in [
        (
            "newbie@example.org",
            Some(false),
            "has not confirmed your email address",
        ),
        (
            "newbie@district.example.org",
            None,
            "not in a domain this sign-in is for",
        ),
    ] {
        idp.set_user(TestUser {
            email_verified: verified,
            ..TestUser::new("idp-new", email, "N")
        });
        let (_, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403, "{verified:?}");
        page.expect(message);
        assert!(user_by_email(&app, email).await.is_none());
    }
    assert_eq!(count_links(&app).await, 0);
    assert_eq!(count_sessions(&app).await, sessions_before);
}

#[tokio::test]
async fn a_provider_that_says_nothing_about_verification_is_not_taken_at_its_word() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser {
        email_verified: None,
        ..TestUser::new("idp-entra", "newbie@district.example.org", "Newbie")
    })
    .await;
    let provider = configure(&app, &s, &idp, "district.example.org, example.org").await;
    let sessions_before = count_sessions(&app).await;
    // Neither a new person nor an existing account, even in its own domains.
    for (sub, email) in [
        ("idp-entra", "newbie@district.example.org"),
        ("idp-educator", s.email("educator")),
    ] {
        idp.set_user(TestUser {
            email_verified: None,
            ..TestUser::new(sub, email, "N")
        });
        let (b, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403, "{email}");
        page.expect("has not confirmed your email address");
        assert_signed_out(&b).await;
    }
    assert!(
        user_by_email(&app, "newbie@district.example.org")
            .await
            .is_none()
    );
    assert_eq!(count_links(&app).await, 0);
    assert_eq!(count_sessions(&app).await, sessions_before);
}

#[tokio::test]
async fn a_replayed_state_is_refused_even_on_another_server() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let other = app.another_node().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;

    // Started on one server, finished on another: the sign-in is in the database.
    let b = browser(&app);
    let started = b.navigate(&format!("/sign-in/sso/start/{provider}")).await;
    let at_provider = b.get(&location(&started)).await;
    let callback = location(&at_provider).replace(&app.url, &other.url);
    assert!(callback.starts_with(&other.url));
    let done = b.get(&callback).await;
    assert_eq!(location(&done), "/");
    follow(&b, done).await.expect("Welcome, Test educator");
    let sessions_after = count_sessions(&app).await;

    // The same state again — from the same browser, or from someone who
    // copied the URL and the cookie — on either server: refused.
    let state = query_param(&callback, "state").unwrap();
    for server in [&app.url, &other.url] {
        let replay = callback.replace(&other.url, server);
        let again = b.get(&replay).await;
        assert_eq!(again.status, 400);
        again.expect("no longer valid");
        let thief = Browser::no_redirects(server);
        let r = thief
            .request(reqwest::Method::GET, &replay)
            .header("cookie", format!("lyceum_sso={state}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400);
        assert!(r.text().await.unwrap().contains("no longer valid"));
        assert_signed_out(&thief).await;
    }
    assert_eq!(count_sessions(&app).await, sessions_after);
    // Refused before the code was even tried again at the provider.
    assert_eq!(idp.token_requests().len(), 1);
    other.stop().await;
}

#[tokio::test]
async fn a_sign_in_from_another_browser_or_too_old_is_refused() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;

    // An attacker starts a sign-in to their own account and sends the
    // victim the link back: the victim's browser did not start it.
    let attacker = browser(&app);
    let started = attacker
        .navigate(&format!("/sign-in/sso/start/{provider}"))
        .await;
    let callback = location(&attacker.get(&location(&started)).await);
    let victim = browser(&app);
    let page = victim.get(&callback).await;
    assert_eq!(page.status, 400);
    page.expect("started in another browser");
    assert_signed_out(&victim).await;

    // Ten minutes is the limit.
    let b = browser(&app);
    let started = b.navigate(&format!("/sign-in/sso/start/{provider}")).await;
    let callback = location(&b.get(&location(&started)).await);
    app.clock.advance(Duration::from_secs(11 * 60));
    let page = b.get(&callback).await;
    assert_eq!(page.status, 400);
    page.expect("took longer than 10 minutes");
    assert_signed_out(&b).await;
}

#[tokio::test]
async fn es256_tokens_and_client_secret_post() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    idp.use_es256(true);
    idp.auth_methods(&["client_secret_post"]);
    let provider = configure(&app, &s, &idp, "example.org").await;
    let (_, home) = sign_in_with(&app, provider).await;
    home.expect("Welcome, Test educator");
    let requests = idp.token_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].client_auth, "post");
    assert!(requests[0].accepted);
}

#[tokio::test]
async fn closed_accounts_cannot_sign_in() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    sign_in_with(&app, provider)
        .await
        .1
        .expect("Welcome, Test educator");

    // A roster deactivates both her (linked by `sub`) and the facilitator (by email).
    let now = app.clock.now().micros();
    let ids = [s.user("educator").0, s.user("facilitator").0];
    app.db
        .write(move |c| {
            diesel::update(users::table.filter(users::id.eq_any(ids)))
                .set(users::deactivated_at.eq(now))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let sessions_before = count_sessions(&app).await;
    for (sub, who) in [
        ("idp-educator", "educator"),
        ("idp-facilitator", "facilitator"),
    ] {
        idp.set_user(TestUser::new(sub, s.email(who), who));
        let (b, page) = sign_in_with(&app, provider).await;
        assert_eq!(page.status, 403, "{who}");
        page.expect("This account was closed");
        assert_signed_out(&b).await;
    }
    assert_eq!(count_sessions(&app).await, sessions_before);
    assert_eq!(count_links(&app).await, 1, "the facilitator was not linked");
}

#[tokio::test]
async fn people_find_their_provider_by_address_or_name() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("x", "x@district.example.org", "X")).await;
    // Listed for example.org: the district's other domain finds it too.
    let provider = configure(&app, &s, &idp, "example.org").await;
    let b = app.browser();
    let first = b.get("/sign-in/sso").await;
    assert_eq!(first.status, 200);
    assert!(!first.contains("There is a problem"));
    let start = format!("action=\"/sign-in/sso/start/{provider}\"");
    for found in ["someone%40District.example.org", "district+goo", "COLUMBUS"] {
        let page = b.get(&format!("/sign-in/sso?school={found}")).await;
        assert_eq!(page.status, 200, "{found}");
        page.expect(&start).expect("Columbus City Schools");
    }
    for (school, message) in [
        ("", "Enter your school email address"),
        ("ab", "at least 3 letters"),
        ("nobody%40nowhere.example", "found no school sign-in"),
        ("100%25+off", "found no school sign-in"),
        ("not-an-email%40", "Enter an email address like"),
    ] {
        let page = b.get(&format!("/sign-in/sso?school={school}")).await;
        assert_eq!(page.status, 422, "{school}");
        page.expect("There is a problem")
            .expect(message)
            .expect("href=\"#f-school\"");
        assert!(!page.contains("/sign-in/sso/start/"));
    }
    // Signed in already: nothing to find.
    b.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(b.get("/sign-in/sso").await.path, "/");
}

#[tokio::test]
async fn admins_configure_providers_and_never_see_a_secret_again() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/sso", s.district.0);

    let page = admin.get(&base).await;
    assert_eq!(page.status, 200);
    page.expect("No sign-in providers yet")
        .expect("shows the redirect URI to register")
        .expect("aria-current=\"page\">Single sign-on");

    // Mistakes are shown beside their fields, input kept (but no secret).
    let page = admin
        .post(
            &base,
            &[
                ("name", "District Google"),
                ("issuer", "http://idp.example.org"),
                ("client_id", ""),
                ("client_secret", "typed-secret"),
                ("domains", "not a domain"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    page.expect("There is a problem")
        .expect("starts with https://")
        .expect("Enter the client ID")
        .expect("Enter domains like")
        .expect("href=\"#f-issuer\"")
        .expect("value=\"District Google\"");
    assert!(!page.contains("typed-secret"), "a secret is never echoed");
    let page = admin.post(&base, &[("name", "X")]).await;
    page.expect("Enter the client secret")
        .expect("Enter the issuer URL")
        .expect("Enter at least one email domain");
    // A provider speaks only for domains its organisation holds: not for
    // another's, not for a public mailbox service.
    for (domains, message) in [
        (
            "district.example.org, other.example",
            "must belong to this organisation first",
        ),
        ("gmail.com", "public mailbox service"),
    ] {
        let page = admin
            .post(
                &base,
                &[
                    ("name", "District Google"),
                    ("issuer", "https://accounts.google.com"),
                    ("client_id", "cid"),
                    ("client_secret", "typed-secret"),
                    ("domains", domains),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{domains}");
        page.expect(message).expect("href=\"#f-domains\"");
    }
    // Nor may it live inside our network (only this test's loopback is allowed).
    let page = admin
        .post(
            &base,
            &[
                ("name", "Metadata"),
                ("issuer", "https://169.254.169.254/latest"),
                ("client_id", "cid"),
                ("client_secret", "s"),
                ("domains", "district.example.org"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    page.expect("href=\"#f-issuer\"");
    assert!(provider_ids(&app, s.district).await.is_empty());

    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "@District.example.org, example.org").await;
    let list = admin.get(&base).await;
    list.expect("District Google")
        .expect(&idp.issuer)
        .expect(OIDC_CLIENT_ID)
        .expect("district.example.org, example.org")
        .expect(&format!("{}/sign-in/sso/start/{provider}", app.url))
        .expect(&format!("{}/sign-in/sso/callback/{provider}", app.url));
    assert!(!list.contains("s3cret"), "the secret is not shown");
    let edit = admin.get(&format!("{base}/{provider}")).await;
    assert_eq!(edit.status, 200);
    edit.expect("A secret is set")
        .expect("value=\"District Google\"");
    assert!(!edit.contains("s3cret"));

    // Saved without a secret, the stored one stays (the sign-in still works).
    let saved = admin
        .post(
            &format!("{base}/{provider}"),
            &[
                ("name", "District Workspace"),
                ("issuer", &idp.issuer),
                ("client_id", OIDC_CLIENT_ID),
                ("client_secret", ""),
                ("domains", "example.org"),
            ],
        )
        .await;
    saved
        .expect("The sign-in provider was saved")
        .expect("District Workspace");
    sign_in_with(&app, provider)
        .await
        .1
        .expect("Welcome, Test educator");
    assert_eq!(count_links(&app).await, 1);

    // Another issuer: its subjects are not this one's, so the links go.
    let other_idp = OidcProvider::start(TestUser::new(
        "idp-educator",
        "stranger@district.example.org",
        "S",
    ))
    .await;
    // The secret was given for the old issuer: a new one must come with
    // it, or the next sign-in would hand the old one to the new host.
    let stored_before = raw_secret(&app, provider).await;
    let page = admin
        .post(
            &format!("{base}/{provider}"),
            &[
                ("name", "District Workspace"),
                ("issuer", &other_idp.issuer),
                ("client_id", OIDC_CLIENT_ID),
                ("client_secret", ""),
                ("domains", "district.example.org"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    page.expect("Enter the client secret again")
        .expect("href=\"#f-client_secret\"");
    assert_eq!(
        raw_secret(&app, provider).await,
        stored_before,
        "nothing changed"
    );
    assert_eq!(count_links(&app).await, 1);
    admin
        .post(
            &format!("{base}/{provider}"),
            &[
                ("name", "District Workspace"),
                ("issuer", &other_idp.issuer),
                ("client_id", OIDC_CLIENT_ID),
                ("client_secret", OIDC_CLIENT_SECRET),
                ("domains", "district.example.org"),
            ],
        )
        .await
        .expect("The sign-in provider was saved");
    assert_ne!(
        raw_secret(&app, provider).await,
        stored_before,
        "the old secret is gone"
    );
    assert_eq!(count_links(&app).await, 0);
    sign_in_with(&app, provider).await.1.expect("Welcome, S");

    // Another organisation's admin cannot reach it.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let page = ladmin
        .get(&format!("/orgs/{}/admin/sso/{provider}", s.local.0))
        .await;
    assert_eq!(page.status, 404);
    let page = ladmin
        .post(
            &format!("/orgs/{}/admin/sso/{provider}/remove", s.local.0),
            &[],
        )
        .await;
    assert_eq!(page.status, 404);

    // Removed, it is gone with its links; its sign-in link no longer works.
    admin
        .post(&format!("{base}/{provider}/remove"), &[])
        .await
        .expect("The sign-in provider was removed")
        .expect("No sign-in providers yet");
    assert!(provider_ids(&app, s.district).await.is_empty());
    assert_eq!(count_links(&app).await, 0);
    let gone = browser(&app)
        .navigate(&format!("/sign-in/sso/start/{provider}"))
        .await;
    assert_eq!(gone.status, 404);
}

#[tokio::test]
async fn refusals_speak_spanish_too() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-educator", s.email("educator"), "E")).await;
    idp.misbehave(Misbehaviour::WrongAudience);
    let provider = configure(&app, &s, &idp, "example.org").await;
    let b = browser(&app);
    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    let (_, page) = through_provider(&b, &format!("/sign-in/sso/start/{provider}")).await;
    page.expect("No pudimos iniciar su sesión")
        .expect("no iniciamos su sesión");
    let find = b.get("/sign-in/sso").await;
    find.expect("Iniciar sesión con su cuenta escolar");
}

#[tokio::test]
async fn an_answer_is_taken_only_for_the_provider_the_sign_in_went_to() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let honest = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let other = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let a = configure(&app, &s, &honest, "example.org").await;
    let b_id = configure(&app, &s, &other, "district.example.org").await;
    assert_ne!(a, b_id);

    // The sign-in went to one provider; its answer is delivered as another's.
    let b = browser(&app);
    let started = b.navigate(&format!("/sign-in/sso/start/{a}")).await;
    let callback = location(&b.get(&location(&started)).await);
    assert!(
        callback.contains(&format!("/sign-in/sso/callback/{a}?")),
        "{callback}"
    );
    let mixed = callback.replace(
        &format!("/sign-in/sso/callback/{a}?"),
        &format!("/sign-in/sso/callback/{b_id}?"),
    );
    let page = b.get(&mixed).await;
    assert_eq!(page.status, 400);
    page.expect("no longer valid");
    assert_signed_out(&b).await;
    // No code went to any token endpoint; and the sign-in is spent.
    assert!(honest.token_requests().is_empty() && other.token_requests().is_empty());
    assert_eq!(b.get(&callback).await.status, 400);
}

#[tokio::test]
async fn another_site_cannot_start_a_sign_in_unasked() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let start = format!("/sign-in/sso/start/{provider}?next=%2Fprofile");
    let pending = || async {
        app.db
            .read(|c| {
                Ok(lyceum_db::schema::sso_logins::table
                    .count()
                    .get_result::<i64>(c)?)
            })
            .await
            .unwrap()
    };

    // Arriving from another site: a page says where this leads; nothing starts.
    let b = browser(&app);
    let r = b
        .request(reqwest::Method::GET, &start)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("Continue to your school sign-in?"), "{body}");
    assert!(
        body.contains("District Google (Columbus City Schools)"),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "method=\"post\" action=\"/sign-in/sso/start/{provider}\""
        )),
        "{body}"
    );
    assert!(body.contains("name=\"next\" value=\"/profile\""), "{body}");
    assert_eq!(pending().await, 0);
    assert_eq!(idp.discovery_fetches(), 0);

    // The button on that page posts from Lyceum itself, and goes on.
    let sent = b
        .post(
            &format!("/sign-in/sso/start/{provider}"),
            &[("next", "/profile")],
        )
        .await;
    assert_eq!(sent.status, 200);
    assert!(
        sent.headers["refresh"]
            .to_str()
            .unwrap()
            .starts_with(&format!("0; url={}", idp.issuer))
    );
    assert_eq!(pending().await, 1);
    // So does a link followed on one of our pages.
    let r = b.navigate(&start).await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with(&idp.issuer));
    assert_eq!(pending().await, 2);

    // Someone signed in already is not signed in again as someone else.
    let signed_in = app.browser();
    signed_in.sign_in(s.email("facilitator"), PASSWORD).await;
    let page = signed_in.get(&start).await;
    assert_eq!(page.path, "/profile");
    page.expect("Test facilitator");
    assert_eq!(pending().await, 2);
}

/// What the security review got past the filter: none of these is a
/// provider's address, and outside development nothing on this machine is.
#[tokio::test]
async fn provider_urls_never_lead_into_our_network() {
    let app = TestApp::start_with(|c| c.server.sso_local_providers = false).await;
    let s = app.seed().await;
    hold(&app, s.district, "example.org").await;
    let admin = app.browser();
    admin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/sso", s.district.0);
    for issuer in [
        "https://127.1",
        "https://0x7f.1",
        "https://169.254.43518/latest",
        "https://10.1",
        "https://[64:ff9b::a9fe:a9fe]",
        "https://[2002:a9fe:a9fe::1]",
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
        "https://[fec0::1]",
        "https://[::ffff:127.0.0.1]",
    ] {
        let page = admin
            .post(
                &base,
                &[
                    ("name", "Inside"),
                    ("issuer", issuer),
                    ("client_id", "cid"),
                    ("client_secret", "s"),
                    ("domains", "example.org"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{issuer} was accepted");
        page.expect("href=\"#f-issuer\"");
    }
    assert!(provider_ids(&app, s.district).await.is_empty());

    // A provider stored before the rules were tightened, at this machine's
    // own provider spelled `127.1`: Lyceum never connects to it.
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let port = idp.issuer.rsplit(':').next().unwrap().to_string();
    let issuer = format!("http://127.1:{port}");
    let (org, now) = (s.district.0, app.clock.now().micros());
    let provider: i64 = app
        .db
        .write(move |c| {
            Ok(diesel::insert_into(sso_providers::table)
                .values((
                    sso_providers::org_id.eq(org),
                    sso_providers::name.eq("Old"),
                    sso_providers::issuer.eq(&issuer),
                    sso_providers::client_id.eq(OIDC_CLIENT_ID),
                    sso_providers::client_secret.eq(OIDC_CLIENT_SECRET),
                    sso_providers::created_at.eq(now),
                    sso_providers::updated_at.eq(now),
                ))
                .returning(sso_providers::id)
                .get_result(c)?)
        })
        .await
        .unwrap();
    let b = browser(&app);
    let page = b.navigate(&format!("/sign-in/sso/start/{provider}")).await;
    assert_eq!(page.status, 502, "{}", page.body);
    page.expect("did not answer as expected");
    assert_eq!(idp.discovery_fetches(), 0, "Lyceum connected to 127.1");
    assert!(idp.token_requests().is_empty());
}

/// An image on one of our own pages (a post's Markdown) is a same-origin
/// GET too: only a navigation, or a form posted from our pages, starts a
/// sign-in.
#[tokio::test]
async fn only_a_navigation_or_a_form_starts_a_sign_in() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let start = format!("/sign-in/sso/start/{provider}");
    let pending = || async {
        app.db
            .read(|c| {
                Ok(lyceum_db::schema::sso_logins::table
                    .count()
                    .get_result::<i64>(c)?)
            })
            .await
            .unwrap()
    };
    let b = browser(&app);
    // What <img src> sends, and a client that sends no fetch metadata.
    let image = [
        ("sec-fetch-mode", "no-cors"),
        ("sec-fetch-site", "same-origin"),
        ("sec-fetch-dest", "image"),
    ];
    for headers in [&image[..], &[]] {
        let mut r = b.request(reqwest::Method::GET, &start);
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let r = r.send().await.unwrap();
        assert_eq!(r.status().as_u16(), 200, "{headers:?}");
        assert!(r.headers().get("location").is_none());
        assert!(r.headers().get("refresh").is_none());
        let body = r.text().await.unwrap();
        assert!(body.contains("Continue to your school sign-in?"), "{body}");
        // The page offers a button that posts to us.
        assert!(
            body.contains(&format!("method=\"post\" action=\"{start}\"")),
            "{body}"
        );
    }
    assert_eq!(
        pending().await,
        0,
        "a GET that is no navigation began a sign-in"
    );
    assert_eq!(idp.discovery_fetches(), 0);

    // The sign-in page's buttons post; the answer sends the browser on.
    let found = b.get("/sign-in/sso?school=x%40district.example.org").await;
    found.expect(&format!("method=\"post\" action=\"{start}\""));
    let sent = b.post(&start, &[("next", "/profile")]).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let refresh = sent.headers["refresh"].to_str().unwrap().to_string();
    let authorize = refresh.strip_prefix("0; url=").unwrap().to_string();
    assert!(authorize.starts_with(&idp.issuer), "{authorize}");
    sent.expect(&authorize.replace('&', "&#38;"));
    assert_eq!(pending().await, 1);
    let callback = location(&b.get(&authorize).await);
    let back = b.get(&callback).await;
    assert_eq!(location(&back), "/profile");
    follow(&b, back).await.expect("You are signed in");

    // A form posted from another site is refused, and begins nothing.
    let other = browser(&app);
    let page = other
        .post_with(&start, &[], &[("origin", "https://evil.example")])
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(pending().await, 0);
}

/// A copy of the database reveals no client secret: it is encrypted with a
/// key kept outside it, for the provider's issuer.
#[tokio::test]
async fn client_secrets_are_encrypted_at_rest() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    let stored = raw_secret(&app, provider).await;
    assert!(stored.starts_with("v1:"), "{stored}");
    for part in ["s3cret", "spaces", "symbols"] {
        assert!(!stored.contains(part), "{stored}");
    }
    // Lyceum can still read it: the provider accepts it.
    sign_in_with(&app, provider)
        .await
        .1
        .expect("Welcome, Test educator");
    assert!(idp.token_requests()[0].accepted);

    // Moved by someone with the database to a provider with another issuer,
    // it does not decrypt there and is sent nowhere.
    let other = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let moved_to = other.issuer.clone();
    app.db
        .write(move |c| {
            diesel::update(sso_providers::table.find(provider))
                .set(sso_providers::issuer.eq(&moved_to))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let (_, page) = sign_in_with_refused(&app, provider).await;
    assert_eq!(page.status, 502, "{}", page.body);
    assert!(
        other.token_requests().is_empty(),
        "the secret went to the new issuer"
    );
}

/// Secrets stored before they were encrypted are encrypted when the server
/// starts, and keep working.
#[tokio::test]
async fn secrets_stored_in_plain_text_are_sealed_at_start() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-e", s.email("educator"), "E")).await;
    let provider = configure(&app, &s, &idp, "example.org").await;
    // As the migration leaves a secret written by an older Lyceum.
    let plain = format!("plain:{OIDC_CLIENT_SECRET}");
    app.db
        .write(move |c| {
            diesel::update(sso_providers::table.find(provider))
                .set(sso_providers::client_secret.eq(&plain))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let node = app.another_server().await;
    let stored = raw_secret(&app, provider).await;
    assert!(stored.starts_with("v1:"), "{stored}");
    assert!(!stored.contains("s3cret"));
    let (_, back) = {
        let b = browser(&node);
        through_provider(&b, &format!("/sign-in/sso/start/{provider}")).await
    };
    assert_eq!(back.status, 303, "{}", back.body);
    assert!(idp.token_requests().iter().all(|r| r.accepted));
    node.stop().await;
}
