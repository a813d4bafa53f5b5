//! Email domains an organisation claims count only once it proves them:
//! a TXT record Lyceum looks up, or a programme admin's approval. Until
//! then a claim lets no one register and no provider speak for it, and
//! blocks no other organisation.

use diesel::prelude::*;
use lyceum_db::schema::{audit_log, org_email_domains};
use lyceum_domain::OrgId;
use lyceum_domain::email::EmailAddress;
use lyceum_testkit::{OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PASSWORD, Seed, TestApp};

async fn claim(
    app: &TestApp,
    who: &str,
    s: &Seed,
    org: OrgId,
    domain: &str,
) -> lyceum_testkit::Page {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b.post(
        &format!("/orgs/{}/admin/domains", org.0),
        &[("domain", domain)],
    )
    .await
}

async fn register(app: &TestApp, email: &str) -> bool {
    app.browser()
        .post(
            "/register",
            &[
                ("display_name", "Newcomer"),
                ("email", email),
                ("password", "plums in the icebox"),
                ("preferred_language", "en"),
            ],
        )
        .await;
    let email = EmailAddress::parse(email).unwrap();
    app.db
        .read(move |c| lyceum_db::users::by_email(c, &email))
        .await
        .unwrap()
        .is_some()
}

async fn add_provider(
    app: &TestApp,
    s: &Seed,
    who: &str,
    org: OrgId,
    domains: &str,
) -> lyceum_testkit::Page {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b.post(
        &format!("/orgs/{}/admin/sso", org.0),
        &[
            ("name", "Local Google"),
            ("issuer", "https://accounts.google.com"),
            ("client_id", OIDC_CLIENT_ID),
            ("client_secret", OIDC_CLIENT_SECRET),
            ("domains", domains),
        ],
    )
    .await
}

async fn claim_id(app: &TestApp, org: OrgId, domain: &'static str) -> i64 {
    app.db
        .read(move |c| {
            Ok(org_email_domains::table
                .filter(org_email_domains::org_id.eq(org.0))
                .filter(org_email_domains::domain.eq(domain))
                .select(org_email_domains::id)
                .first::<i64>(c)?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn an_unproven_domain_lets_no_one_in() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let page = claim(&app, "ladmin", &s, s.local, "local1.example.org").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("The email domain was added");
    assert!(
        !register(&app, "newcomer@local1.example.org").await,
        "registered by a domain nobody proved"
    );
    let page = add_provider(&app, &s, "ladmin", s.local, "local1.example.org").await;
    assert_eq!(
        page.status, 422,
        "a provider spoke for a domain nobody proved"
    );
    page.expect("prove it is yours");
}

#[tokio::test]
async fn a_claim_blocks_no_one_and_the_first_to_prove_holds_the_domain() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // The district claims a domain it cannot prove; the local, which runs
    // it, claims it too.
    claim(&app, "dadmin", &s, s.district, "shared.example.org")
        .await
        .expect("The email domain was added");
    let page = claim(&app, "ladmin", &s, s.local, "shared.example.org").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("The email domain was added")
        .expect("_lyceum.shared.example.org")
        .expect("lyceum-domain-verification=");

    // Nothing published yet: the check says so, and proves nothing.
    let local_claim = claim_id(&app, s.local, "shared.example.org").await;
    let proof = format!("/orgs/{}/admin/domains/{local_claim}", s.local.0);
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let page = ladmin.post(&format!("{proof}/check"), &[]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    page.expect("There is a problem")
        .expect("We found no TXT record");
    assert!(!register(&app, "x@shared.example.org").await);

    // Published (a wrong token, then the right one): proven by DNS.
    let token = app
        .db
        .read(move |c| {
            Ok(org_email_domains::table
                .find(local_claim)
                .select(org_email_domains::token)
                .first::<String>(c)?)
        })
        .await
        .unwrap();
    app.dns.publish(
        "_lyceum.shared.example.org",
        "lyceum-domain-verification=somebody-else",
    );
    assert_eq!(
        ladmin.post(&format!("{proof}/check"), &[]).await.status,
        422
    );
    app.dns.publish(
        "_lyceum.shared.example.org",
        &format!("lyceum-domain-verification={token}"),
    );
    let page = ladmin.post(&format!("{proof}/check"), &[]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("The domain is proven");
    assert!(register(&app, "x@shared.example.org").await);

    // The district's claim is withdrawn; it cannot claim the domain again.
    let district_claims = app
        .db
        .read(move |c| {
            Ok(org_email_domains::table
                .filter(org_email_domains::domain.eq("shared.example.org"))
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(district_claims, 1);
    let page = claim(&app, "dadmin", &s, s.district, "shared.example.org").await;
    assert_eq!(page.status, 422);
    page.expect("Another organisation already uses this email domain");
    // Who proved it, how, and whose claim went are in the audit log.
    let actions: Vec<String> = app
        .db
        .read(|c| {
            Ok(audit_log::table
                .filter(audit_log::action.like("org.domain%"))
                .order(audit_log::id)
                .select(audit_log::action)
                .load(c)?)
        })
        .await
        .unwrap();
    assert!(
        actions.contains(&"org.domain_verified".to_string()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"org.domain_claim_withdrawn".to_string()),
        "{actions:?}"
    );
    // The provider may speak for it now.
    let page = add_provider(&app, &s, "ladmin", s.local, "shared.example.org").await;
    assert_eq!(page.status, 200, "{}", page.body);
}

#[tokio::test]
async fn a_programme_admin_approves_claims_from_the_queue() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    claim(&app, "ladmin", &s, s.local, "local1.example.org")
        .await
        .expect("The email domain was added");
    let id = claim_id(&app, s.local, "local1.example.org").await;
    let queue = format!("/orgs/{}/admin/domain-approvals", s.root.0);
    let approve = format!("/orgs/{}/admin/domains/{id}/approve", s.local.0);

    // Org admins neither see the queue nor approve their own claims.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    assert_eq!(ladmin.get(&queue).await.status, 403);
    let page = ladmin.post(&approve, &[]).await;
    assert_eq!(page.status, 403);
    assert!(!register(&app, "n@local1.example.org").await);

    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let page = admin.get(&queue).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("local1.example.org")
        .expect("Ohio Teachers Local 1")
        .expect(&format!("/orgs/{}/admin/domains/{id}", s.local.0));
    let page = admin.post(&approve, &[]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.expect("The domain is proven").expect("Approved by");
    assert!(register(&app, "n@local1.example.org").await);
    let page = admin.get(&queue).await;
    assert!(!page.contains("local1.example.org"), "still waiting");
    page.expect("No domains are waiting");
}
