//! Authoring with review: an author drafts a course (uploaded, or started
//! from a published one), sees its problems by place, sends it for review;
//! another author returns it with a comment, then publishes it as the next
//! version. Nobody reviews their own draft; nothing is published with
//! problems.

use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

fn course() -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": "prompting-for-feedback",
        "language": "en",
        "title": "Prompting for feedback",
        "summary": "Use AI to draft feedback you then check.",
        "pd_hours": 1,
        "delivery": "self-paced",
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Feedback", "lessons": ["draft"] }],
        "lessons": { "draft": { "title": "Drafting feedback", "markdown": "Check **every** line." } },
    })
}

fn location_id(path: &str) -> i64 {
    path.trim_start_matches("/authoring/").parse().unwrap()
}

#[tokio::test]
async fn a_draft_is_checked_returned_then_published_by_another_author() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    author
        .get("/authoring")
        .await
        .expect("You have no drafts yet.");
    let upload = |f: Form| author.post_multipart("/authoring", f);
    // Neither a file nor a course: refused.
    let r = upload(Form::new().text("from", "")).await;
    assert_eq!(r.status, 422);
    r.expect("Upload a course file or choose a published course.");

    // A file with a missing lesson: saved as a draft, its problem shown by place.
    let mut broken = course();
    broken["modules"][0]["lessons"] = json!(["draft", "missing"]);
    let r = upload(file(&broken)).await;
    let path = r.path.clone();
    let id = location_id(&path);
    let page = r.body;
    assert!(page.contains("Draft started."), "{page}");
    assert!(page.contains("1 problem to fix"), "{page}");
    assert!(page.contains("modules[0].lessons[1]: there is no lesson missing in lessons"));
    // Sending it for review is refused while it has problems.
    let r = author
        .post(
            &path,
            &[("document", &broken.to_string()), ("action", "submit")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("The course file has problems.");

    // Fixed and sent; its author cannot review it.
    author
        .post(
            &path,
            &[("document", &course().to_string()), ("action", "submit")],
        )
        .await
        .expect("Sent for review.")
        .expect("Waiting for review")
        .expect("Drafting feedback");
    assert_eq!(
        author
            .post(&format!("{path}/review"), &[("decision", "publish")])
            .await
            .status,
        404
    );
    // Educators do not author.
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    assert_eq!(educator.get(&path).await.status, 403);

    // The programme admin returns it with a comment (required), then publishes.
    let admin = app.browser();
    admin.sign_in(s.email("admin"), PASSWORD).await;
    admin
        .get("/authoring")
        .await
        .expect("Drafts waiting for your review")
        .expect("Prompting for feedback");
    let r = admin
        .post(&format!("{path}/review"), &[("decision", "return")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Say what should change.");
    admin
        .post(
            &format!("{path}/review"),
            &[("decision", "return"), ("comment", "Add a quiz.")],
        )
        .await
        .expect("Returned to its author with your comment.");
    author
        .get(&path)
        .await
        .expect("Returned with a comment")
        .expect("Add a quiz.")
        .expect("Send for review");
    author
        .post(
            &path,
            &[("document", &course().to_string()), ("action", "submit")],
        )
        .await;
    admin
        .post(&format!("{path}/review"), &[("decision", "publish")])
        .await
        .expect("Published. Learners who enrol now get this version.");
    author
        .get(&path)
        .await
        .expect("published as version 1")
        .expect("href=\"/courses/prompting-for-feedback\"");
    app.browser()
        .get("/courses/prompting-for-feedback")
        .await
        .expect("Prompting for feedback");
    // A published draft is a record: no more edits.
    let late = author
        .post(&path, &[("document", "{}"), ("action", "save")])
        .await;
    assert_eq!(late.status, 404);

    // The next version starts from the published course.
    let (_, next, page) =
        start_draft(&author, Form::new().text("from", "prompting-for-feedback")).await;
    assert_ne!(location_id(&next), id);
    assert!(
        page.contains("&#34;slug&#34;: &#34;prompting-for-feedback&#34;")
            || page.contains("&quot;slug&quot;: &quot;prompting-for-feedback&quot;"),
        "{page}"
    );
}

/// A multipart form posted to `/authoring` as a same-origin page would:
/// (status, the path it ended on, the page).
async fn start_draft(b: &lyceum_testkit::Browser, form: Form) -> (u16, String, String) {
    let page = b.post_multipart("/authoring", form).await;
    (page.status, page.path, page.body)
}

fn file(doc: &Value) -> Form {
    Form::new().part(
        "file",
        Part::bytes(doc.to_string().into_bytes()).file_name("course.json"),
    )
}

/// The programme's flagship course, imported by the operator: owned by the
/// programme, so only programme-level authors write and review it.
async fn import_flagship(app: &TestApp) {
    app.import_course(&course(), None).await;
}

async fn current_hours(app: &TestApp, slug: &'static str) -> (i32, i32) {
    let row = app
        .db
        .read(move |c| lyceum_db::courses::by_slug(c, slug))
        .await
        .unwrap()
        .unwrap();
    (row.version, row.pd_quarter_hours)
}

#[tokio::test]
async fn a_district_admin_made_author_cannot_replace_the_programmes_course() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_flagship(&app).await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    // He may make himself and a school educator authors in his district…
    for (org, who) in [(s.district, "dadmin"), (s.school_a, "educator")] {
        dadmin
            .post(
                &format!("/orgs/{}/admin/roles", org.0),
                &[("email", s.email(who)), ("role", "author")],
            )
            .await
            .expect("The role was given.");
    }
    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;

    // …but that confers nothing outside it: neither starts a version of the
    // programme's course, from the catalogue or as a file with its slug.
    let mut replaced = course();
    replaced["pd_hours"] = json!(200);
    replaced["lessons"]["draft"]["markdown"] = json!("[Claim your hours](https://phish.example)");
    for b in [&dadmin, &educator] {
        let (status, _, page) =
            start_draft(b, Form::new().text("from", "prompting-for-feedback")).await;
        assert_eq!(status, 422, "{page}");
        assert!(page.contains("belongs to Test Programme"), "{page}");
        let (status, _, page) = start_draft(b, file(&replaced)).await;
        assert_eq!(status, 422, "{page}");
        assert!(page.contains("belongs to Test Programme"), "{page}");
    }
    // Nor can a draft of his own district's course be turned into it.
    let mut ours = course();
    ours["slug"] = json!("columbus-feedback");
    let (status, path, _) = start_draft(&dadmin, file(&ours)).await;
    assert_eq!(status, 200);
    let r = dadmin
        .post(
            &path,
            &[("document", &replaced.to_string()), ("action", "submit")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("belongs to Test Programme");

    // A draft of it filed under his district anyway (as one written before
    // authoring had owners would be) is judged by the course's owner: the
    // district's authors can neither see nor publish it.
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    dadmin
        .post(
            &format!("/orgs/{}/admin/roles", s.district.0),
            &[("email", s.email("facilitator")), ("role", "author")],
        )
        .await
        .expect("The role was given.");
    let (district, by) = (s.district, s.user("dadmin"));
    let document = replaced.to_string();
    let id: i64 = app
        .db
        .write(move |c| {
            use diesel::prelude::*;
            use lyceum_db::schema::course_drafts as d;
            Ok(diesel::insert_into(d::table)
                .values((
                    d::author_id.eq(by.0),
                    d::org_id.eq(district.0),
                    d::document.eq(&document),
                    d::slug.eq("prompting-for-feedback"),
                    d::title.eq("Prompting for feedback"),
                    d::status.eq("in-review"),
                    d::created_at.eq(0i64),
                    d::updated_at.eq(0i64),
                ))
                .returning(d::id)
                .get_result(c)?)
        })
        .await
        .unwrap();
    for b in [&facilitator, &educator] {
        assert_eq!(b.get(&format!("/authoring/{id}")).await.status, 404);
        let r = b
            .post(
                &format!("/authoring/{id}/review"),
                &[("decision", "publish")],
            )
            .await;
        assert_eq!(r.status, 404);
    }
    assert_eq!(current_hours(&app, "prompting-for-feedback").await, (1, 4));

    // The programme's own author may review it (and return it).
    let author = app.browser();
    author.sign_in(s.email("author"), PASSWORD).await;
    author
        .post(
            &format!("/authoring/{id}/review"),
            &[("decision", "return"), ("comment", "Not ours to change.")],
        )
        .await
        .expect("Returned to its author with your comment.");
}

#[tokio::test]
async fn district_authors_write_and_review_their_districts_courses_only() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // Authors made by the district's admin, and one by the local's beside it.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    for who in ["dadmin", "facilitator"] {
        dadmin
            .post(
                &format!("/orgs/{}/admin/roles", s.district.0),
                &[("email", s.email(who)), ("role", "author")],
            )
            .await
            .expect("The role was given.");
    }
    let ladmin = app.browser();
    ladmin.sign_in(s.email("ladmin"), PASSWORD).await;
    ladmin
        .post(
            &format!("/orgs/{}/admin/roles", s.local.0),
            &[("email", s.email("ladmin")), ("role", "author")],
        )
        .await
        .expect("The role was given.");

    // A new course by a district author belongs to the district.
    let mut ours = course();
    ours["slug"] = json!("columbus-feedback");
    let (status, path, _) = start_draft(&dadmin, file(&ours)).await;
    assert_eq!(status, 200);
    dadmin
        .post(
            &path,
            &[("document", &ours.to_string()), ("action", "submit")],
        )
        .await
        .expect("Sent for review.");

    // The local's author, beside the district, neither sees nor publishes it.
    ladmin
        .get("/authoring")
        .await
        .expect("No draft is waiting for review.");
    assert_eq!(ladmin.get(&path).await.status, 404);
    let r = ladmin
        .post(&format!("{path}/review"), &[("decision", "publish")])
        .await;
    assert_eq!(r.status, 404);

    // Another district author publishes it.
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .get("/authoring")
        .await
        .expect("Prompting for feedback")
        .expect("Columbus City Schools");
    facilitator
        .post(&format!("{path}/review"), &[("decision", "publish")])
        .await
        .expect("Published. Learners who enrol now get this version.");
    assert_eq!(current_hours(&app, "columbus-feedback").await, (1, 4));

    // Its next version: the district's authors may start it, the local's may not.
    let (status, _, page) =
        start_draft(&ladmin, Form::new().text("from", "columbus-feedback")).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("belongs to Columbus City Schools"), "{page}");
    let (status, _, _) =
        start_draft(&facilitator, Form::new().text("from", "columbus-feedback")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_new_course_belongs_where_its_author_chooses_a_version_where_its_course_does() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    for org in [s.district, s.school_a] {
        dadmin
            .post(
                &format!("/orgs/{}/admin/roles", org.0),
                &[("email", s.email("dadmin")), ("role", "author")],
            )
            .await
            .expect("The role was given.");
    }
    dadmin
        .get("/authoring")
        .await
        .expect("Organisation the new course belongs to")
        .expect("Lincoln Elementary");
    let mut ours = course();
    ours["slug"] = json!("lincoln-feedback");
    // Two places to choose from: he must choose, and only among them.
    for (org, message) in [
        (None, "Choose an organisation."),
        (Some(s.local), "Choose an organisation."),
    ] {
        let mut form = file(&ours);
        if let Some(o) = org {
            form = form.text("org", o.0.to_string());
        }
        let (status, _, page) = start_draft(&dadmin, form).await;
        assert_eq!(status, 422, "{page}");
        assert!(page.contains(message), "{page}");
    }
    let (status, _, page) =
        start_draft(&dadmin, file(&ours).text("org", s.school_a.0.to_string())).await;
    assert_eq!(status, 200);
    assert!(page.contains("Belongs to Lincoln Elementary"), "{page}");

    // A version of a published course stays with that course's organisation.
    let mut district = course();
    district["slug"] = json!("columbus-feedback");
    app.import_course(&district, Some(s.district)).await;
    let (status, _, page) = start_draft(
        &dadmin,
        Form::new()
            .text("from", "columbus-feedback")
            .text("org", s.school_a.0.to_string()),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Belongs to Columbus City Schools"), "{page}");
    // And an operator's import cannot move it elsewhere either.
    let moved = app.try_import_course(&district, Some(s.local), false).await;
    assert!(moved.is_err());
}
