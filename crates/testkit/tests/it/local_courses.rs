//! Who sees which course: the programme's courses are everyone's; a course
//! owned by a district or a school is there only for the people who belong
//! to it (or below it), its authors and its admins. For anyone else it does
//! not exist: not in the catalogue, its count or its search, nor among the
//! courses suggested next, and its pages and actions answer 404 — like a
//! members-only space.

use lyceum_db::{memberships, orgs};
use lyceum_domain::OrgId;
use lyceum_domain::i18n::Lang;
use lyceum_domain::role::Role;
use lyceum_testkit::{Browser, PASSWORD, Page, Seed, TestApp};
use serde_json::{Value, json};

/// A course with a word nothing else has ("zebrafish"), for science.
fn course(slug: &str, title: &str, hours: u32) -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": slug,
        "language": "en",
        "title": title,
        "summary": "Zebrafish, microscopes and a chatbot that gets things wrong.",
        "pd_hours": hours,
        "delivery": "self-paced",
        "subjects": ["science"],
        "competencies": [{ "id": "unesco-ai-cft-2024/human-agency" }],
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Labs", "lessons": ["welcome", "check"] }],
        "lessons": {
            "welcome": { "title": "Welcome to the lab", "markdown": "Read this." },
            "check": { "title": "Check the claim", "markdown": "Which is right?",
                "quiz": { "pass_mark": 100, "questions": [{
                    "key": "q1", "prompt": "Is it right?", "kind": "single",
                    "options": [
                        { "key": "yes", "text": "Yes", "correct": false },
                        { "key": "no", "text": "No", "correct": true },
                    ] }] } },
        },
    })
}

const LOCAL: &str = "/courses/lincoln-zebrafish-lab";
const NATIONAL: &str = "/courses/national-zebrafish-lab";

/// The programme's course, and Lincoln Elementary's own (200 PD hours).
async fn two_courses(app: &TestApp, s: &Seed) {
    app.import_course(
        &course("national-zebrafish-lab", "The national zebrafish lab", 2),
        None,
    )
    .await;
    app.import_course(
        &course("lincoln-zebrafish-lab", "The Lincoln zebrafish lab", 200),
        Some(s.school_a),
    )
    .await;
}

/// Someone who belongs at `org` with `role`, signed in.
async fn person_at(app: &TestApp, org: OrgId, role: Role, email: &'static str) -> Browser {
    app.person(email, email, role, org, Lang::En).await;
    let b = app.browser();
    b.sign_in(email, PASSWORD).await;
    b
}

async fn signed_in(app: &TestApp, s: &Seed, who: &str) -> Browser {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b
}

/// The courses a catalogue page lists, by address.
fn listed(p: &Page) -> Vec<String> {
    p.body
        .split("<a href=\"/courses/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(|s| format!("/courses/{s}")))
        .collect()
}

/// What `b` finds in the catalogue: everything, by words, by a facet, by
/// both — (courses listed, by address; the count said) for each.
async fn catalogue(b: &Browser) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    for query in [
        "",
        "?q=zebrafish",
        "?subject=science",
        "?q=lincoln&subject=science&sort=completed",
    ] {
        let p = b.get(&format!("/courses{query}")).await;
        assert_eq!(p.status, 200, "{query}");
        let mut courses = listed(&p);
        courses.sort();
        let count = format!(
            "<p role=\"status\">{}</p>",
            match courses.len() {
                1 => "1 course".to_string(),
                n => format!("{n} courses"),
            }
        );
        out.push((courses, p.contains(&count)));
    }
    out
}

/// Every page and action of the local course answers 404 to `b`.
async fn local_course_does_not_exist_for(b: &Browser, who: &str) {
    for path in [LOCAL.to_string(), format!("{LOCAL}/lessons/welcome")] {
        assert_eq!(b.get(&path).await.status, 404, "{who}: GET {path}");
    }
    for (path, form) in [
        (format!("{LOCAL}/enrol"), vec![]),
        (format!("{LOCAL}/move"), vec![]),
        (format!("{LOCAL}/lessons/welcome/finish"), vec![]),
        (format!("{LOCAL}/lessons/check/quiz"), vec![("q-q1", "no")]),
        (
            format!("{LOCAL}/lessons/welcome/reflection"),
            vec![("reflection", "Nice.")],
        ),
    ] {
        let r = b.post(&path, &form).await;
        assert_eq!(r.status, 404, "{who}: POST {path}: {}", r.body);
    }
    // A hand-in is a file upload.
    let path = format!("{LOCAL}/lessons/welcome/task");
    let form = reqwest::multipart::Form::new().text("artefact_text", "Mine.");
    let r = b
        .request(reqwest::Method::POST, &path)
        .header("origin", b.base.clone())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404, "{who}: POST {path}");
}

#[tokio::test]
async fn a_schools_course_does_not_exist_outside_its_school() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    two_courses(&app, &s).await;
    // A programme course that names the local one as a prerequisite.
    let mut after = course("national-follow-up", "A national follow-up", 1);
    after["prerequisites"] = json!(["lincoln-zebrafish-lab", "national-zebrafish-lab"]);
    app.import_course(&after, None).await;
    let anonymous = app.browser();
    let beside = person_at(&app, s.school_b, Role::Educator, "riverside@example.org").await;
    let ladmin = signed_in(&app, &s, "ladmin").await;
    let researcher = signed_in(&app, &s, "researcher").await;

    let national = vec![
        "/courses/national-follow-up".to_string(),
        NATIONAL.to_string(),
    ];
    let mut expected = vec![(national.clone(), true); 3];
    // The last query asks for "lincoln", which only the local course has.
    expected.push((vec![], true));
    for (who, b) in [
        ("anonymous", &anonymous),
        ("an educator of another district's school", &beside),
        ("the admin beside the district", &ladmin),
        ("a programme-wide researcher", &researcher),
    ] {
        assert_eq!(catalogue(b).await, expected, "{who}'s catalogue");
        if who != "anonymous" {
            local_course_does_not_exist_for(b, who).await;
        } else {
            for path in [LOCAL.to_string(), format!("{LOCAL}/lessons/welcome")] {
                assert_eq!(b.get(&path).await.status, 404, "{who}: GET {path}");
            }
        }
        // It is not named as a prerequisite either.
        let follow_up = b.get("/courses/national-follow-up").await;
        follow_up.expect(&format!("href=\"{NATIONAL}\""));
        assert!(!follow_up.contains("Lincoln"), "{who}");
        // The programme's course is everyone's.
        let national = b.get(NATIONAL).await;
        assert_eq!(national.status, 200, "{who}");
        assert!(!national.contains("Offered by"), "{who}");
        assert_eq!(
            b.get(&format!("{NATIONAL}/lessons/welcome")).await.status,
            200,
            "{who}"
        );
    }
    // Nor is it suggested as what to learn next.
    let next = beside.get("/literacy").await;
    next.expect("The national zebrafish lab");
    assert!(!next.contains("Lincoln"), "{}", next.body);
    // Nobody outside was enrolled by trying.
    let enrolled = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use lyceum_db::schema::enrolments;
            Ok(enrolments::table.count().get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(enrolled, 0);
    // An outsider enrols in the programme's course as before.
    let r = beside.post(&format!("{NATIONAL}/enrol"), &[]).await;
    assert_eq!(r.path, format!("{NATIONAL}/lessons/welcome"));
}

#[tokio::test]
async fn a_schools_course_is_there_for_its_school_and_those_above_it() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    two_courses(&app, &s).await;
    let educator = signed_in(&app, &s, "educator").await;
    let dadmin = signed_in(&app, &s, "dadmin").await;
    let admin = signed_in(&app, &s, "admin").await;
    let author = signed_in(&app, &s, "author").await;
    let facilitator = signed_in(&app, &s, "facilitator").await;
    let both = vec![LOCAL.to_string(), NATIONAL.to_string()];
    for (who, b) in [
        ("an educator of the school", &educator),
        ("the admin of the district above it", &dadmin),
        // They review the work of the school's learners in it.
        ("a facilitator of the district above it", &facilitator),
        ("a programme admin", &admin),
        ("a programme-level author", &author),
    ] {
        let found = catalogue(b).await;
        assert_eq!(found[0], (both.clone(), true), "{who}: everything");
        assert_eq!(found[1].0.len(), 2, "{who}: zebrafish");
        assert_eq!(found[2], (both.clone(), true), "{who}: science");
        assert_eq!(found[3], (vec![LOCAL.to_string()], true), "{who}: lincoln");
        let page = b.get(LOCAL).await;
        assert_eq!(page.status, 200, "{who}");
        page.expect("Offered by Lincoln Elementary");
        assert_eq!(
            b.get(&format!("{LOCAL}/lessons/welcome")).await.status,
            200,
            "{who}"
        );
    }
    educator
        .get("/literacy")
        .await
        .expect("The Lincoln zebrafish lab")
        .expect("The national zebrafish lab");
    for b in [&educator, &dadmin] {
        let first = b.post(&format!("{LOCAL}/enrol"), &[]).await;
        assert_eq!(first.path, format!("{LOCAL}/lessons/welcome"));
        first.expect("You are enrolled.");
        let next = b
            .post(&format!("{LOCAL}/lessons/welcome/finish"), &[])
            .await;
        assert_eq!(next.path, format!("{LOCAL}/lessons/check"));
    }
    // In Spanish too.
    educator
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    educator
        .get(LOCAL)
        .await
        .expect("Lo ofrece Lincoln Elementary");
}

#[tokio::test]
async fn a_learner_who_leaves_keeps_the_course_they_started() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    two_courses(&app, &s).await;
    let educator = signed_in(&app, &s, "educator").await;
    educator.post(&format!("{LOCAL}/enrol"), &[]).await;

    // They move to a school in another district.
    let (me, school_b) = (s.user("educator"), s.school_b);
    let now = app.clock.now();
    app.db
        .write(move |c| {
            memberships::remove_all_of(c, me)?;
            let at = orgs::get(c, school_b)?;
            memberships::add(c, me, &at, Role::Educator, now).map(|_| ())
        })
        .await
        .unwrap();

    // The catalogue no longer lists it for them…
    let found = catalogue(&educator).await;
    assert_eq!(found[0], (vec![NATIONAL.to_string()], true));
    // …but their enrolment is their own: they finish it, and keep it.
    educator
        .get(LOCAL)
        .await
        .expect("Offered by Lincoln Elementary")
        .expect("0 of 2 lessons finished");
    educator
        .get(&format!("{LOCAL}/lessons/welcome"))
        .await
        .expect("I have finished this lesson");
    educator
        .post(&format!("{LOCAL}/lessons/welcome/finish"), &[])
        .await;
    let done = educator
        .post(&format!("{LOCAL}/lessons/check/quiz"), &[("q-q1", "no")])
        .await;
    done.expect("You completed the course.");
    educator.get("/").await.expect("The Lincoln zebrafish lab");
    educator.get("/transcript").await.expect("Lincoln");
}

#[tokio::test]
async fn the_demo_offers_columbus_its_own_course() {
    let app = TestApp::start().await;
    for _ in 0..2 {
        lyceum_server::demo::seed(&app.db, &app.clock)
            .await
            .unwrap();
    }
    let course = "/courses/columbus-ai-in-our-classrooms";
    let visitor = app.browser();
    visitor.get("/courses").await.expect("6 courses");
    assert_eq!(visitor.get(course).await.status, 404);
    let moderator = app.browser();
    moderator
        .sign_in(
            "moderator@atf.example.org",
            lyceum_server::demo::DEMO_PASSWORD,
        )
        .await;
    assert_eq!(moderator.get(course).await.status, 404, "New Mexico's");
    let ana = app.browser();
    ana.sign_in(
        "educator@columbus.example.org",
        lyceum_server::demo::DEMO_PASSWORD,
    )
    .await;
    ana.get("/courses").await.expect("7 courses");
    // Ana completed it in the demo (her home is not empty); her district's
    // admin has not started it.
    ana.get(course)
        .await
        .expect("Offered by Columbus City Schools")
        .expect("You completed this course");
    let grace = app.browser();
    grace
        .sign_in(
            "orgadmin@columbus.example.org",
            lyceum_server::demo::DEMO_PASSWORD,
        )
        .await;
    grace.get(course).await.expect("Enrol in this course");
}

/// `lyceum demo`'s educator has learning to show: a course in progress
/// (2 of its 5 lessons) and one completed with its certificate, made as
/// the pages make them, once however often the demo starts.
#[tokio::test]
async fn the_demo_educator_has_a_course_under_way_and_one_completed() {
    let app = TestApp::start().await;
    for _ in 0..2 {
        lyceum_server::demo::seed(&app.db, &app.clock)
            .await
            .unwrap();
    }
    let ana = app.browser();
    ana.sign_in(
        "educator@columbus.example.org",
        lyceum_server::demo::DEMO_PASSWORD,
    )
    .await;
    ana.get("/")
        .await
        .expect("Protecting student privacy with AI tools")
        .expect("2 of 5 lessons finished")
        .expect("AI in Columbus classrooms: our district");
    let learning = ana.get("/learning").await;
    learning
        .expect("2 of 5 lessons finished")
        .expect("completed ")
        .expect("/certificates/");
    assert!(
        !learning.contains("No certificates yet"),
        "{}",
        learning.body
    );
    // Her catalogue leaves out the other language of the course she takes.
    let es = ana.get("/courses?language=es").await;
    es.expect("<a href=\"/courses/que-es-la-ia-generativa\">");
    assert!(!es.contains("<a href=\"/courses/proteger-la-privacidad-del-alumnado\">"));
}
