//! An organisation admin's daily work: the overview of what waits, a
//! person's record (only what lies inside the admin's organisation),
//! sending an invitation again (a new link, the old void, not too often),
//! and the history of decided PD requests — on the pages and over the API,
//! never reaching outside the admin's organisation.

use super::api::{call, token_for};
use super::learning::{COURSE, course};
use diesel::prelude::*;
use lyceum_db::memberships;
use lyceum_db::schema::{audit_log, invitations};
use lyceum_domain::role::Role;
use lyceum_testkit::{OutsidePd, PASSWORD, Seed, TestApp};
use reqwest::Method;
use std::time::Duration;

async fn ask(app: &TestApp, s: &Seed, title: &str, hours: &str) {
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    let form = OutsidePd::new(s.school_a, title)
        .hours(hours)
        .completed_on("2026-10-02")
        .evidence_url("https://example.org/proof")
        .form();
    let r = educator.post_multipart("/transcript/outside", form).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// The ids of the requests waiting on the admin's page, oldest first.
fn waiting_ids(body: &str) -> Vec<i64> {
    body.split("/admin/pd-requests/")
        .skip(1)
        .filter_map(|rest| rest.split('/').next()?.parse().ok())
        .collect::<std::collections::BTreeSet<i64>>()
        .into_iter()
        .collect()
}

#[tokio::test]
async fn the_overview_counts_what_waits_and_leads_to_each_tab() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    ask(&app, &s, "State AI summit", "3.5").await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    dadmin
        .post(
            &format!("/orgs/{}/admin/invitations", s.district),
            &[("email", "new@example.org"), ("role", "educator")],
        )
        .await
        .expect("The invitation was sent");

    // The organisation's page and the home lead to the overview.
    dadmin
        .get(&format!("/orgs/{}", s.district))
        .await
        .expect(&format!("href=\"/orgs/{}/admin/overview\"", s.district));
    let overview = dadmin
        .get(&format!("/orgs/{}/admin/overview", s.district))
        .await;
    overview
        .expect("<h1>Overview</h1>")
        .expect("1 PD request to decide")
        .expect("1 invitation waiting for an answer")
        .expect("No roster imported yet")
        .expect(&format!("href=\"/orgs/{}/admin/pd-requests\"", s.district))
        .expect("aria-current=\"page\">Overview");
    // The school below has no invitations of its own; the request went there.
    dadmin
        .get(&format!("/orgs/{}/admin/overview", s.school_a))
        .await
        .expect("1 PD request to decide")
        .expect("No invitations waiting for an answer");

    // The same counts over the API.
    let token = token_for(&app, s.email("dadmin")).await;
    let (status, o) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/overview", s.district),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{o}");
    assert_eq!(o["pd_requests_waiting"], 1);
    assert_eq!(o["invitations_waiting"], 1);
    assert!(o["last_roster_import"].is_null());

    // The admin beside them sees nothing of it.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let refused = ladmin
        .get(&format!("/orgs/{}/admin/overview", s.district))
        .await;
    assert_eq!(refused.status, 403);
    let theirs = token_for(&app, s.email("ladmin")).await;
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/overview", s.district),
        Some(&theirs),
        None,
    )
    .await;
    assert_eq!(status, 403);
    ladmin
        .get(&format!("/orgs/{}/admin/overview", s.local))
        .await
        .expect("No PD requests to decide");

    // In Spanish (the choice stays with the account).
    let es = app.browser();
    es.sign_in(s.email("dadmin"), PASSWORD).await;
    es.post("/language", &[("lang", "es")]).await;
    es.get(&format!("/orgs/{}/admin/overview", s.district))
        .await
        .expect("1 solicitud de horas de DP por decidir");
}

#[tokio::test]
async fn a_person_record_shows_only_what_lies_inside_the_admins_organisation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    // The educator also belongs to the local's school.
    let (educator_id, school_b) = (s.user("educator"), s.school_b);
    app.db
        .write(move |c| {
            let org = lyceum_db::orgs::get(c, school_b)?;
            memberships::add(
                c,
                educator_id,
                &org,
                Role::Educator,
                lyceum_domain::Timestamp::from_micros(1),
            )
        })
        .await
        .unwrap();
    // A course the local keeps to itself, which the educator follows too.
    let mut local_course = course(false);
    local_course["slug"] = serde_json::json!("riverside-only");
    local_course["title"] = serde_json::json!("Riverside members course");
    app.import_course(&local_course, Some(s.local)).await;
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    educator.post(&format!("{COURSE}/enrol"), &[]).await;
    educator
        .post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    educator.post("/courses/riverside-only/enrol", &[]).await;
    ask(&app, &s, "State AI summit", "3.5").await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let queue = dadmin
        .get(&format!("/orgs/{}/admin/pd-requests", s.district))
        .await;
    let id = waiting_ids(&queue.body)[0];
    dadmin
        .post(
            &format!("/orgs/{}/admin/pd-requests/{id}/decide", s.district),
            &[("decision", "approved"), ("comment", "")],
        )
        .await
        .expect("The request was decided");

    // The directory leads to the record.
    let record_path = format!("/orgs/{}/people/{}", s.district, educator_id.0);
    dadmin
        .get(&format!("/orgs/{}/people?q=educator", s.district))
        .await
        .expect(&format!("href=\"{record_path}\""));
    let record = dadmin.get(&record_path).await;
    record
        .expect("<h1>Test educator</h1>")
        .expect("educator@example.org")
        .expect("Lincoln Elementary")
        .expect("Designing an AI-aware assignment")
        .expect("1 of 3 lessons finished")
        .expect("3.5 PD hours in 1 entry.");
    // Their role at the local's school is not the district admin's business,
    // nor a course the local keeps to itself.
    assert!(!record.contains("Riverside Middle"), "{}", record.body);
    assert!(
        !record.contains("Riverside members course"),
        "{}",
        record.body
    );

    // The local's admin sees the local's side of them, and only that.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let theirs = ladmin
        .get(&format!("/orgs/{}/people/{}", s.local, educator_id.0))
        .await;
    theirs
        .expect("Riverside Middle")
        .expect("Riverside members course");
    assert!(!theirs.contains("Lincoln Elementary"), "{}", theirs.body);
    // Someone only in the district is nobody, from the local.
    let facilitator = s.user("facilitator").0;
    let hidden = ladmin
        .get(&format!("/orgs/{}/people/{facilitator}", s.local))
        .await;
    assert_eq!(hidden.status, 404);
    // And the district's address is not theirs to use.
    let refused = ladmin.get(&record_path).await;
    assert_eq!(refused.status, 403);
    // A school admin's record of someone above them: not found.
    let dadmin_id = s.user("dadmin").0;
    let above = dadmin
        .get(&format!("/orgs/{}/people/{dadmin_id}", s.school_a))
        .await;
    assert_eq!(above.status, 404);

    // The API says the same, with the same limits.
    let token = token_for(&app, s.email("dadmin")).await;
    let (status, r) = call(
        &app,
        Method::GET,
        &format!("/api/v1{record_path}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["person"]["roles"].as_array().unwrap().len(), 1);
    assert_eq!(r["person"]["roles"][0]["org_id"], s.school_a.0);
    assert_eq!(r["courses"][0]["lessons_finished"], 1);
    assert_eq!(r["pd_hours"], 3.5);
    let theirs = token_for(&app, s.email("ladmin")).await;
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/people/{facilitator}", s.local),
        Some(&theirs),
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn an_invitation_is_sent_again_with_a_new_link_not_too_often() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/invitations", s.school_a);
    dadmin
        .post(&base, &[("email", "nia@example.org"), ("role", "educator")])
        .await
        .expect("The invitation was sent");
    let first = app
        .mail_to("nia@example.org")
        .await
        .link_path("/invitations/");
    let id: i64 = app
        .db
        .read(|c| Ok(invitations::table.select(invitations::id).first::<i64>(c)?))
        .await
        .unwrap();
    dadmin
        .get(&base)
        .await
        .expect(&format!("{base}/{id}/resend"))
        .expect("Send the invitation to nia@example.org again");

    // Just sent: too soon, said beside the invitation, nothing changed.
    let soon = dadmin.post(&format!("{base}/{id}/resend"), &[]).await;
    assert_eq!(soon.status, 422);
    soon.expect("This invitation was sent less than 10 minutes ago")
        .expect(&format!("href=\"#f-invitation-{id}\""));
    app.browser()
        .get(&first)
        .await
        .expect("Create your account for nia@example.org");

    // Later: a new link; the old one no longer works.
    app.clock.advance(Duration::from_secs(11 * 60));
    dadmin
        .post(&format!("{base}/{id}/resend"), &[])
        .await
        .expect("The invitation was sent again with a new link");
    let second = app
        .mail_to("nia@example.org")
        .await
        .link_path("/invitations/");
    assert_ne!(first, second);
    let old = app.browser().get(&first).await;
    assert!(!old.contains("Create your account"), "{}", old.body);
    app.browser()
        .get(&second)
        .await
        .expect("Create your account for nia@example.org");
    let audited: i64 = app
        .db
        .read(|c| {
            Ok(audit_log::table
                .filter(audit_log::action.eq("org.invitation_resent"))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // Over the API: too soon again, then sent.
    let token = token_for(&app, s.email("dadmin")).await;
    let api = format!("/api/v1/orgs/{}/invitations/{id}/resend", s.school_a);
    let (status, e) = call(&app, Method::POST, &api, Some(&token), None).await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["error"]["fields"][0]["field"], "invitation");
    app.clock.advance(Duration::from_secs(11 * 60));
    let (status, r) = call(&app, Method::POST, &api, Some(&token), None).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["email"], "nia@example.org");

    // Another organisation's admin cannot send it, by its address or theirs.
    app.clock.advance(Duration::from_secs(11 * 60));
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let r = ladmin.post(&format!("{base}/{id}/resend"), &[]).await;
    assert_eq!(r.status, 403);
    let r = ladmin
        .post(
            &format!("/orgs/{}/admin/invitations/{id}/resend", s.local),
            &[],
        )
        .await;
    assert_eq!(r.status, 404);
    let theirs = token_for(&app, s.email("ladmin")).await;
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/invitations/{id}/resend", s.local),
        Some(&theirs),
        None,
    )
    .await;
    assert_eq!(status, 404);
    // A withdrawn invitation is not sent again.
    dadmin
        .post(&format!("{base}/{id}/revoke"), &[])
        .await
        .expect("The invitation was withdrawn");
    let r = dadmin.post(&format!("{base}/{id}/resend"), &[]).await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn decided_pd_requests_have_a_history_within_the_admins_organisation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    ask(&app, &s, "State AI summit", "3.5").await;
    ask(&app, &s, "Vendor webinar", "1").await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/pd-requests", s.district);
    let page = dadmin.get(&base).await;
    page.expect("No requests have been decided here yet.");
    let ids = waiting_ids(&page.body);
    assert_eq!(ids.len(), 2);
    dadmin
        .post(
            &format!("{base}/{}/decide", ids[0]),
            &[("decision", "approved"), ("comment", "")],
        )
        .await
        .expect("The request was decided");
    app.clock.advance(Duration::from_secs(60));
    dadmin
        .post(
            &format!("{base}/{}/decide", ids[1]),
            &[
                ("decision", "rejected"),
                ("comment", "Vendor webinars do not count."),
            ],
        )
        .await
        .expect("The request was decided");

    let page = dadmin.get(&base).await;
    page.expect("Decided requests")
        .expect("<td role=\"cell\" data-label=\"Activity\">Vendor webinar</td>")
        .expect("<td role=\"cell\" data-label=\"Decision\">Rejected</td>")
        .expect("<td role=\"cell\" data-label=\"Decided by\">Test dadmin</td>")
        .expect("<td role=\"cell\" data-label=\"Reason\">Vendor webinars do not count.</td>")
        .expect("<td role=\"cell\" data-label=\"Decision\">Approved</td>");
    // The most recent decision first.
    let webinar = page.body.find("Vendor webinar").unwrap();
    let summit = page.body.find("State AI summit").unwrap();
    assert!(webinar < summit, "{}", page.body);
    assert!(!page.contains("Next page"));

    // Over the API, paged.
    let token = token_for(&app, s.email("dadmin")).await;
    let (status, d) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/pd-requests/decided", s.district),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["requests"].as_array().unwrap().len(), 2);
    assert_eq!(d["requests"][0]["request"]["status"], "rejected");
    assert_eq!(d["requests"][0]["decider"], "Test dadmin");
    assert_eq!(
        d["requests"][0]["request"]["comment"],
        "Vendor webinars do not count."
    );
    assert!(d["next_page"].is_null());
    let (_, second) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/pd-requests/decided?page=2", s.district),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(second["requests"].as_array().unwrap().len(), 0);

    // The local's admin sees none of the district's history.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let theirs = ladmin
        .get(&format!("/orgs/{}/admin/pd-requests", s.local))
        .await;
    theirs.expect("No requests have been decided here yet.");
    assert!(!theirs.contains("Vendor webinar"));
    let r = ladmin.get(&base).await;
    assert_eq!(r.status, 403);
    let ltoken = token_for(&app, s.email("ladmin")).await;
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orgs/{}/pd-requests/decided", s.district),
        Some(&ltoken),
        None,
    )
    .await;
    assert_eq!(status, 403);
}

/// The token of the "Import now" form on a checked roster's page.
fn checked_token(body: &str) -> String {
    body.split("name=\"upload\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no Import now: {body}"))
        .to_string()
}

#[tokio::test]
async fn a_checked_roster_is_imported_without_choosing_the_files_again_once_by_its_admin() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    let base = format!("/orgs/{}/admin/import", s.district);

    // The template: the header rows of the columns read, and a manifest.
    let page = dadmin.get(&base).await;
    page.expect(&format!("{base}/template/users.csv"));
    let mut files = Vec::new();
    for name in ["manifest.csv", "orgs.csv", "users.csv", "roles.csv"] {
        let r = dadmin.get(&format!("{base}/template/{name}")).await;
        assert_eq!(r.status, 200, "{name}");
        assert!(
            r.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        files.push((name, r.body));
    }
    assert!(
        files[2]
            .1
            .starts_with("sourcedId,status,dateLastModified,enabledUser,")
    );
    assert_eq!(
        dadmin
            .get(&format!("{base}/template/secrets.csv"))
            .await
            .status,
        404
    );

    // Filled in by hand, then checked: nothing changes, "Import now" is offered.
    let row = |name: &str| match name {
        "orgs.csv" => "s9,,,Hilltop Elementary,school,,\r\n".to_string(),
        "users.csv" => {
            let cols = files[2].1.trim_end().split(',').count();
            let mut cells = vec![""; cols];
            for (i, v) in [
                (0, "u1"),
                (3, "true"),
                (6, "nia"),
                (8, "Nia"),
                (9, "Reyes"),
                (12, "nia@district.example.org"),
            ] {
                cells[i] = v;
            }
            format!("{}\r\n", cells.join(","))
        }
        "roles.csv" => "r1,,,u1,primary,teacher,,,s9,\r\n".to_string(),
        _ => String::new(),
    };
    let form = || {
        let mut f = reqwest::multipart::Form::new().text("dry_run", "yes");
        for (name, body) in &files {
            f = f.part(
                "files",
                reqwest::multipart::Part::text(format!("{body}{}", row(name)))
                    .file_name(name.to_string()),
            );
        }
        f
    };
    let checked = dadmin.post_multipart(&base, form()).await;
    checked
        .expect("The roster is ready to import")
        .expect("Import now");
    let token = checked_token(&checked.body);
    dadmin
        .get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nobody matches");

    // Nobody else may use it: not the admin beside them, not another admin here.
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    let r = ladmin
        .post(&format!("{base}/checked"), &[("upload", &token)])
        .await;
    assert_eq!(r.status, 403);
    let theirs = ladmin
        .post(
            &format!("/orgs/{}/admin/import/checked", s.local),
            &[("upload", &token)],
        )
        .await;
    assert_eq!(theirs.status, 422);
    theirs.expect("That check is more than an hour old or was already imported");
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    let r = admin
        .post(&format!("{base}/checked"), &[("upload", &token)])
        .await;
    assert_eq!(r.status, 422);

    // Its admin imports it, once.
    let done = dadmin
        .post(&format!("{base}/checked"), &[("upload", &token)])
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.expect("The roster was imported");
    dadmin
        .get(&format!("/orgs/{}/people?q=nia", s.district))
        .await
        .expect("Nia Reyes")
        .expect("Hilltop Elementary");
    let again = dadmin
        .post(&format!("{base}/checked"), &[("upload", &token)])
        .await;
    assert_eq!(again.status, 422);

    // A check kept longer than an hour is gone.
    let token = checked_token(&dadmin.post_multipart(&base, form()).await.body);
    app.clock.advance(Duration::from_secs(61 * 60));
    let late = dadmin
        .post(&format!("{base}/checked"), &[("upload", &token)])
        .await;
    assert_eq!(late.status, 422);
    late.expect("That check is more than an hour old");
}
