//! Outside PD hours: an educator asks with evidence; an admin of their
//! organisation approves (the hours reach the transcript), returns or
//! rejects with a comment; admins elsewhere see nothing.

use diesel::prelude::*;
use lyceum_db::schema::pd_requests;
use lyceum_domain::OrgId;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_testkit::{OutsidePd, PASSWORD, Seed, TestApp};
use reqwest::multipart::Form;

fn form(s: &Seed, title: &str, hours: &str, date: &str, link: &str, file: Option<&[u8]>) -> Form {
    let asked = OutsidePd::new(s.school_a, title)
        .hours(hours)
        .completed_on(date)
        .evidence_url(link);
    match file {
        Some(bytes) => asked.evidence_file("attendance.pdf", bytes).form(),
        None => asked.form(),
    }
}

#[tokio::test]
async fn outside_hours_are_asked_for_then_approved_returned_or_rejected() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator
        .get("/transcript/outside")
        .await
        .expect("Ask for outside PD hours")
        .expect("Lincoln Elementary");
    let send = |f: Form| educator.post_multipart("/transcript/outside", f);

    // Mistakes come back by field, nothing saved.
    let r = send(form(
        &s,
        " ",
        "0.3",
        "2999-01-01",
        "",
        Some(b"MZ not a pdf"),
    ))
    .await;
    assert_eq!(r.status, 422);
    let page = r.body;
    for message in [
        "Enter a title.",
        "Enter hours in quarter hours, from 0.25 to 100",
        "The date cannot be in the future.",
        "The file must be a PDF, PNG or JPEG.",
    ] {
        assert!(page.contains(message), "{message}: {page}");
    }
    educator.get("/transcript").await.expect("No PD hours yet");

    // Three requests: a link, a PDF, and one more.
    for (title, hours, file) in [
        ("State AI summit", "3,5", None),
        (
            "University course on AI ethics",
            "12",
            Some(&b"%PDF-1.7 certificate"[..]),
        ),
        ("Vendor webinar", "1", None),
    ] {
        let r = send(form(
            &s,
            title,
            hours,
            "2026-10-02",
            "https://example.org/proof",
            file,
        ))
        .await;
        assert_eq!(r.status, 200);
        r.expect("Your request was sent");
    }
    educator
        .get("/transcript")
        .await
        .expect_row(&["3.5", "Waiting for approval"]);

    // Another district's admin sees none of them.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let theirs = ladmin
        .get(&format!("/orgs/{}/admin/pd-requests", s.local.0))
        .await;
    theirs.expect("No requests are waiting.");

    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/pd-requests", s.district.0);
    let list = dadmin.get(&base).await;
    list.expect("State AI summit")
        .expect("Test educator · Lincoln Elementary")
        .expect("Download the file");
    let ids: Vec<i64> = list
        .body
        .split("/admin/pd-requests/")
        .skip(1)
        .filter_map(|rest| rest.split('/').next()?.parse().ok())
        .collect::<std::collections::BTreeSet<i64>>()
        .into_iter()
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let (summit, course, webinar) = (ids[0], ids[1], ids[2]);

    // The evidence file, for the admin here; not for the one elsewhere.
    let file = dadmin.get(&format!("{base}/{course}/evidence")).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(file.body, "%PDF-1.7 certificate");
    let elsewhere = ladmin
        .get(&format!(
            "/orgs/{}/admin/pd-requests/{course}/evidence",
            s.local.0
        ))
        .await;
    assert_eq!(elsewhere.status, 404);
    let refused = ladmin
        .post(
            &format!("/orgs/{}/admin/pd-requests/{summit}/decide", s.local.0),
            &[("decision", "approved")],
        )
        .await;
    assert_eq!(refused.status, 404);

    // Returning needs a comment.
    let bare = dadmin
        .post(
            &format!("{base}/{webinar}/decide"),
            &[("decision", "returned"), ("comment", "")],
        )
        .await;
    assert_eq!(bare.status, 422);
    bare.expect(&format!("href=\"#f-comment-{webinar}\""));
    dadmin
        .post(
            &format!("{base}/{webinar}/decide"),
            &[
                ("decision", "rejected"),
                ("comment", "Vendor webinars do not count."),
            ],
        )
        .await
        .expect("The request was decided.");
    dadmin
        .post(
            &format!("{base}/{course}/decide"),
            &[
                ("decision", "returned"),
                ("comment", "Please add the transcript page."),
            ],
        )
        .await;
    dadmin
        .post(
            &format!("{base}/{summit}/decide"),
            &[("decision", "approved"), ("comment", "")],
        )
        .await
        .expect("No requests are waiting.");
    // Decided once: deciding again is refused.
    let again = dadmin
        .post(
            &format!("{base}/{summit}/decide"),
            &[("decision", "approved")],
        )
        .await;
    assert_eq!(again.status, 404);

    let transcript = educator.get("/transcript").await;
    transcript
        .expect("2026–27 school year: 3.5 PD hours")
        .expect_row(&["State AI summit", "Outside activity", "3.5"])
        .expect_row(&["Returned", "Please add the transcript page."])
        .expect_row(&["Rejected", "Vendor webinars do not count."]);
    let own = educator
        .get(&format!("/transcript/outside/{course}/evidence"))
        .await;
    assert_eq!(own.status, 200);
    let other = app.browser();
    other.sign_in(s.email("facilitator"), PASSWORD).await;
    assert_eq!(
        other
            .get(&format!("/transcript/outside/{course}/evidence"))
            .await
            .status,
        404
    );
}

/// Sends a request for 40 hours as `b` to `org`; returns its id.
async fn ask(app: &TestApp, b: &lyceum_testkit::Browser, org: OrgId, title: &str) -> i64 {
    b.post_multipart("/transcript/outside", OutsidePd::new(org, title).form())
        .await
        .expect("Your request was sent");
    let title = title.to_string();
    app.db
        .read(move |c| {
            Ok(pd_requests::table
                .filter(pd_requests::title.eq(title))
                .select(pd_requests::id)
                .first::<i64>(c)?)
        })
        .await
        .unwrap()
}

/// An admin of `org` who is in the seed's tree but not its list of people.
async fn admin_at(app: &TestApp, org: OrgId, email: &'static str) {
    app.person(email, "Test sadmin", Role::OrgAdmin, org, Lang::En)
        .await;
}

#[tokio::test]
async fn nobody_decides_their_own_request() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // A state admin above the district.
    admin_at(&app, s.state, "sadmin@example.org").await;

    // The district's admin asks his own district for 40 hours.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let id = ask(&app, &dadmin, s.district, "Self-approved summit").await;
    let base = format!("/orgs/{}/admin/pd-requests", s.district.0);
    // It is not in his queue, and deciding it is refused.
    let queue = dadmin.get(&base).await;
    assert!(!queue.contains("Self-approved summit"), "{}", queue.body);
    let r = dadmin
        .post(&format!("{base}/{id}/decide"), &[("decision", "approved")])
        .await;
    assert_eq!(r.status, 403);
    dadmin
        .get("/transcript")
        .await
        .expect("Waiting for approval");

    // The state's admins, above him, see and decide it.
    let sadmin = app.browser();
    sadmin.sign_in("sadmin@example.org", PASSWORD).await;
    let state_queue = format!("/orgs/{}/admin/pd-requests", s.state.0);
    sadmin
        .get(&state_queue)
        .await
        .expect("Self-approved summit")
        .expect("Test dadmin · Columbus City Schools");
    sadmin
        .post(
            &format!("{state_queue}/{id}/decide"),
            &[("decision", "approved")],
        )
        .await
        .expect("The request was decided.");
    dadmin
        .get("/transcript")
        .await
        .expect_row(&["Self-approved summit", "Outside activity", "40"]);

    // A programme admin's own request: only another programme admin decides it.
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let own = ask(&app, &admin, s.root, "Programme admin's own course").await;
    let root_queue = format!("/orgs/{}/admin/pd-requests", s.root.0);
    assert!(
        !admin
            .get(&root_queue)
            .await
            .contains("Programme admin's own course")
    );
    let r = admin
        .post(
            &format!("{root_queue}/{own}/decide"),
            &[("decision", "approved")],
        )
        .await;
    assert_eq!(r.status, 403);
}
