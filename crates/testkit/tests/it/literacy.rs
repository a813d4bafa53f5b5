//! The AI-literacy picture: a self-assessment per aspect beside what
//! completed courses show, as a chart with a text alternative and a table,
//! and "what next" courses for the weakest aspects at the next level, for
//! the educator's subjects and grade bands.

use lyceum_testkit::{PASSWORD, TestApp};
use serde_json::{Value, json};

/// A one-lesson course building `competency` (to `level`, if given).
fn course(
    slug: &str,
    title: &str,
    competency: &str,
    level: Option<&str>,
    subjects: &[&str],
) -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": slug,
        "language": "en",
        "title": title,
        "summary": "A short course.",
        "pd_hours": 1,
        "delivery": "self-paced",
        "subjects": subjects,
        "competencies": [{ "id": format!("unesco-ai-cft-2024/{competency}"), "level": level }],
        "licence": "CC BY 4.0",
        "modules": [{ "title": "Only", "lessons": ["only"] }],
        "lessons": { "only": { "title": "Only lesson", "markdown": "Text." } },
    })
}

#[tokio::test]
async fn self_assessment_and_completed_courses_make_the_picture_and_what_comes_next() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // Human-centred mindset: human-agency is its acquire-level competency,
    // human-accountability its deepen-level one.
    for c in [
        course("agency-basics", "Agency basics", "human-agency", None, &[]),
        course(
            "accountable-math",
            "Accountable math teaching",
            "human-accountability",
            None,
            &["math"],
        ),
        course(
            "accountable-art",
            "Accountable art teaching",
            "human-accountability",
            None,
            &["arts"],
        ),
        course(
            "ethics-first-steps",
            "Ethics first steps",
            "ethical-principles",
            Some("acquire"),
            &[],
        ),
    ] {
        app.import_course(&c, None).await;
    }
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post(
        "/profile",
        &[
            ("display_name", "Test educator"),
            ("preferred_language", "en"),
            ("subjects", "math"),
        ],
    )
    .await;

    let first = b.get("/literacy").await;
    first
        .expect("My AI literacy")
        .expect("role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
        .expect("Human-centred mindset: you say Not yet; your courses show Not yet")
        .expect("<caption>Your level on each aspect</caption>")
        // Everything is at "not yet": the first levels come next.
        .expect("Agency basics")
        .expect("Builds Human-centred mindset to Acquire")
        .expect("Ethics first steps");
    assert!(
        !first.contains("Accountable math teaching"),
        "not the next level yet"
    );

    // Completing the acquire-level course moves the aspect on.
    b.post("/courses/agency-basics/enrol", &[]).await;
    b.post("/courses/agency-basics/lessons/only/finish", &[])
        .await
        .expect("You completed this course.");
    let after = b.get("/literacy").await;
    after
        .expect("Human-centred mindset: you say Not yet; your courses show Acquire")
        .expect("Accountable math teaching")
        .expect("Builds Human-centred mindset to Deepen");
    // Not for this educator's subjects: still there, after the math one.
    assert!(
        after.body.find("Accountable math teaching") < after.body.find("Accountable art teaching"),
        "what one teaches first"
    );
    assert!(!after.contains(">Agency basics<"), "already taken");

    // The self-assessment: an unknown level is refused by field, nothing saved.
    let bad = b
        .post("/literacy", &[("aspect-1", "deepen"), ("aspect-2", "guru")])
        .await;
    assert_eq!(bad.status, 422);
    bad.expect("href=\"#f-aspect-2\"");
    b.get("/literacy")
        .await
        .expect("you say Not yet; your courses show Acquire");
    // Saying "create" for the first aspect leaves nothing next there.
    b.post(
        "/literacy",
        &[("aspect-1", "create"), ("aspect-2", "acquire")],
    )
    .await
    .expect("Your self-assessment was saved.")
    .expect("Human-centred mindset: you say Create; your courses show Acquire");
    let now = b.get("/literacy").await;
    assert!(!now.contains("Accountable math teaching"));
    assert!(
        now.body
            .contains("value=\"create\" id=\"f-aspect-1-create\" checked"),
        "the form shows what was saved"
    );
}

#[tokio::test]
async fn filling_in_what_i_teach_ranks_what_next_and_never_empties_it() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    for c in [
        course(
            "agency-math",
            "Agency for math",
            "human-agency",
            None,
            &["math"],
        ),
        course(
            "agency-art",
            "Agency for art",
            "human-agency",
            None,
            &["arts"],
        ),
    ] {
        app.import_course(&c, None).await;
    }
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let profile = |subject: &'static str| {
        [
            ("display_name", "Test educator"),
            ("preferred_language", "en"),
            ("subjects", subject),
        ]
    };
    // No course is for science: what next still has both.
    b.post("/profile", &profile("science")).await;
    let page = b.get("/literacy").await;
    page.expect("Agency for math").expect("Agency for art");
    // Teaching art puts the art course first, and keeps the other.
    b.post("/profile", &profile("arts")).await;
    let page = b.get("/literacy").await;
    let (art, math) = (
        page.body.find("Agency for art").expect("the art course"),
        page.body
            .find("Agency for math")
            .expect("the math course, after it"),
    );
    assert!(art < math, "what one teaches comes first");
    // The API says the same.
    let t = crate::api::token_for(&app, s.email("educator")).await;
    let (_, api) = crate::api::call(
        &app,
        reqwest::Method::GET,
        "/api/v1/literacy",
        Some(&t),
        None,
    )
    .await;
    let titles: Vec<&str> = api["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .filter_map(|s| s["course_title"].as_str())
        .collect();
    assert_eq!(titles, ["Agency for art", "Agency for math"]);
}
