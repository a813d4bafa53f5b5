//! Role × scope × route: every route the app serves, every kind of person,
//! every place in the tree — refused or let through exactly as written here.
//!
//! The expectations are written out by hand (not computed with the policy
//! under test), and the route list must equal the app's own, so a new route
//! fails this test until someone decides who may use it.

use lyceum_db::{api_tokens, sessions};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::{OrgId, UserId};
use lyceum_testkit::{Seed, TestApp};
use std::collections::BTreeSet;
use std::time::Duration;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    /// Everyone, signed in or not.
    Anyone,
    /// Anyone signed in.
    SignedIn,
    /// Admins whose scope covers the route's organisation.
    Admins,
    /// Those who write courses: authors and programme admins.
    Authors,
    /// The programme team alone (approving email domains), wherever.
    ProgrammeAdmins,
}
use Who::*;

/// Every route, by hand.
const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/healthz", Anyone),
    ("GET", "/readyz", Anyone),
    ("GET", "/metrics", Anyone),
    ("GET", "/static/{file}", Anyone),
    ("GET", "/", Anyone),
    ("GET", "/sign-in", Anyone),
    ("POST", "/sign-in", Anyone),
    ("POST", "/sign-out", Anyone),
    ("GET", "/sign-in/sso", Anyone),
    ("GET", "/sign-in/sso/start/{provider_id}", Anyone),
    ("POST", "/sign-in/sso/start/{provider_id}", Anyone),
    ("GET", "/sign-in/sso/callback/{provider_id}", Anyone),
    ("GET", "/competencies", Anyone),
    ("GET", "/competencies/{framework_id}", Anyone),
    ("GET", "/courses", Anyone),
    ("GET", "/courses/{slug}", Anyone),
    ("GET", "/courses/{slug}/lessons/{lesson_key}", Anyone),
    ("POST", "/courses/{slug}/enrol", SignedIn),
    ("POST", "/courses/{slug}/move", SignedIn),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/quiz",
        SignedIn,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/reflection",
        SignedIn,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/task",
        SignedIn,
    ),
    ("GET", "/authoring", Authors),
    ("POST", "/authoring", Authors),
    ("GET", "/authoring/{draft_id}", Authors),
    ("POST", "/authoring/{draft_id}", Authors),
    ("POST", "/authoring/{draft_id}/review", Authors),
    ("GET", "/api/v1/spaces", SignedIn),
    ("GET", "/api/v1/spaces/{space_id}/topics", SignedIn),
    ("POST", "/api/v1/spaces/{space_id}/topics", SignedIn),
    ("GET", "/api/v1/topics/{topic_id}/posts", SignedIn),
    ("POST", "/api/v1/topics/{topic_id}/replies", SignedIn),
    ("GET", "/api/v1/notifications", SignedIn),
    ("GET", "/spaces", SignedIn),
    ("GET", "/spaces/search", SignedIn),
    ("GET", "/spaces/{space_id}", SignedIn),
    ("POST", "/spaces/{space_id}/follow", SignedIn),
    ("POST", "/spaces/{space_id}/topics", SignedIn),
    ("GET", "/topics/{topic_id}", SignedIn),
    ("POST", "/topics/{topic_id}/replies", SignedIn),
    ("POST", "/topics/{topic_id}/moderate", SignedIn),
    ("POST", "/topics/{topic_id}/accept", SignedIn),
    ("GET", "/notifications", SignedIn),
    ("POST", "/notifications/read", SignedIn),
    ("POST", "/notifications/digest", SignedIn),
    ("GET", "/digest/unsubscribe", Anyone),
    ("GET", "/posts/{post_id}/edit", SignedIn),
    ("POST", "/posts/{post_id}/edit", SignedIn),
    ("POST", "/posts/{post_id}/delete", SignedIn),
    ("POST", "/posts/{post_id}/react", SignedIn),
    ("GET", "/posts/{post_id}/flag", SignedIn),
    ("POST", "/posts/{post_id}/flag", SignedIn),
    ("GET", "/moderation", SignedIn),
    ("POST", "/moderation/posts/{post_id}", SignedIn),
    (
        "POST",
        "/moderation/posts/{post_id}/suspend-author",
        SignedIn,
    ),
    ("GET", "/orgs/{org_id}/admin/spaces", Admins),
    ("POST", "/orgs/{org_id}/admin/spaces", Admins),
    ("GET", "/literacy", SignedIn),
    ("POST", "/literacy", SignedIn),
    ("GET", "/review", SignedIn),
    ("POST", "/review/{submission_id}", SignedIn),
    ("GET", "/review/{submission_id}/file", SignedIn),
    ("GET", "/transcript", SignedIn),
    ("GET", "/transcript.csv", SignedIn),
    ("GET", "/transcript/outside", SignedIn),
    ("POST", "/transcript/outside", SignedIn),
    ("GET", "/transcript/outside/{request_id}/evidence", SignedIn),
    ("GET", "/orgs/{org_id}/admin/pd-requests", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/pd-requests/{request_id}/decide",
        Admins,
    ),
    (
        "GET",
        "/orgs/{org_id}/admin/pd-requests/{request_id}/evidence",
        Admins,
    ),
    ("GET", "/certificates/{code}", Anyone),
    (
        "POST",
        "/orgs/{org_id}/admin/certificates/{code}/revoke",
        Admins,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/finish",
        SignedIn,
    ),
    ("GET", "/register", Anyone),
    ("POST", "/register", Anyone),
    ("GET", "/verify-email", Anyone),
    ("GET", "/resend-verification", Anyone),
    ("POST", "/resend-verification", Anyone),
    ("GET", "/forgot-password", Anyone),
    ("POST", "/forgot-password", Anyone),
    ("GET", "/reset-password", Anyone),
    ("POST", "/reset-password", Anyone),
    ("GET", "/confirm-email", Anyone),
    ("POST", "/language", Anyone),
    ("GET", "/invitations/{token}", Anyone),
    ("POST", "/invitations/{token}/register", Anyone),
    ("POST", "/invitations/{token}/accept", SignedIn),
    ("GET", "/join", SignedIn),
    ("POST", "/join", SignedIn),
    ("GET", "/profile", SignedIn),
    ("POST", "/profile", SignedIn),
    ("GET", "/account", SignedIn),
    ("GET", "/account/email", SignedIn),
    ("POST", "/account/email", SignedIn),
    ("GET", "/account/password", SignedIn),
    ("POST", "/account/password", SignedIn),
    ("GET", "/account/export", SignedIn),
    ("GET", "/account/delete", SignedIn),
    ("POST", "/account/delete", SignedIn),
    ("GET", "/account/tokens", SignedIn),
    ("POST", "/account/tokens", SignedIn),
    ("POST", "/account/tokens/{token_id}/revoke", SignedIn),
    ("GET", "/orgs", SignedIn),
    ("GET", "/orgs/{org_id}", SignedIn),
    ("GET", "/orgs/{org_id}/people", Admins),
    ("GET", "/orgs/{org_id}/people.csv", Admins),
    ("GET", "/orgs/{org_id}/admin", Admins),
    ("POST", "/orgs/{org_id}/admin", Admins),
    ("GET", "/orgs/{org_id}/admin/new", Admins),
    ("POST", "/orgs/{org_id}/admin/new", Admins),
    ("GET", "/orgs/{org_id}/admin/joining", Admins),
    ("POST", "/orgs/{org_id}/admin/domains", Admins),
    ("POST", "/orgs/{org_id}/admin/domains/remove", Admins),
    ("GET", "/orgs/{org_id}/admin/domains/{domain_id}", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/domains/{domain_id}/check",
        Admins,
    ),
    (
        "POST",
        "/orgs/{org_id}/admin/domains/{domain_id}/approve",
        ProgrammeAdmins,
    ),
    (
        "GET",
        "/orgs/{org_id}/admin/domain-approvals",
        ProgrammeAdmins,
    ),
    ("POST", "/orgs/{org_id}/admin/join-codes", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/join-codes/{code_id}/revoke",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/invitations", Admins),
    ("POST", "/orgs/{org_id}/admin/invitations", Admins),
    ("POST", "/orgs/{org_id}/admin/invitations/list", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/invitations/{invitation_id}/revoke",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/import", Admins),
    ("POST", "/orgs/{org_id}/admin/import", Admins),
    ("GET", "/orgs/{org_id}/admin/roles", Admins),
    ("POST", "/orgs/{org_id}/admin/roles", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/roles/{membership_id}/remove",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/sso", Admins),
    ("POST", "/orgs/{org_id}/admin/sso", Admins),
    ("GET", "/orgs/{org_id}/admin/sso/{provider_id}", Admins),
    ("POST", "/orgs/{org_id}/admin/sso/{provider_id}", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/sso/{provider_id}/remove",
        Admins,
    ),
    ("GET", "/api/openapi.json", Anyone),
    ("GET", "/api/v1/me", SignedIn),
    ("PUT", "/api/v1/me/profile", SignedIn),
    ("GET", "/api/v1/me/export", SignedIn),
    ("GET", "/api/v1/orgs/{org_id}", SignedIn),
    ("PUT", "/api/v1/orgs/{org_id}", Admins),
    ("GET", "/api/v1/orgs/{org_id}/children", SignedIn),
    ("POST", "/api/v1/orgs/{org_id}/children", Admins),
    ("GET", "/api/v1/orgs/{org_id}/people", Admins),
    ("POST", "/api/v1/orgs/{org_id}/memberships", Admins),
    (
        "DELETE",
        "/api/v1/orgs/{org_id}/memberships/{membership_id}",
        Admins,
    ),
    ("POST", "/api/v1/orgs/{org_id}/invitations", Admins),
];

/// The people of the seed (None: not signed in).
const ACTORS: &[Option<&str>] = &[
    None,
    Some("educator"),
    Some("facilitator"),
    Some("author"),
    Some("moderator"),
    Some("researcher"),
    Some("dadmin"),
    Some("ladmin"),
    Some("admin"),
];

/// Where each admin's scope reaches, by hand (see the tree in lyceum_testkit::seed).
fn administers(actor: &str, target: &str) -> bool {
    match actor {
        "admin" => true,
        "dadmin" => matches!(target, "district" | "school_a"),
        "ladmin" => matches!(target, "local" | "school_b"),
        _ => false,
    }
}

fn org(seed: &Seed, name: &str) -> OrgId {
    match name {
        "root" => seed.root,
        "state" => seed.state,
        "district" => seed.district,
        "school_a" => seed.school_a,
        "local" => seed.local,
        _ => seed.school_b,
    }
}

const TARGETS: &[&str] = &["root", "state", "district", "school_a", "local", "school_b"];

#[tokio::test]
async fn every_route_for_every_role_and_scope() {
    let app = TestApp::start().await;
    let seed = app.seed().await;

    let served: BTreeSet<String> = app
        .app()
        .routes
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    let listed: BTreeSet<String> = ROUTES.iter().map(|(m, p, _)| format!("{m} {p}")).collect();
    assert_eq!(
        served, listed,
        "the app's routes and this table differ: decide who may use each new route"
    );

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (method, path, who) in ROUTES {
        let targets: &[&str] = if path.contains("{org_id}") {
            TARGETS
        } else {
            &["-"]
        };
        for target in targets {
            let url = path
                .replace("{org_id}", &org(&seed, target).0.to_string())
                .replace("{file}", "missing.css")
                .replace("{token}", "not-a-real-token")
                .replace("{token_id}", "999999")
                .replace("{code_id}", "999999")
                .replace("{invitation_id}", "999999")
                .replace("{membership_id}", "999999")
                .replace("{provider_id}", "999999")
                .replace("{domain_id}", "999999")
                .replace("{framework_id}", "no-such-framework")
                .replace("{slug}", "no-such-course")
                .replace("{lesson_key}", "no-such-lesson")
                .replace("{code}", "no-such-certificate")
                .replace("{request_id}", "999999")
                .replace("{submission_id}", "999999")
                .replace("{draft_id}", "999999")
                .replace("{space_id}", "999999")
                .replace("{topic_id}", "999999")
                .replace("{post_id}", "999999");
            for actor in ACTORS {
                let allowed = match (who, actor) {
                    (Anyone, _) => true,
                    (_, None) => false,
                    (SignedIn, Some(_)) => true,
                    (Admins, Some(a)) => administers(a, target),
                    (Authors, Some(a)) => matches!(*a, "author" | "admin"),
                    (ProgrammeAdmins, Some(a)) => *a == "admin",
                };
                let api = path.starts_with("/api/");
                let mut req = client.request(method.parse().unwrap(), format!("{}{url}", app.url));
                if let Some(a) = actor {
                    let secret = credential(&app, seed.user(a), api).await;
                    req = if api {
                        req.bearer_auth(secret)
                    } else {
                        req.header("cookie", format!("lyceum_session={secret}"))
                    };
                }
                req = match (*method, api) {
                    ("GET", _) => req,
                    (_, true) => req.header("content-type", "application/json").body("{}"),
                    (_, false) => req
                        .header("origin", app.url.clone())
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(""),
                };
                let r = req.send().await.unwrap();
                let status = r.status().as_u16();
                let to_sign_in = r
                    .headers()
                    .get("location")
                    .is_some_and(|l| l.to_str().unwrap_or("").starts_with("/sign-in"));
                let refused = status == 401 || status == 403 || to_sign_in;
                if refused == allowed || status >= 500 {
                    failures.push(format!(
                        "{method} {path} [{target}] as {}: got {status}{}, expected {}",
                        actor.unwrap_or("anonymous"),
                        if to_sign_in { " (to sign-in)" } else { "" },
                        if allowed { "allowed" } else { "refused" }
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000);
}

/// A fresh session id (pages) or API token (API) for the person, made in the
/// database directly so that each request starts from a clean session.
async fn credential(app: &TestApp, user: UserId, api: bool) -> String {
    let (secret, _) = new_token().unwrap();
    let secret = if api { format!("lyc_{secret}") } else { secret };
    let hash = hash_token(&secret);
    let now = app.clock.now();
    app.db
        .write(move |c| {
            if api {
                api_tokens::create(c, user, "matrix", &hash, now, None).map(|_| ())
            } else {
                sessions::create(c, &hash, user, now, now.plus(Duration::from_secs(3600)))
            }
        })
        .await
        .unwrap();
    secret
}
