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

/// Every unsafe route of the pages, iterated from the app's own route list,
/// refuses a form posted from another site before it does anything — even
/// for the programme admin, who may use them all — and the same request
/// from our own pages is let through to the route.
#[tokio::test]
async fn every_unsafe_page_route_refuses_other_sites() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let audited = || async {
        app.db
            .read(|c| {
                use diesel::prelude::*;
                Ok(lyceum_db::schema::audit_log::table
                    .count()
                    .get_result::<i64>(c)?)
            })
            .await
            .unwrap()
    };
    let routes: Vec<(String, String)> = app
        .app()
        .routes
        .iter()
        .filter(|r| r.method != "GET" && !r.path.starts_with("/api/"))
        .map(|r| {
            let mut path = r.path.replace("{org_id}", &s.district.0.to_string());
            // Every other id: one that exists nowhere (the refusal comes first).
            while let Some(start) = path.find('{') {
                let end = path[start..].find('}').unwrap() + start;
                path.replace_range(start..=end, "999999");
            }
            (r.method.to_string(), path)
        })
        .collect();
    assert!(routes.len() >= 50, "{}", routes.len());
    let before = audited().await;
    let form = [
        ("name", "Renamed by an attacker"),
        ("email", "x@evil.example"),
    ];
    let mut failures = Vec::new();
    for (method, path) in &routes {
        assert_eq!(method, "POST", "{path}: a new unsafe method for pages");
        for headers in [
            &[("sec-fetch-site", "cross-site")][..],
            &[("sec-fetch-site", "same-site")][..],
            &[("origin", "https://evil.example")][..],
            &[("origin", "null")][..],
            // A browser that sends both: the fetch metadata decides.
            &[
                ("sec-fetch-site", "cross-site"),
                ("origin", app.url.as_str()),
            ][..],
        ] {
            let page = admin.post_with(path, &form, headers).await;
            if page.status != 403 {
                failures.push(format!("{path} {headers:?}: {}", page.status));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(audited().await, before, "a refused post changed something");
    let page = admin.get(&format!("/orgs/{}", s.district.0)).await;
    assert!(!page.contains("Renamed by an attacker"));

    // From our own pages each reaches its route (so the 403s above were the
    // origin check, not the route). Last: some of these sign out.
    for (_, path) in &routes {
        let ours = admin
            .post_with(path, &[], &[("sec-fetch-site", "same-origin")])
            .await;
        if ours.status == 403 || ours.status >= 500 {
            failures.push(format!("{path} from our own page: {}", ours.status));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
