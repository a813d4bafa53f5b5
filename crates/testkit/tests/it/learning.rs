//! Following a course: enrol, finish lessons, complete the course — with
//! each event in the learning record as an xAPI statement, and the learner
//! kept on the version they started.

use lyceum_db::learning;
use lyceum_testkit::{Browser, PASSWORD, Seed, TestApp};
use serde_json::{Value, json};
use std::time::Duration;

pub(crate) fn course(extra_lesson: bool) -> Value {
    let mut c = json!({
        "format": "lyceum-course/1",
        "slug": "ai-aware-assignments",
        "language": "en",
        "title": "Designing an AI-aware assignment",
        "summary": "Assignments that stay meaningful when students have AI.",
        "pd_hours": 1,
        "delivery": "self-paced",
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Design", "lessons": ["purpose", "process", "reflection"] }],
        "lessons": {
            "purpose": { "title": "Start from the purpose", "markdown": "Version one." },
            "process": { "title": "Assess the process", "markdown": "Drafts." },
            "reflection": { "title": "Ask for reflection", "markdown": "Why." },
        },
    });
    if extra_lesson {
        c["lessons"]["purpose"]["markdown"] = json!("Version two.");
        c["lessons"]["rubric"] = json!({ "title": "A rubric", "markdown": "Criteria." });
        c["modules"][0]["lessons"] = json!(["purpose", "process", "reflection", "rubric"]);
    }
    c
}

pub(crate) const COURSE: &str = "/courses/ai-aware-assignments";

/// `who` of the seed in a browser of their own, signed in and enrolled in
/// [`COURSE`].
async fn enrolled(app: &TestApp, s: &Seed, who: &str) -> Browser {
    let b = app.browser();
    b.sign_in(s.email(who), PASSWORD).await;
    b.post(&format!("{COURSE}/enrol"), &[]).await;
    b
}

#[tokio::test]
async fn enrol_finish_every_lesson_and_the_record_says_so() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;

    app.browser()
        .get(COURSE)
        .await
        .expect("Sign in to enrol")
        .expect("href=\"/sign-in?next=%2Fcourses%2Fai%2Daware%2Dassignments\"");
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.get(COURSE).await.expect("Enrol in this course");
    // Finishing a lesson needs an enrolment.
    let refused = b
        .post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    assert_eq!(refused.status, 403);

    let first = b.post(&format!("{COURSE}/enrol"), &[]).await;
    assert_eq!(first.path, format!("{COURSE}/lessons/purpose"));
    first
        .expect("You are enrolled. Here is the first lesson.")
        .expect("I have finished this lesson");
    // Enrolling twice changes nothing.
    b.post(&format!("{COURSE}/enrol"), &[]).await;

    let next = b
        .post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    assert_eq!(next.path, format!("{COURSE}/lessons/process"));
    next.expect("Lesson finished.");
    b.get(&format!("{COURSE}/lessons/purpose"))
        .await
        .expect("You finished this lesson.");
    b.get(COURSE)
        .await
        .expect("1 of 3 lessons finished")
        .expect("<progress max=\"3\" value=\"1\"")
        .expect(&format!(
            "href=\"{COURSE}/lessons/process\">Continue where you left off"
        ));
    // Finishing a lesson again records nothing new.
    b.post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    assert_eq!(
        b.post(&format!("{COURSE}/lessons/nope/finish"), &[])
            .await
            .status,
        404
    );

    b.post(&format!("{COURSE}/lessons/reflection/finish"), &[])
        .await;
    let done = b
        .post(&format!("{COURSE}/lessons/process/finish"), &[])
        .await;
    assert_eq!(done.path, COURSE);
    done.expect("You completed the course.")
        .expect("You completed this course.")
        .expect("3 of 3 lessons finished");
    b.get("/")
        .await
        .expect("Your courses")
        .expect(&format!("<a href=\"{COURSE}\">Designing an AI-aware assignment</a> <span class=\"tag\">Completed</span>"));

    let user = s.user("educator");
    let record = app
        .db
        .read(move |c| learning::statements_of(c, user))
        .await
        .unwrap();
    let summary: Vec<(String, String)> = record
        .iter()
        .map(|(verb, object, _)| (verb.clone(), object.replace(&app.url, "")))
        .collect();
    let expected = [
        ("registered", COURSE.to_string()),
        ("completed", format!("{COURSE}/lessons/purpose")),
        ("completed", format!("{COURSE}/lessons/reflection")),
        ("completed", format!("{COURSE}/lessons/process")),
        ("completed", COURSE.to_string()),
    ];
    let mut got = summary.clone();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(v, o)| (v.to_string(), o.clone()))
        .collect();
    // The last lesson and the course complete in the same instant.
    got.sort();
    want.sort();
    assert_eq!(got, want);
    for (_, _, statement) in &record {
        let st: Value = serde_json::from_str(statement).unwrap();
        assert_eq!(st["actor"]["account"]["name"], user.0.to_string());
        assert_eq!(st["actor"]["account"]["homePage"], app.url.as_str());
        assert_eq!(st["version"], "1.0.3");
        assert!(
            !statement.contains("@example.org"),
            "no email in the record"
        );
        assert_eq!(lyceum_domain::xapi::validate(&st), vec![], "{st:#}");
    }
    // One enrolment, one registration on each of its statements.
    let registrations: std::collections::HashSet<&str> = record
        .iter()
        .map(|(_, _, s)| {
            let at = s.find("\"registration\":\"").expect("a registration") + 16;
            &s[at..at + 36]
        })
        .collect();
    assert_eq!(registrations.len(), 1, "{registrations:?}");
}

#[tokio::test]
async fn learners_keep_the_version_they_started() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    let early = enrolled(&app, &s, "educator").await;

    app.import_course(&course(true), None).await;
    let late = app.browser();
    late.sign_in(s.email("facilitator"), PASSWORD).await;
    late.post(&format!("{COURSE}/enrol"), &[])
        .await
        .expect("Version two.");
    late.get(COURSE).await.expect("0 of 4 lessons finished");

    // The early learner still reads version one, and needs only its three
    // lessons to complete the course.
    early
        .get(&format!("{COURSE}/lessons/purpose"))
        .await
        .expect("Version one.");
    assert_eq!(
        early.get(&format!("{COURSE}/lessons/rubric")).await.status,
        404
    );
    early
        .get(COURSE)
        .await
        .expect("0 of 3 lessons finished")
        .expect("A newer version of this course is out.");
    for lesson in ["purpose", "process", "reflection"] {
        early
            .post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    let completed = early.get(COURSE).await;
    completed.expect("You completed this course.");
    assert!(
        !completed.contains("Move to the new version"),
        "a completed version stays"
    );
    late.get(COURSE).await.expect("0 of 4 lessons finished");
}

#[tokio::test]
async fn a_learner_may_move_to_the_new_version_and_keep_what_they_finished() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    // Moving needs an enrolment.
    assert_eq!(b.post(&format!("{COURSE}/move"), &[]).await.status, 403);
    b.post(&format!("{COURSE}/enrol"), &[]).await;
    for lesson in ["purpose", "process"] {
        b.post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    app.import_course(&course(true), None).await;
    b.post(&format!("{COURSE}/move"), &[])
        .await
        .expect("You are now on the new version of this course.")
        .expect("2 of 4 lessons finished");
    b.get(&format!("{COURSE}/lessons/purpose"))
        .await
        .expect("Version two.");
    for lesson in ["reflection", "rubric"] {
        b.post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    let done = b.get(COURSE).await;
    done.expect("You completed this course.");
    assert!(!done.contains("A newer version"));
    // Moving again changes nothing.
    b.post(&format!("{COURSE}/move"), &[])
        .await
        .expect("You completed this course.");
}

#[tokio::test]
async fn completing_a_course_earns_hours_and_a_certificate_anyone_can_check() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let mut c = course(false);
    c["pd_hours"] = json!(1.25);
    c["competencies"] =
        json!([{ "id": "unesco-ai-cft-2024/ai-pedagogy-integration", "level": "deepen" }]);
    app.import_course(&c, None).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.get("/transcript")
        .await
        .expect("PD transcript")
        .expect("No PD hours yet");
    b.post(&format!("{COURSE}/enrol"), &[]).await;
    for lesson in ["purpose", "process", "reflection"] {
        b.post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }

    // The educator's school is in Ohio: New York time.
    let today = app
        .clock
        .now()
        .date_in(&lyceum_domain::time::TimeZone::parse("America/New_York").unwrap());
    let (y, m) = (i32::from(today.year()), today.month());
    let year = if m >= 7 { y } else { y - 1 };
    let label = format!("{year}–{:02}", (year + 1) % 100);
    b.get("/transcript")
        .await
        .expect(&format!("{label} school year: 1.25 PD hours"))
        // The activity's cell links its certificate (and prints its address).
        .expect_row(&["Designing an AI-aware assignment…", "Course", "1.25"])
        .expect("<br><a class=\"screen-only\" href=\"/certificates/");
    let csv = b.get("/transcript.csv").await;
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "School year,Date,Activity,Source,PD hours");
    assert!(
        lines[1].starts_with(&label)
            && lines[1].ends_with("Designing an AI-aware assignment,course,1.25"),
        "{}",
        lines[1]
    );

    let course_page = b.get(COURSE).await;
    let href = course_page
        .body
        .split("href=\"/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|code| format!("/certificates/{code}"))
        .expect("a link to the certificate");
    // Anyone can check it, signed in or not, in either language.
    let anyone = app.browser();
    anyone
        .get(&href)
        .await
        .expect("This certificate is valid.")
        .expect("<dd>Test educator</dd>")
        .expect("Designing an AI-aware assignment</a>")
        .expect("1.25 PD hours")
        .expect("AI-pedagogy integration · Deepen")
        .expect("Test Programme");
    anyone
        .post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    anyone
        .get(&href)
        .await
        .expect("Este certificado es válido.")
        .expect("1,25 horas")
        .expect("Integración de la IA y la pedagogía · Profundizar");
    assert_eq!(
        anyone.get("/certificates/not-a-real-code").await.status,
        404
    );
    // Completing is counted once: the ledger has one entry.
    b.post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    assert_eq!(b.get("/transcript.csv").await.body.lines().count(), 2);
}

pub(crate) fn with_quiz() -> Value {
    let mut c = course(false);
    c["lessons"]["reflection"]["quiz"] = json!({
        "pass_mark": 100,
        "max_attempts": 2,
        "questions": [
            { "key": "purpose", "prompt": "What comes first?", "kind": "single", "options": [
                { "key": "tool", "text": "The tool", "correct": false, "feedback": "Start from the purpose." },
                { "key": "goal", "text": "The learning goal", "correct": true, "feedback": "Yes." },
            ] },
            { "key": "evidence", "prompt": "Which show learning?", "kind": "multiple", "options": [
                { "key": "drafts", "text": "Drafts", "correct": true },
                { "key": "final", "text": "Only the final text", "correct": false },
                { "key": "talk", "text": "A conversation", "correct": true },
            ] },
        ],
    });
    c
}

#[tokio::test]
async fn a_quiz_is_graded_with_feedback_and_finishes_its_lesson_when_passed() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    let quiz = format!("{COURSE}/lessons/reflection/quiz");
    let b = enrolled(&app, &s, "educator").await;
    let lesson = b.get(&format!("{COURSE}/lessons/reflection")).await;
    lesson
        .expect("Check your understanding")
        .expect("Pass mark: 100% of the questions right. Attempts left: 2.")
        .expect(&format!("action=\"{quiz}\""))
        .expect("type=\"checkbox\"");
    assert!(
        !lesson.contains("I have finished this lesson"),
        "a quiz finishes it"
    );
    assert_eq!(
        b.post(&format!("{COURSE}/lessons/reflection/finish"), &[])
            .await
            .status,
        403
    );

    // Answers of the wrong shape: refused, and no attempt is used.
    let wrong_shape = b
        .post(
            &quiz,
            &[
                ("q-purpose", "goal"),
                ("q-purpose", "tool"),
                ("q-ghost", "x"),
            ],
        )
        .await;
    assert_eq!(wrong_shape.status, 422);
    wrong_shape
        .expect("This answer is for a question that is not in this quiz.")
        .expect("Choose only one answer.")
        .expect("Answer this question.")
        .expect("Attempts left: 2.");

    let failed = b
        .post(
            &quiz,
            &[
                ("q-purpose", "tool"),
                ("q-evidence", "drafts"),
                ("q-evidence", "talk"),
            ],
        )
        .await;
    failed
        .expect("Not passed yet.")
        .expect("You scored 50%.")
        .expect("Not quite.</strong> Start from the purpose.")
        .expect("Attempts left: 1.");
    let passed = b
        .post(
            &quiz,
            &[
                ("q-purpose", "goal"),
                ("q-evidence", "drafts"),
                ("q-evidence", "talk"),
            ],
        )
        .await;
    passed
        .expect("You passed the quiz.")
        .expect("You scored 100%.")
        .expect("You passed the quiz.")
        .expect("You finished this lesson.");
    assert!(
        !passed.contains(&format!("action=\"{quiz}\"")),
        "no more attempts needed"
    );

    let user = s.user("educator");
    let record = app
        .db
        .read(move |c| learning::statements_of(c, user))
        .await
        .unwrap();
    let verbs: Vec<&str> = record.iter().map(|(v, _, _)| v.as_str()).collect();
    assert!(
        verbs.contains(&"failed") && verbs.contains(&"passed"),
        "{verbs:?}"
    );
    let passed_statement = record.iter().find(|(v, _, _)| v == "passed").unwrap();
    let st: Value = serde_json::from_str(&passed_statement.2).unwrap();
    assert_eq!(st["result"]["score"]["scaled"], 1.0);

    // Someone who fails twice has no attempt left.
    let other = app.browser();
    other.sign_in(s.email("facilitator"), PASSWORD).await;
    other.post(&format!("{COURSE}/enrol"), &[]).await;
    for _ in 0..2 {
        other
            .post(&quiz, &[("q-purpose", "tool"), ("q-evidence", "final")])
            .await;
    }
    let spent = other.get(&format!("{COURSE}/lessons/reflection")).await;
    spent.expect("Attempts left: 0.").expect("You scored 0%.");
    assert!(!spent.contains(&format!("action=\"{quiz}\"")));
    assert_eq!(
        other
            .post(
                &quiz,
                &[
                    ("q-purpose", "goal"),
                    ("q-evidence", "drafts"),
                    ("q-evidence", "talk")
                ]
            )
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_certificate_that_expires_is_reminded_once_then_shows_expired() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let mut c = course(false);
    c["certificate_valid_months"] = json!(2);
    app.import_course(&c, None).await;
    let b = enrolled(&app, &s, "educator").await;
    for lesson in ["purpose", "process", "reflection"] {
        b.post(&format!("{COURSE}/lessons/{lesson}/finish"), &[])
            .await;
    }
    let href = b
        .get(COURSE)
        .await
        .body
        .split("href=\"/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|code| format!("/certificates/{code}"))
        .expect("a link to the certificate");
    let ohio = lyceum_domain::time::TimeZone::parse("America/New_York").unwrap();
    // Two months on, on the holder's (Ohio's) calendar; the page adds the
    // time and zone, the email gives the day.
    let until_at = app.clock.now().plus_months(2, &ohio);
    let shown =
        lyceum_web::page::human_date(until_at.micros(), &ohio, lyceum_domain::i18n::Lang::En);
    let until = until_at.date_in(&ohio).to_string();
    b.get(&href)
        .await
        .expect("This certificate is valid.")
        .expect(&format!("<dt>Valid until</dt><dd>{shown}, "));

    let url = app.url.clone();
    let sweep = || {
        let (db, now, url) = (app.db.clone(), app.clock.now(), url.clone());
        async move {
            db.write(move |c| {
                lyceum_db::credit::remind_expiring(c, now, &|code| {
                    format!("{url}/certificates/{code}")
                })
            })
            .await
            .unwrap()
        }
    };
    // Two months out: too early to remind.
    assert_eq!(sweep().await, 0);
    // Within 30 days of expiry: one reminder, once.
    app.clock.advance(Duration::from_secs(40 * 86_400));
    assert_eq!(sweep().await, 1);
    assert_eq!(sweep().await, 0);
    let mail = app.mail_to(s.email("educator")).await;
    assert_eq!(mail.subject, "Your Lyceum certificate expires soon");
    assert!(
        mail.text.contains(&format!(
            "“Designing an AI-aware assignment” expires on {until}."
        )),
        "{}",
        mail.text
    );
    assert_eq!(mail.link_path("/certificates/"), href);
    // Past the day: the public page says so.
    app.clock.advance(Duration::from_secs(30 * 86_400));
    b.get(&href).await.expect("This certificate has expired.");
}

/// Statements stored before `context.registration` existed have none in
/// their stored text; read back (by `statements_of` and in the export),
/// those of the enrolment they belong to carry its registration as new ones
/// do, and one from before the enrolment (of an earlier one, since removed)
/// is not given it.
#[tokio::test]
async fn statements_stored_before_registrations_are_read_with_their_enrolments() {
    use diesel::prelude::*;
    use lyceum_db::schema::{enrolments, learning_records};
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&course(false), None).await;
    let b = enrolled(&app, &s, "educator").await;
    b.post(&format!("{COURSE}/lessons/purpose/finish"), &[])
        .await;
    let user = s.user("educator");

    // As the records were written before: no registration in the text; and
    // one statement of an earlier enrolment.
    let (course_id, enrolled_at) = app
        .db
        .write(move |c| {
            let rows: Vec<(String, String)> = learning_records::table
                .select((learning_records::id, learning_records::statement))
                .load(c)?;
            assert_eq!(rows.len(), 2, "registered and completed");
            for (id, text) in rows {
                let mut st: Value = serde_json::from_str(&text).unwrap();
                assert!(st["context"]["registration"].is_string(), "{st}");
                let context = st["context"].as_object_mut().unwrap();
                context.remove("registration");
                if context.is_empty() {
                    st.as_object_mut().unwrap().remove("context");
                }
                diesel::update(learning_records::table.find(&id))
                    .set(learning_records::statement.eq(st.to_string()))
                    .execute(c)?;
            }
            let (course_id, enrolled_at): (i64, i64) = enrolments::table
                .filter(enrolments::user_id.eq(user.0))
                .select((enrolments::course_id, enrolments::enrolled_at))
                .first(c)?;
            let (verb, object, text): (String, String, String) = learning_records::table
                .filter(learning_records::verb.eq("registered"))
                .select((
                    learning_records::verb,
                    learning_records::object_id,
                    learning_records::statement,
                ))
                .first(c)?;
            let earlier_id = "00000000-0000-4000-8000-000000000001";
            let mut earlier: Value = serde_json::from_str(&text).unwrap();
            earlier["id"] = json!(earlier_id);
            diesel::insert_into(learning_records::table)
                .values((
                    learning_records::id.eq(earlier_id),
                    learning_records::user_id.eq(user.0),
                    learning_records::verb.eq(verb),
                    learning_records::object_id.eq(object),
                    learning_records::course_id.eq(course_id),
                    learning_records::stored_at.eq(enrolled_at - 86_400_000_000),
                    learning_records::statement.eq(earlier.to_string()),
                ))
                .execute(c)?;
            Ok((course_id, enrolled_at))
        })
        .await
        .unwrap();
    let registration = lyceum_domain::xapi::registration(
        user.0,
        course_id,
        lyceum_domain::Timestamp::from_micros(enrolled_at),
    );

    let check = |statements: Vec<Value>| {
        assert_eq!(statements.len(), 3, "{statements:?}");
        for st in &statements {
            let given = &st["context"]["registration"];
            if st["id"] == "00000000-0000-4000-8000-000000000001" {
                assert!(given.is_null(), "an earlier enrolment's: {st}");
            } else {
                assert_eq!(given, registration.as_str(), "{st}");
            }
            assert_eq!(lyceum_domain::xapi::validate(st), vec![], "{st:#}");
        }
    };
    let read = app
        .db
        .read(move |c| learning::statements_of(c, user))
        .await
        .unwrap();
    check(
        read.iter()
            .map(|(_, _, text)| serde_json::from_str(text).unwrap())
            .collect(),
    );
    let export = b
        .request(reqwest::Method::GET, "/account/export")
        .send()
        .await
        .unwrap();
    let files = crate::personal_data::unzip(&export.bytes().await.unwrap());
    let learning: Value = serde_json::from_slice(&files["learning.json"]).unwrap();
    check(learning["learning_records"].as_array().unwrap().clone());
}
