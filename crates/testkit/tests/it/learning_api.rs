//! Learning over the JSON API, end to end over HTTP: competency frameworks,
//! the catalogue, courses and lessons, enrolment, finishing lessons, quiz
//! attempts, progress and moving to a new version — and the denials: a
//! course of another organisation does not exist, nor does someone else's
//! enrolment, and a body of the wrong shape names its field.

use super::api::call;
use crate::api::token_for;
use crate::learning::{COURSE, with_quiz};
use lyceum_domain::OrgId;
use lyceum_testkit::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

async fn get(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    call(app, Method::GET, path, Some(token), None).await
}

async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> (u16, Value) {
    call(app, Method::POST, path, Some(token), Some(body)).await
}

fn api(path: &str) -> String {
    format!("/api/v1{path}")
}

#[tokio::test]
async fn frameworks_their_trees_and_one_competency() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    let t = token_for(&app, s.email("educator")).await;

    let (status, list) = get(&app, "/api/v1/frameworks", &t).await;
    assert_eq!(status, 200);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "unesco-ai-cft-2024"
                && f["title"]["es"] == "Marco de competencias en IA para docentes"),
        "{list}"
    );

    let (status, f) = get(&app, "/api/v1/frameworks/unesco-ai-cft-2024", &t).await;
    assert_eq!(status, 200);
    assert_eq!(f["source"], "builtin");
    let items = f["items"].as_array().unwrap();
    assert_eq!(items.iter().filter(|i| i["kind"] == "aspect").count(), 5);
    assert_eq!(
        items.iter().filter(|i| i["kind"] == "competency").count(),
        15
    );
    assert!(!f["levels"].as_array().unwrap().is_empty());

    // A competency id holds a slash: sent encoded, as any client would.
    let (status, c) = get(
        &app,
        "/api/v1/frameworks/unesco-ai-cft-2024/competencies/unesco-ai-cft-2024%2Fhuman-agency",
        &t,
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["item"]["id"], "unesco-ai-cft-2024/human-agency");
    assert_eq!(c["item"]["level"], "acquire");
    assert_eq!(c["level"]["key"], "acquire");
    assert_eq!(c["ancestors"].as_array().unwrap().len(), 1);
    assert_eq!(c["ancestors"][0]["kind"], "aspect");

    for missing in [
        "/api/v1/frameworks/no-such-framework",
        "/api/v1/frameworks/unesco-ai-cft-2024/competencies/nothing-here",
    ] {
        let (status, e) = get(&app, missing, &t).await;
        assert_eq!((status, &e["error"]["code"]), (404, &json!("not_found")));
    }
}

/// A course with a word nothing else has, owned by `org` (None: the programme).
async fn zebrafish(app: &TestApp, slug: &str, org: Option<OrgId>) {
    let doc = json!({
        "format": "lyceum-course/1",
        "slug": slug,
        "language": "es",
        "title": format!("Zebrafish {slug}"),
        "summary": "Zebrafish and a chatbot that gets things wrong.",
        "pd_hours": 2,
        "delivery": "cohort",
        "subjects": ["science"],
        "competencies": [{ "id": "unesco-ai-cft-2024/human-agency" }],
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Labs", "lessons": ["welcome"] }],
        "lessons": { "welcome": { "title": "Welcome", "markdown": "Read *this*." } },
    });
    app.import_course(&doc, org).await;
}

#[tokio::test]
async fn the_catalogue_searches_as_its_page_and_hides_other_organisations_courses() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    zebrafish(&app, "national-zebrafish", None).await;
    zebrafish(&app, "lincoln-zebrafish", Some(s.school_a)).await;
    let educator = token_for(&app, s.email("educator")).await;
    // The moderator belongs elsewhere in the tree: Lincoln's course is not theirs.
    let outsider = token_for(&app, s.email("moderator")).await;

    let (status, all) = get(&app, "/api/v1/courses?language=any", &educator).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["found"], 3);
    assert_eq!(
        (all["page"].clone(), all["next_page"].clone()),
        (json!(1), Value::Null)
    );
    assert!(
        all["facets"]["sort"]
            .as_array()
            .unwrap()
            .contains(&json!("newest"))
    );

    // The same words and filters as the page, with the same result.
    let query = "?q=zebrafish&subject=science&language=es&delivery=cohort&hours=1-to-3";
    let (_, found) = get(&app, &api(&format!("/courses{query}")), &educator).await;
    let slugs: Vec<&str> = found["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs.len(), 2, "{found}");
    let page = app.browser();
    page.sign_in(s.email("educator"), lyceum_testkit::PASSWORD)
        .await;
    let html = page.get(&format!("/courses{query}")).await.body;
    for slug in &slugs {
        assert!(
            html.contains(&format!("/courses/{slug}\"")),
            "{slug} not on the page"
        );
    }
    let (_, theirs) = get(&app, &api(&format!("/courses{query}")), &outsider).await;
    assert_eq!(theirs["found"], 1, "{theirs}");
    assert_eq!(theirs["courses"][0]["slug"], "national-zebrafish");

    // A filter value that is no choice is refused, naming the field.
    let (status, e) = get(&app, "/api/v1/courses?subject=astrology", &educator).await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["fields"][0]["field"], "subject");
    let (status, e) = get(&app, "/api/v1/courses?page=0", &educator).await;
    assert_eq!((status, &e["error"]["code"]), (400, &json!("bad_request")));
    let (status, e) = get(&app, "/api/v1/courses?page=2", &educator).await;
    assert_eq!((status, e["courses"].as_array().unwrap().len()), (200, 0));

    // One course, with its modules and lessons; one lesson's content.
    let (status, c) = get(&app, "/api/v1/courses/ai-aware-assignments", &educator).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["card"]["title"], "Designing an AI-aware assignment");
    assert_eq!(c["modules"][0]["lessons"][2]["key"], "reflection");
    assert_eq!(c["modules"][0]["lessons"][2]["activities"], json!(["quiz"]));
    assert_eq!(c["enrolment"], Value::Null);
    let (_, z) = get(&app, "/api/v1/courses/lincoln-zebrafish", &educator).await;
    assert_eq!(
        z["builds"][0]["competency_id"],
        "unesco-ai-cft-2024/human-agency"
    );
    assert_eq!(z["offered_by"], "Lincoln Elementary", "{z}");

    let (status, l) = get(
        &app,
        "/api/v1/courses/ai-aware-assignments/lessons/reflection",
        &educator,
    )
    .await;
    assert_eq!(status, 200, "{l}");
    assert_eq!(l["previous_key"], "process");
    assert_eq!(l["next_key"], Value::Null);
    assert_eq!(l["finished_by_reading"], false);
    assert_eq!(l["quiz"]["questions"][1]["multiple"], true);
    assert_eq!(l["quiz"]["max_attempts"], 2);
    // The answer key stays on the server.
    assert!(!l.to_string().contains("correct"), "{l}");
    let (_, z) = get(
        &app,
        "/api/v1/courses/lincoln-zebrafish/lessons/welcome",
        &educator,
    )
    .await;
    assert_eq!(z["html"], "<p>Read <em>this</em>.</p>\n");

    // Another organisation's course does not exist for an outsider.
    for path in [
        "/api/v1/courses/lincoln-zebrafish",
        "/api/v1/courses/lincoln-zebrafish/lessons/welcome",
        "/api/v1/courses/lincoln-zebrafish/progress",
    ] {
        let (status, e) = get(&app, path, &outsider).await;
        assert_eq!(
            (status, &e["error"]["code"]),
            (404, &json!("not_found")),
            "{path}"
        );
    }
    let (status, _) = post(
        &app,
        "/api/v1/courses/lincoln-zebrafish/enrol",
        &outsider,
        json!({}),
    )
    .await;
    assert_eq!(status, 404);
    let (_, mine) = get(&app, "/api/v1/enrolments", &outsider).await;
    assert_eq!(mine, json!([]));
}

#[tokio::test]
async fn enrol_finish_attempt_and_progress_as_the_pages_do() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    let t = token_for(&app, s.email("educator")).await;
    let other = token_for(&app, s.email("facilitator")).await;
    let c = "/api/v1/courses/ai-aware-assignments";

    // Only a learner acts on a course.
    let (status, _) = post(&app, &format!("{c}/lessons/purpose/finish"), &t, json!({})).await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, &format!("{c}/progress"), &t).await;
    assert_eq!(status, 404);

    let (status, p) = post(&app, &format!("{c}/enrol"), &t, json!({})).await;
    assert_eq!(status, 201, "{p}");
    assert_eq!(
        (p["lessons_done"].clone(), p["lessons_total"].clone()),
        (json!(0), json!(3))
    );
    assert_eq!(p["next_lesson"], "purpose");
    let (status, _) = post(&app, &format!("{c}/enrol"), &t, json!({})).await;
    assert_eq!(status, 200, "enrolling again changes nothing");

    let (status, f) = post(&app, &format!("{c}/lessons/purpose/finish"), &t, json!({})).await;
    assert_eq!(status, 200, "{f}");
    assert_eq!(
        (f["lesson_finished"].clone(), f["course_completed"].clone()),
        (json!(true), json!(false))
    );
    let (_, again) = post(&app, &format!("{c}/lessons/purpose/finish"), &t, json!({})).await;
    assert_eq!(again["lesson_finished"], false);
    // A quiz finishes its lesson, not reading.
    let (status, _) = post(
        &app,
        &format!("{c}/lessons/reflection/finish"),
        &t,
        json!({}),
    )
    .await;
    assert_eq!(status, 403);
    post(&app, &format!("{c}/lessons/process/finish"), &t, json!({})).await;

    // Someone else's enrolment is not there for another person.
    let (status, e) = get(&app, &format!("{c}/progress"), &other).await;
    assert_eq!((status, &e["error"]["code"]), (404, &json!("not_found")));
    let (status, _) = get(&app, &format!("{c}/lessons/reflection/attempts"), &other).await;
    assert_eq!(status, 404);
    let (_, theirs) = get(&app, "/api/v1/enrolments", &other).await;
    assert_eq!(theirs, json!([]));

    // A body of the wrong shape names the field; answers of the wrong
    // shape name the question; neither counts as an attempt.
    let quiz = format!("{c}/lessons/reflection/attempts");
    let (status, e) = post(&app, &quiz, &t, json!({ "answers": { "purpose": "goal" } })).await;
    assert_eq!(
        (status, &e["error"]["code"]),
        (400, &json!("bad_request")),
        "{e}"
    );
    assert!(
        e["error"]["detail"]
            .as_str()
            .unwrap()
            .contains("answers.purpose"),
        "{e}"
    );
    let (status, e) = post(&app, &quiz, &t, json!({ "answer": {} })).await;
    assert_eq!(status, 400);
    assert!(
        e["error"]["detail"].as_str().unwrap().contains("answer"),
        "{e}"
    );
    let (status, e) = post(&app, &quiz, &t, json!({ "answers": { "nonsense": ["x"] } })).await;
    assert_eq!(
        (status, &e["error"]["code"]),
        (422, &json!("validation_failed")),
        "{e}"
    );
    let (_, none) = get(&app, &quiz, &t).await;
    assert_eq!(none, json!([]));

    let (status, first) = post(
        &app,
        &quiz,
        &t,
        json!({ "answers": { "purpose": ["tool"], "evidence": ["drafts"] } }),
    )
    .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["attempt"]["number"], 1);
    assert_eq!(first["attempt"]["passed"], false);
    assert_eq!(
        first["attempt"]["marked"][0]["feedback"],
        json!(["Start from the purpose."])
    );
    assert_eq!(first["finished"], Value::Null);

    let (status, second) = post(
        &app,
        &quiz,
        &t,
        json!({ "answers": { "purpose": ["goal"], "evidence": ["drafts", "talk"] } }),
    )
    .await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(
        (
            second["attempt"]["score"].clone(),
            second["attempt"]["passed"].clone()
        ),
        (json!(100), json!(true))
    );
    assert_eq!(second["finished"]["course_completed"], true);
    let code = second["finished"]["certificate"]
        .as_str()
        .unwrap()
        .to_string();

    let (_, history) = get(&app, &quiz, &t).await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    // Finished: no more attempts.
    let (status, _) = post(&app, &quiz, &t, json!({ "answers": {} })).await;
    assert_eq!(status, 403);

    let (_, p) = get(&app, &format!("{c}/progress"), &t).await;
    assert_eq!(p["lessons_done"], 3);
    assert_eq!(p["certificate"], code.as_str());
    assert!(p["completed_at"].is_string());
    let (_, mine) = get(&app, "/api/v1/enrolments", &t).await;
    assert_eq!(mine[0]["course_slug"], "ai-aware-assignments");
    assert_eq!(mine[0]["lessons_done"], 3);
    // Completed: moving changes nothing.
    let (status, same) = post(&app, &format!("{c}/move"), &t, json!({})).await;
    assert_eq!((status, &same["version"]), (200, &json!(1)));
    // The page shows the same.
    let b = app.browser();
    b.sign_in(s.email("educator"), lyceum_testkit::PASSWORD)
        .await;
    b.get(COURSE).await.expect(&format!("/certificates/{code}"));
}

#[tokio::test]
async fn moving_to_a_new_version_keeps_what_was_finished() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&with_quiz(), None).await;
    let t = token_for(&app, s.email("educator")).await;
    let c = "/api/v1/courses/ai-aware-assignments";
    post(&app, &format!("{c}/enrol"), &t, json!({})).await;
    post(&app, &format!("{c}/lessons/purpose/finish"), &t, json!({})).await;

    let mut v2 = with_quiz();
    v2["lessons"]["rubric"] = json!({ "title": "A rubric", "markdown": "Criteria." });
    v2["modules"][0]["lessons"] = json!(["purpose", "process", "reflection", "rubric"]);
    app.import_course(&v2, None).await;

    let (_, p) = get(&app, &format!("{c}/progress"), &t).await;
    assert_eq!(
        (p["version"].clone(), p["current_version"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(p["can_move"], true);
    // The lesson the learner follows is still their version's.
    let (status, _) = get(&app, &format!("{c}/lessons/rubric"), &t).await;
    assert_eq!(status, 404);

    let (status, moved) = post(&app, &format!("{c}/move"), &t, json!({})).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["version"], 2);
    assert_eq!(moved["lessons_total"], 4);
    assert_eq!(moved["done"], json!(["purpose"]));
    assert_eq!(moved["can_move"], false);
    let (status, again) = post(&app, &format!("{c}/move"), &t, json!({})).await;
    assert_eq!(
        (status, &again["version"]),
        (200, &json!(2)),
        "already on it"
    );
    // Someone not enrolled has nothing to move.
    let other = token_for(&app, s.email("facilitator")).await;
    let (status, _) = post(&app, &format!("{c}/move"), &other, json!({})).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn reflections_hand_ins_and_reviews_as_the_pages_do() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&crate::practice::course(), None).await;
    let learner = token_for(&app, s.email("educator")).await;
    let facilitator = token_for(&app, s.email("facilitator")).await;
    let outsider = token_for(&app, s.email("moderator")).await;
    let c = "/api/v1/courses/checking-claims";
    let tasks = format!("{c}/lessons/practice/hand-ins");

    // Only a learner hands in.
    let (status, _) = post(&app, &tasks, &learner, json!({ "text": "Mine" })).await;
    assert_eq!(status, 403);
    post(&app, &format!("{c}/enrol"), &learner, json!({})).await;

    let reflection = format!("{c}/lessons/why/reflection");
    let (status, e) = post(&app, &reflection, &learner, json!({ "text": "  " })).await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["field"]),
        (422, &json!("text")),
        "{e}"
    );
    let (status, e) = post(&app, &reflection, &learner, json!({ "txt": "x" })).await;
    assert_eq!(status, 400);
    assert!(
        e["error"]["detail"].as_str().unwrap().contains("txt"),
        "{e}"
    );
    let (status, r) = post(
        &app,
        &reflection,
        &learner,
        json!({ "text": "When it cited a book that does not exist." }),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["finished"]["lesson_finished"], true);

    // The task takes text or a file, not a link; one form at a time.
    let (status, e) = post(
        &app,
        &tasks,
        &learner,
        json!({ "link": "https://example.org/mine" }),
    )
    .await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["field"]),
        (422, &json!("link")),
        "{e}"
    );
    let (status, e) = post(&app, &tasks, &learner, json!({})).await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["field"]),
        (422, &json!("text")),
        "{e}"
    );
    let (status, first) = post(
        &app,
        &tasks,
        &learner,
        json!({ "text": "Three claims, checked." }),
    )
    .await;
    assert_eq!(status, 201, "{first}");
    let (status, _) = post(
        &app,
        &tasks,
        &learner,
        json!({ "text": "Again while waiting" }),
    )
    .await;
    assert_eq!(status, 422, "one waits already");
    let (_, mine) = get(&app, &tasks, &learner).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(
        (mine[0]["status"].clone(), mine[0]["text"].clone()),
        (json!("submitted"), json!("Three claims, checked."))
    );
    let (status, _) = get(&app, &tasks, &outsider).await;
    assert_eq!(status, 404, "someone else's hand-ins are not there");

    // The queue: the learner's facilitator sees it; nobody else.
    let (_, queue) = get(&app, "/api/v1/review", &facilitator).await;
    assert_eq!(queue.as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(queue[0]["hand_in"]["id"], first["id"]);
    assert_eq!(queue[0]["reflections"][0]["lesson_key"], "why");
    assert_eq!(queue[0]["rubric"][1]["key"], "sources");
    for who in [&learner, &outsider] {
        let (_, q) = get(&app, "/api/v1/review", who).await;
        assert_eq!(q, json!([]));
    }
    let review = format!("/api/v1/review/{}", first["id"]);
    let (status, _) = post(
        &app,
        &review,
        &outsider,
        json!({ "decision": "accepted", "met": ["three", "sources"] }),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = post(
        &app,
        &review,
        &learner,
        json!({ "decision": "accepted", "met": ["three", "sources"] }),
    )
    .await;
    assert_eq!(status, 404, "nobody reviews their own work");

    // Returning needs a comment; accepting, every criterion.
    let (status, e) = post(
        &app,
        &review,
        &facilitator,
        json!({ "decision": "returned" }),
    )
    .await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["field"]),
        (422, &json!("comment")),
        "{e}"
    );
    let (status, e) = post(&app, &review, &facilitator, json!({ "decision": "maybe" })).await;
    assert_eq!((status, &e["error"]["code"]), (400, &json!("bad_request")));
    let (status, returned) = post(
        &app,
        &review,
        &facilitator,
        json!({ "decision": "returned", "met": ["three"], "comment": "Name a source for each." }),
    )
    .await;
    assert_eq!(status, 200, "{returned}");
    assert_eq!(
        (returned["status"].clone(), returned["met"].clone()),
        (json!("returned"), json!(["three"]))
    );
    let (status, e) = post(
        &app,
        &review,
        &facilitator,
        json!({ "decision": "accepted", "met": ["three", "sources"] }),
    )
    .await;
    assert_eq!(
        (status, &e["error"]["fields"][0]["code"]),
        (422, &json!("already-reviewed")),
        "{e}"
    );

    // Again, as a file, the way the page's form sends it.
    let form = reqwest::multipart::Form::new().part(
        "artefact_file",
        reqwest::multipart::Part::bytes(b"%PDF-1.4\nchecks with sources".to_vec())
            .file_name("checks.pdf"),
    );
    let r = reqwest::Client::new()
        .post(format!("{}{tasks}", app.url))
        .bearer_auth(&learner)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let second: Value = r.json().await.unwrap();
    let (status, accepted) = post(
        &app,
        &format!("/api/v1/review/{}", second["id"]),
        &facilitator,
        json!({ "decision": "accepted", "met": ["three", "sources"] }),
    )
    .await;
    assert_eq!(
        (status, &accepted["status"]),
        (200, &json!("accepted")),
        "{accepted}"
    );
    let (_, mine) = get(&app, &tasks, &learner).await;
    assert_eq!(mine[0]["file_name"], "checks.pdf");
    assert_eq!(mine[0]["status"], "accepted");
    assert_eq!(mine[1]["comment"], "Name a source for each.");

    // A facilitator who learns too never finds their own hand-in to review.
    post(&app, &format!("{c}/enrol"), &facilitator, json!({})).await;
    let (_, own) = post(
        &app,
        &tasks,
        &facilitator,
        json!({ "text": "My own checks" }),
    )
    .await;
    let (_, q) = get(&app, "/api/v1/review", &facilitator).await;
    assert_eq!(q, json!([]));
    let (status, _) = post(
        &app,
        &format!("/api/v1/review/{}", own["id"]),
        &facilitator,
        json!({ "decision": "accepted", "met": ["three", "sources"] }),
    )
    .await;
    assert_eq!(status, 404);
}
