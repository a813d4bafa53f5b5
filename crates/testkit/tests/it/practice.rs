//! Reflections and practice tasks: a learner writes a reflection and hands
//! in an artefact; a facilitator of their organisation returns it with a
//! comment, then accepts it against the rubric, which completes the course.
//! Bad hand-ins and reviews are refused by field with nothing saved, and
//! nobody outside the learner's organisations sees or reviews the work.

use lyceum_db::{learning, practice};
use lyceum_domain::course::task::SubmissionStatus;
use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

const COURSE: &str = "/courses/checking-claims";

pub(crate) fn course() -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": "checking-claims",
        "language": "en",
        "title": "Checking what a chatbot claims",
        "summary": "Verify three claims in your own subject.",
        "pd_hours": 1.5,
        "delivery": "self-paced",
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Practice", "lessons": ["why", "practice"] }],
        "lessons": {
            "why": {
                "title": "Why check",
                "markdown": "Fluency is not accuracy.",
                "reflection": { "prompt": "When did a tool mislead you?" },
            },
            "practice": {
                "title": "Check three claims",
                "markdown": "Pick a unit you teach.",
                "quiz": { "pass_mark": 100, "questions": [
                    { "key": "first", "prompt": "What comes first?", "kind": "single", "options": [
                        { "key": "source", "text": "A trusted source", "correct": true },
                        { "key": "vibe", "text": "How sure it sounds", "correct": false },
                    ] },
                ] },
                "task": {
                    "instructions": "Ask a chatbot **three** questions and check each answer.",
                    "rubric": [
                        { "key": "three", "text": "Three real questions" },
                        { "key": "sources", "text": "A named source for each" },
                    ],
                    "artefacts": ["text", "file"],
                },
            },
        },
    })
}

fn hand_in(text: &str, url: &str, file: Option<(&str, &[u8])>) -> Form {
    let f = Form::new()
        .text("artefact_text", text.to_string())
        .text("artefact_url", url.to_string());
    match file {
        Some((name, bytes)) => f.part(
            "artefact_file",
            Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        ),
        None => f.part("artefact_file", Part::bytes(Vec::new()).file_name("")),
    }
}

#[tokio::test]
async fn a_task_is_handed_in_returned_accepted_and_completes_the_course() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(), None).await;
    let practice_page = format!("{COURSE}/lessons/practice");

    let educator = app.browser();
    educator.sign_in(s.email("educator"), PASSWORD).await;
    // Before enrolling: the task is shown, with no form.
    let before = educator.get(&practice_page).await;
    before
        .expect("Practice task")
        .expect("<strong>three</strong>")
        .expect("A named source for each")
        .expect("Enrol in the course to do this.");
    assert!(!before.contains("Hand in for review"));
    educator.post(&format!("{COURSE}/enrol"), &[]).await;
    let page = educator.get(&practice_page).await;
    page.expect("Hand in for review")
        .expect("name=\"artefact_file\"");
    assert!(
        !page.contains("name=\"artefact_url\""),
        "this task takes no links"
    );
    assert!(!page.contains("I have finished this lesson"));

    let task = format!("{practice_page}/task");
    let send = |f: Form| educator.post_multipart(&task, f);
    // Bad hand-ins: refused by field, nothing saved.
    let big = {
        let mut b = b"%PDF-1.7\n".to_vec();
        b.resize(5 * 1024 * 1024 + 1, b'x');
        b
    };
    for (form, message) in [
        (
            hand_in(" ", "", None),
            "Hand in your text, a link or a file.",
        ),
        (
            hand_in("", "", Some(("virus.exe", b"MZ\x90\x00"))),
            "The file must be a PDF, PNG or JPEG.",
        ),
        (
            hand_in("", "", Some(("big.pdf", &big))),
            "The file is larger than 5 MB.",
        ),
        (
            hand_in("My checks", "", Some(("a.pdf", b"%PDF-1.4"))),
            "Hand in one thing only",
        ),
        (
            hand_in("", "https://docs.example.org/mine", None),
            "This task does not take this kind of work.",
        ),
    ] {
        let r = send(form).await;
        assert_eq!(r.status, 422, "{message}");
        r.expect(message);
    }
    let learner = s.user("educator");
    let course_id = app
        .db
        .read(|c| lyceum_db::courses::by_slug(c, "checking-claims"))
        .await
        .unwrap()
        .unwrap()
        .id;
    let db = app.db.clone();
    let mine = move || {
        let db = db.clone();
        async move {
            db.read(move |c| practice::submissions(c, learner, course_id, "practice"))
                .await
                .unwrap()
        }
    };
    assert!(mine().await.is_empty());

    // A good one; a second waits for the first's review.
    let r = send(hand_in(
        "1. Photosynthesis: right (textbook p. 40).",
        "",
        None,
    ))
    .await;
    r.expect("Handed in. You will see the review on this page.")
        .expect("Waiting for review");
    assert!(!r.contains("Hand in for review"));
    let r = send(hand_in("again", "", None)).await;
    assert_eq!(r.status, 422);
    r.expect("You have already handed this in.");
    let id = mine().await[0].id;

    // Passing the quiz is not enough while the task waits.
    educator
        .post(&format!("{practice_page}/quiz"), &[("q-first", "source")])
        .await
        .expect("You passed the quiz.");
    let done = app
        .db
        .read(move |c| learning::done(c, learner, course_id))
        .await
        .unwrap();
    assert!(done.is_empty(), "{done:?}");

    // Reviewers: the district's facilitator sees it; the local's admin and
    // the learner do not, and cannot review or download it.
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator
        .get("/review")
        .await
        .expect("Practice tasks to review")
        .expect("Check three claims")
        .expect("1. Photosynthesis: right (textbook p. 40).");
    let outsider = app.browser();
    outsider.sign_in(s.email("ladmin"), PASSWORD).await;
    outsider
        .get("/review")
        .await
        .expect("Nothing is waiting for review.");
    let accept_all = [
        ("decision", "accepted"),
        ("met", "three"),
        ("met", "sources"),
    ];
    assert_eq!(
        outsider
            .post(&format!("/review/{id}"), &accept_all)
            .await
            .status,
        404
    );
    assert_eq!(
        educator
            .post(&format!("/review/{id}"), &accept_all)
            .await
            .status,
        404
    );
    educator
        .get("/review")
        .await
        .expect("once you are a facilitator or an admin");

    // Bad reviews: refused by field, nothing changed.
    let r = facilitator
        .post(
            &format!("/review/{id}"),
            &[("decision", "accepted"), ("met", "three")],
        )
        .await;
    assert_eq!(r.status, 422);
    r.expect("To accept, tick every criterion.");
    let r = facilitator
        .post(&format!("/review/{id}"), &[("decision", "returned")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Say what should change.");
    assert_eq!(mine().await[0].status, SubmissionStatus::Submitted);

    // Returned with a comment: the learner sees it and hands in again.
    facilitator
        .post(
            &format!("/review/{id}"),
            &[
                ("decision", "returned"),
                ("met", "three"),
                ("comment", "Name the source for each answer."),
            ],
        )
        .await
        .expect("Review saved.")
        .expect("Nothing is waiting for review.");
    educator
        .get(&practice_page)
        .await
        .expect("Sent back")
        .expect("Name the source for each answer.")
        .expect("Three real questions")
        .expect("Hand in for review");
    let pdf = b"%PDF-1.4\nchecks with sources";
    send(hand_in("", "", Some(("my checks.pdf", pdf))))
        .await
        .expect("Handed in.");
    let second = mine().await[0].id;
    assert_ne!(second, id);

    // The file: a download for the facilitator and the learner, nobody else.
    let r = facilitator
        .request(reqwest::Method::GET, &format!("/review/{second}/file"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"mychecks.pdf\""
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf);
    assert_eq!(
        educator.get(&format!("/review/{second}/file")).await.status,
        200
    );
    assert_eq!(
        outsider.get(&format!("/review/{second}/file")).await.status,
        404
    );

    // The reflection: required, then saved (and finishes its lesson).
    let why = format!("{COURSE}/lessons/why");
    let r = educator
        .post(&format!("{why}/reflection"), &[("reflection", "  ")])
        .await;
    assert_eq!(r.status, 422);
    r.expect("Write your reflection before saving it.");
    educator
        .post(
            &format!("{why}/reflection"),
            &[("reflection", "A made-up <b>citation</b> last spring.")],
        )
        .await
        .expect("Your reflection was saved.")
        .expect("A made-up &#60;b&#62;citation&#60;/b&#62; last spring.")
        .expect("Update my reflection");

    // Written over several lines, as a text box sends it.
    educator
        .post(
            &format!("{why}/reflection"),
            &[(
                "reflection",
                "First, a made-up <b>citation</b>.\r\nThen a wrong date.",
            )],
        )
        .await
        .expect("Your reflection was saved.")
        .expect("Then a wrong date.</textarea>");

    // Its facilitator can read it beside the work; nobody else can.
    facilitator
        .get("/review")
        .await
        .expect("reflections in this course")
        .expect("First, a made-up &#60;b&#62;citation&#60;/b&#62;.");

    // Accepted: the task's lesson finishes, and with it the course.
    facilitator
        .post(&format!("/review/{second}"), &accept_all)
        .await
        .expect("Review saved.");
    let page = educator.get(&practice_page).await;
    page.expect("Accepted").expect("You finished this lesson.");
    assert!(!page.contains("Hand in for review"));
    educator
        .get(COURSE)
        .await
        .expect("You completed this course.");
    let record = app
        .db
        .read(move |c| learning::statements_of(c, learner))
        .await
        .unwrap();
    let verbs: Vec<&str> = record.iter().map(|(v, _, _)| v.as_str()).collect();
    assert_eq!(
        verbs.iter().filter(|v| **v == "submitted").count(),
        4,
        "two hand-ins and a reflection written twice: {verbs:?}"
    );
    // The acceptance is recorded at one instant: the review, the lesson
    // and the course completed (statements of one instant have no order).
    let mut last: Vec<&str> = verbs[verbs.len() - 3..].to_vec();
    last.sort_unstable();
    assert_eq!(last, ["completed", "completed", "reviewed"], "{verbs:?}");
    // The review is the learner's result: they are its actor, the
    // facilitator its instructor; the facilitator's own record has none.
    let facilitator_id = s.user("facilitator");
    let reviewed: Vec<Value> = record
        .iter()
        .filter(|(v, _, _)| v == "reviewed")
        .map(|(_, _, json)| serde_json::from_str(json).unwrap())
        .collect();
    assert_eq!(reviewed.len(), 2, "one returned, one accepted: {verbs:?}");
    let last = reviewed.last().unwrap();
    assert_eq!(last["verb"]["id"], "http://id.tincanapi.com/verb/reviewed");
    assert_eq!(last["actor"]["account"]["name"], learner.0.to_string());
    assert_eq!(
        last["context"]["instructor"]["account"]["name"],
        facilitator_id.0.to_string()
    );
    assert_eq!(last["result"]["success"], true);
    let facilitators = app
        .db
        .read(move |c| learning::statements_of(c, facilitator_id))
        .await
        .unwrap();
    assert!(
        facilitators.iter().all(|(v, _, _)| v != "reviewed"),
        "{facilitators:?}"
    );
    // Every statement of the enrolment names it, by one registration.
    let registrations: std::collections::HashSet<String> = record
        .iter()
        .map(|(_, _, json)| {
            let s: Value = serde_json::from_str(json).unwrap();
            assert_eq!(lyceum_domain::xapi::validate(&s), vec![], "{s:#}");
            s["context"]["registration"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(registrations.len(), 1, "{registrations:?}");
    educator
        .get("/transcript")
        .await
        .expect("Checking what a chatbot claims");
}

#[tokio::test]
async fn a_facilitator_who_is_also_a_learner_does_not_review_their_own_work() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(), None).await;
    let practice_page = format!("{COURSE}/lessons/practice");
    let facilitator = app.browser();
    facilitator.sign_in(s.email("facilitator"), PASSWORD).await;
    facilitator.post(&format!("{COURSE}/enrol"), &[]).await;
    facilitator
        .post_multipart(
            &format!("{practice_page}/task"),
            hand_in("My own three checks.", "", None),
        )
        .await
        .expect("Handed in.");
    let me = s.user("facilitator");
    let id = app
        .db
        .read(move |c| {
            let course = lyceum_db::courses::by_slug(c, "checking-claims")?.unwrap();
            practice::submissions(c, me, course.id, "practice")
        })
        .await
        .unwrap()[0]
        .id;

    // Not in their own queue, and refused if they try.
    let queue = facilitator.get("/review").await;
    assert!(!queue.contains("My own three checks."), "{}", queue.body);
    let accept_all = [
        ("decision", "accepted"),
        ("met", "three"),
        ("met", "sources"),
    ];
    let r = facilitator
        .post(&format!("/review/{id}"), &accept_all)
        .await;
    assert_eq!(r.status, 404);

    // The district's admin reviews it.
    let dadmin = app.browser();
    dadmin.sign_in(s.email("dadmin"), PASSWORD).await;
    dadmin.get("/review").await.expect("My own three checks.");
    dadmin
        .post(&format!("/review/{id}"), &accept_all)
        .await
        .expect("Review saved.");
}
