//! Another organisation's objects, and other people's, are out of reach by
//! id: an admin of one organisation who puts the id of an object belonging
//! to the organisation beside it into an address of their own (or of the
//! object's) is refused, and so is a person who puts in the id of someone
//! else's token, draft, request or hand-in — and nothing changes.
//!
//! The access matrix asks every route with ids that do not exist; here
//! every id is real: a join code, an invitation, a membership, a sign-in
//! provider, an email domain, a PD request and its file, a certificate, a
//! hand-in and its file, an API token and a course draft.

use diesel::prelude::*;
use lyceum_db::schema::{
    api_tokens, audit_log, certificates, course_drafts, invitations, join_codes, memberships,
    org_email_domains, pd_requests, sso_providers, task_submissions,
};
use lyceum_testkit::{
    OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcProvider, OutsidePd, PASSWORD, TestApp, TestUser,
};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::json;

const PDF: &[u8] = b"%PDF-1.7 private evidence";

/// Everything the attempts could change, read straight from the database.
async fn snapshot(app: &TestApp) -> String {
    app.db
        .read(|c| {
            let codes: Vec<(i64, i64, Option<i64>, i32)> = join_codes::table
                .select((
                    join_codes::id,
                    join_codes::org_id,
                    join_codes::revoked_at,
                    join_codes::uses,
                ))
                .order(join_codes::id)
                .load(c)?;
            let invites: Vec<(i64, i64, Option<i64>, Option<i64>)> = invitations::table
                .select((
                    invitations::id,
                    invitations::org_id,
                    invitations::revoked_at,
                    invitations::accepted_at,
                ))
                .order(invitations::id)
                .load(c)?;
            let roles: Vec<(i64, i64, i64, String)> = memberships::table
                .select((
                    memberships::id,
                    memberships::user_id,
                    memberships::org_id,
                    memberships::role,
                ))
                .order(memberships::id)
                .load(c)?;
            let providers: Vec<(i64, i64, String, String, i64)> = sso_providers::table
                .select((
                    sso_providers::id,
                    sso_providers::org_id,
                    sso_providers::name,
                    sso_providers::issuer,
                    sso_providers::updated_at,
                ))
                .order(sso_providers::id)
                .load(c)?;
            let domains: Vec<(String, i64)> = org_email_domains::table
                .select((org_email_domains::domain, org_email_domains::org_id))
                .order(org_email_domains::domain)
                .load(c)?;
            let requests: Vec<(i64, String, Option<i64>)> = pd_requests::table
                .select((
                    pd_requests::id,
                    pd_requests::status,
                    pd_requests::reviewer_id,
                ))
                .order(pd_requests::id)
                .load(c)?;
            let certs: Vec<(i64, Option<i64>)> = certificates::table
                .select((certificates::id, certificates::revoked_at))
                .order(certificates::id)
                .load(c)?;
            let hand_ins: Vec<(i64, String, Option<i64>)> = task_submissions::table
                .select((
                    task_submissions::id,
                    task_submissions::status,
                    task_submissions::reviewer_id,
                ))
                .order(task_submissions::id)
                .load(c)?;
            let tokens: Vec<(i64, Option<i64>)> = api_tokens::table
                .select((api_tokens::id, api_tokens::revoked_at))
                .order(api_tokens::id)
                .load(c)?;
            let drafts: Vec<(i64, String, String, i64)> = course_drafts::table
                .select((
                    course_drafts::id,
                    course_drafts::document,
                    course_drafts::status,
                    course_drafts::updated_at,
                ))
                .order(course_drafts::id)
                .load(c)?;
            let audited: i64 = audit_log::table.count().get_result(c)?;
            Ok(format!(
                "codes {codes:?}\ninvitations {invites:?}\nroles {roles:?}\n\
                 providers {providers:?}\ndomains {domains:?}\nrequests {requests:?}\n\
                 certificates {certs:?}\nhand-ins {hand_ins:?}\ntokens {tokens:?}\n\
                 drafts {drafts:?}\naudit entries {audited}"
            ))
        })
        .await
        .unwrap()
}

async fn one(
    app: &TestApp,
    sql: impl Fn(&mut lyceum_db::DbConn) -> QueryResult<i64> + Send + 'static,
) -> i64 {
    app.db.read(move |c| Ok(sql(c)?)).await.unwrap()
}

fn courses() -> [serde_json::Value; 2] {
    let base = |slug: &str, lesson: serde_json::Value| {
        json!({
            "format": "lyceum-course/1", "slug": slug, "language": "en",
            "title": format!("Course {slug}"), "summary": "A course.", "pd_hours": 1,
            "delivery": "self-paced", "licence": "CC BY 4.0",
            "modules": [{ "title": "One", "lessons": ["one"] }],
            "lessons": { "one": lesson },
        })
    };
    [
        base(
            "read-and-done",
            json!({ "title": "Read", "markdown": "Read this." }),
        ),
        base(
            "hand-a-file-in",
            json!({ "title": "Task", "markdown": "Do it.", "task": {
                "instructions": "Hand in a file.",
                "rubric": [{ "key": "done", "text": "Done" }],
                "artefacts": ["file"] } }),
        ),
    ]
}

/// How a request is sent.
#[derive(Debug, Clone, Copy)]
enum How {
    Get,
    Post(&'static [(&'static str, &'static str)]),
    /// The JSON API, with the person's token.
    ApiDelete,
}

#[tokio::test]
async fn objects_of_another_organisation_or_person_are_refused_by_id_and_unchanged() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let idp = OidcProvider::start(TestUser::new("idp-a", "a@district.example.org", "A")).await;
    let mut people = std::collections::HashMap::new();
    for who in [
        "educator",
        "facilitator",
        "dadmin",
        "ladmin",
        "author",
        "admin",
    ] {
        let b = app.browser();
        b.sign_in(s.email(who), PASSWORD).await;
        people.insert(who, b);
    }
    let (district, local) = (s.district.0, s.local.0);
    let dadmin = &people["dadmin"];
    let educator = &people["educator"];

    // The district's objects, made as its admin makes them.
    dadmin
        .post(
            &format!("/orgs/{district}/admin/join-codes"),
            &[("role", "educator")],
        )
        .await
        .expect("The join code was created");
    let code_id = one(&app, move |c| {
        join_codes::table
            .filter(join_codes::org_id.eq(district))
            .select(join_codes::id)
            .first(c)
    })
    .await;
    dadmin
        .post(
            &format!("/orgs/{district}/admin/invitations"),
            &[
                ("email", "newcomer@district.example.org"),
                ("role", "educator"),
            ],
        )
        .await;
    let invitation = one(&app, move |c| {
        invitations::table
            .filter(invitations::org_id.eq(district))
            .select(invitations::id)
            .first(c)
    })
    .await;
    let facilitator = s.user("facilitator").0;
    let membership = one(&app, move |c| {
        memberships::table
            .filter(memberships::user_id.eq(facilitator))
            .filter(memberships::org_id.eq(district))
            .select(memberships::id)
            .first(c)
    })
    .await;
    dadmin
        .post(
            &format!("/orgs/{district}/admin/sso"),
            &[
                ("name", "District Google"),
                ("issuer", &idp.issuer),
                ("client_id", OIDC_CLIENT_ID),
                ("client_secret", OIDC_CLIENT_SECRET),
                ("domains", "district.example.org"),
            ],
        )
        .await
        .expect("The sign-in provider was added");
    let provider = one(&app, move |c| {
        sso_providers::table
            .filter(sso_providers::org_id.eq(district))
            .select(sso_providers::id)
            .first(c)
    })
    .await;

    // The educator's: a PD request with a file, a hand-in with a file, a
    // certificate and an API token; the programme author's draft.
    let asked = educator
        .post_multipart(
            "/transcript/outside",
            OutsidePd::new(s.school_a, "Summer institute")
                .hours("6")
                .completed_on("2026-07-02")
                .evidence_url("")
                .evidence_file("attendance.pdf", PDF)
                .form(),
        )
        .await;
    asked.expect("Your request was sent");
    let request = one(&app, |c| {
        pd_requests::table.select(pd_requests::id).first(c)
    })
    .await;
    for course in courses() {
        app.import_course(&course, None).await;
    }
    educator.post("/courses/read-and-done/enrol", &[]).await;
    educator
        .post("/courses/read-and-done/lessons/one/finish", &[])
        .await;
    let certificate = crate::personal_data::first_certificate_code(&app).await;
    educator.post("/courses/hand-a-file-in/enrol", &[]).await;
    educator
        .post_multipart(
            "/courses/hand-a-file-in/lessons/one/task",
            Form::new().part(
                "artefact_file",
                Part::bytes(PDF.to_vec()).file_name("work.pdf"),
            ),
        )
        .await
        .expect("Handed in");
    let hand_in = one(&app, |c| {
        task_submissions::table
            .select(task_submissions::id)
            .first(c)
    })
    .await;
    crate::api::token_for(&app, s.email("educator")).await;
    let educator_id = s.user("educator").0;
    let token = one(&app, move |c| {
        api_tokens::table
            .filter(api_tokens::user_id.eq(educator_id))
            .select(api_tokens::id)
            .first(c)
    })
    .await;
    let draft_doc = json!({
        "format": "lyceum-course/1", "slug": "authors-own", "language": "en",
        "title": "The author's own", "summary": "Not sent yet.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Mine." } },
    })
    .to_string();
    let draft = people["author"]
        .post_multipart(
            "/authoring",
            Form::new().part(
                "file",
                Part::bytes(draft_doc.into_bytes()).file_name("c.json"),
            ),
        )
        .await
        .path;
    assert!(draft.starts_with("/authoring/"), "{draft}");

    // (who, how, where) — by hand. The local's admin sits beside the district.
    let attempts: Vec<(&str, How, String)> = vec![
        // Through the local's own addresses, with the district's ids.
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{local}/admin/join-codes/{code_id}/revoke"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{local}/admin/invitations/{invitation}/revoke"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{local}/admin/roles/{membership}/remove"),
        ),
        (
            "ladmin",
            How::ApiDelete,
            format!("/api/v1/orgs/{local}/memberships/{membership}"),
        ),
        (
            "ladmin",
            How::Get,
            format!("/orgs/{local}/admin/sso/{provider}"),
        ),
        (
            "ladmin",
            How::Post(&[
                ("name", "Hijacked"),
                ("issuer", "https://evil.example"),
                ("client_id", "x"),
                ("client_secret", "x"),
                ("domains", "district.example.org"),
            ]),
            format!("/orgs/{local}/admin/sso/{provider}"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{local}/admin/sso/{provider}/remove"),
        ),
        (
            "ladmin",
            How::Post(&[("domain", "district.example.org")]),
            format!("/orgs/{local}/admin/domains/remove"),
        ),
        (
            "ladmin",
            How::Post(&[("domain", "district.example.org")]),
            format!("/orgs/{local}/admin/domains"),
        ),
        (
            "ladmin",
            How::Post(&[("decision", "approved")]),
            format!("/orgs/{local}/admin/pd-requests/{request}/decide"),
        ),
        (
            "ladmin",
            How::Get,
            format!("/orgs/{local}/admin/pd-requests/{request}/evidence"),
        ),
        (
            "ladmin",
            How::Post(&[("reason", "Taken away")]),
            format!("/orgs/{local}/admin/certificates/{certificate}/revoke"),
        ),
        (
            "ladmin",
            How::Post(&[("decision", "accepted"), ("met", "done")]),
            format!("/review/{hand_in}"),
        ),
        ("ladmin", How::Get, format!("/review/{hand_in}/file")),
        // Through the district's addresses: the gate refuses first.
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{district}/admin/join-codes/{code_id}/revoke"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{district}/admin/invitations/{invitation}/revoke"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{district}/admin/roles/{membership}/remove"),
        ),
        (
            "ladmin",
            How::Post(&[]),
            format!("/orgs/{district}/admin/sso/{provider}/remove"),
        ),
        (
            "ladmin",
            How::Post(&[("decision", "approved")]),
            format!("/orgs/{district}/admin/pd-requests/{request}/decide"),
        ),
        (
            "ladmin",
            How::Post(&[("reason", "Taken away")]),
            format!("/orgs/{district}/admin/certificates/{certificate}/revoke"),
        ),
        // Someone else's own things, by someone who is not them.
        (
            "facilitator",
            How::Post(&[]),
            format!("/account/tokens/{token}/revoke"),
        ),
        (
            "facilitator",
            How::Get,
            format!("/transcript/outside/{request}/evidence"),
        ),
        ("author", How::Get, format!("/review/{hand_in}/file")),
        (
            "author",
            How::Post(&[("decision", "accepted"), ("met", "done")]),
            format!("/review/{hand_in}"),
        ),
        ("admin", How::Get, draft.clone()),
        (
            "admin",
            How::Post(&[("document", "{}"), ("action", "save")]),
            draft.clone(),
        ),
        (
            "admin",
            How::Post(&[("decision", "publish")]),
            format!("{draft}/review"),
        ),
    ];

    let before = snapshot(&app).await;
    let ladmin_token = crate::api::token_for(&app, s.email("ladmin")).await;
    let before_token = snapshot(&app).await;
    let mut failures = Vec::new();
    for (who, how, path) in &attempts {
        let b = &people[who];
        let (status, body) = match how {
            How::Get => {
                let p = b.get(path).await;
                (p.status, p.body)
            }
            How::Post(form) => {
                let p = b.post(path, form).await;
                (p.status, p.body)
            }
            How::ApiDelete => {
                let r = b
                    .request(Method::DELETE, path)
                    .bearer_auth(&ladmin_token)
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        // Claiming a domain another organisation holds is a refused form.
        let refused = matches!(status, 403 | 404) || (status == 422 && path.ends_with("/domains"));
        if !refused {
            failures.push(format!("{how:?} {path} as {who}: {status}"));
        }
        for secret in ["private evidence", "District Google"] {
            if body.contains(secret) {
                failures.push(format!("{path} as {who} showed {secret:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        snapshot(&app).await,
        before_token,
        "a refused attempt changed something"
    );
    assert_ne!(before, before_token, "the snapshot sees new tokens");

    // The same ids work for their owners: each attempt above was aimed right.
    let facilitator = &people["facilitator"];
    assert_eq!(
        dadmin
            .get(&format!(
                "/orgs/{district}/admin/pd-requests/{request}/evidence"
            ))
            .await
            .body,
        String::from_utf8_lossy(PDF)
    );
    assert_eq!(
        educator
            .get(&format!("/transcript/outside/{request}/evidence"))
            .await
            .status,
        200
    );
    assert_eq!(
        facilitator
            .get(&format!("/review/{hand_in}/file"))
            .await
            .status,
        200
    );
    assert_eq!(people["author"].get(&draft).await.status, 200);
    dadmin
        .get(&format!("/orgs/{district}/admin/sso/{provider}"))
        .await
        .expect("District Google");
    for (b, path, form, said) in [
        (
            dadmin,
            format!("/orgs/{district}/admin/join-codes/{code_id}/revoke"),
            &[][..],
            "The join code no longer works",
        ),
        (
            dadmin,
            format!("/orgs/{district}/admin/invitations/{invitation}/revoke"),
            &[][..],
            "The invitation was withdrawn",
        ),
        (
            dadmin,
            format!("/orgs/{district}/admin/certificates/{certificate}/revoke"),
            &[("reason", "Issued in error")][..],
            "This certificate was revoked",
        ),
        (
            facilitator,
            format!("/review/{hand_in}"),
            &[("decision", "accepted"), ("met", "done")][..],
            "Review saved",
        ),
        (
            educator,
            format!("/account/tokens/{token}/revoke"),
            &[][..],
            "The token no longer works",
        ),
        (
            dadmin,
            format!("/orgs/{district}/admin/sso/{provider}/remove"),
            &[][..],
            "The sign-in provider was removed",
        ),
        // Last: the facilitator reviewed above under this role.
        (
            dadmin,
            format!("/orgs/{district}/admin/roles/{membership}/remove"),
            &[][..],
            "The role was removed",
        ),
    ] {
        let page = b.post(&path, form).await;
        assert!(page.status < 400, "{path}: {}", page.status);
        page.expect(said);
    }
}
