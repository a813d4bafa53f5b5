//! The catalogue for its reader (issue 17, item 3): courses in their
//! language first, the other language one link away, never the twin of a
//! course they follow, best match for what they teach without leaving any
//! course out, and facets that count and hide values finding nothing — on
//! the page and over the API alike.

use super::api::{call, token_for};
use lyceum_testkit::{PASSWORD, Page, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

/// A course of one reading lesson.
fn course(
    slug: &str,
    lang: &str,
    subjects: &[&str],
    bands: &[&str],
    translation_of: Option<&str>,
) -> Value {
    let mut c = json!({
        "format": "lyceum-course/1", "slug": slug, "language": lang,
        "title": format!("Course {slug}"), "summary": "One lesson.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "subjects": subjects, "grade_bands": bands,
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": format!("Only {slug}"), "markdown": "Read this." } },
    });
    if let Some(of) = translation_of {
        c["translation_of"] = json!(of);
    }
    c
}

/// Two courses in both languages, an English one and a Spanish one:
/// `math-en`/`math-es` (math, 6–8), `sci-en`/`sci-es` (science, 9–12),
/// `all-en` (no subject or band named) and `arte-es` (arts, k–2).
async fn catalogue(app: &TestApp) {
    for c in [
        course("math-en", "en", &["math"], &["6-8"], None),
        course("math-es", "es", &["math"], &["6-8"], Some("math-en")),
        course("sci-en", "en", &["science"], &["9-12"], None),
        course("sci-es", "es", &["science"], &["9-12"], Some("sci-en")),
        course("all-en", "en", &[], &[], None),
        course("arte-es", "es", &["arts"], &["k-2"], None),
    ] {
        app.import_course(&c, None).await;
    }
}

/// The course slugs the cards link to, in order.
fn cards(p: &Page) -> Vec<String> {
    p.body
        .split("<li class=\"card\"")
        .skip(1)
        .filter_map(|card| card.split("<a href=\"/courses/").nth(1))
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect()
}

fn slugs(v: &Value) -> Vec<&str> {
    v["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect()
}

/// A facet's counts from the API, as (value, count).
fn counts<'a>(v: &'a Value, facet: &str) -> Vec<(&'a str, i64)> {
    v["facets"]["counts"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["value"].as_str().unwrap(), c["count"].as_i64().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_catalogue_starts_in_the_readers_language_with_the_other_one_link_away() {
    let app = TestApp::start().await;
    catalogue(&app).await;
    let b = app.browser();

    // Signed out, in English: the English courses, by title.
    let en = b.get("/courses").await;
    assert_eq!(cards(&en), ["all-en", "math-en", "sci-en"]);
    en.expect("Showing courses in English.")
        .expect("<a href=\"/courses?q=&#38;subject=&#38;grade_band=&#38;competency=&#38;delivery=&#38;language=any&#38;hours=&#38;sort=\">Show courses in Español too</a>")
        .expect("3 courses");
    // The link: both languages, a course in two languages once (the
    // reader's), and the way back.
    let both = b.get("/courses?language=any").await;
    assert_eq!(cards(&both), ["all-en", "arte-es", "math-en", "sci-en"]);
    both.expect("Showing courses in every language.")
        .expect(">Show only courses in English</a>")
        .expect("<a href=\"/courses/math-es\" hreflang=\"es\">Also in Español</a>");
    // The filter keeps its state in the form too.
    both.expect("<option value=\"any\" selected>Every language (4)</option>");

    // In Spanish: the Spanish ones.
    b.post("/language", &[("lang", "es"), ("return_to", "/courses")])
        .await;
    let es = b.get("/courses").await;
    assert_eq!(cards(&es), ["arte-es", "math-es", "sci-es"]);
    es.expect("Se muestran cursos en Español.")
        .expect(">Mostrar también cursos en English</a>");
    let both = b.get("/courses?language=any").await;
    assert_eq!(cards(&both), ["all-en", "arte-es", "math-es", "sci-es"]);
    // Asking for one language shows it, whatever the reader's.
    assert_eq!(
        cards(&b.get("/courses?language=en").await),
        ["all-en", "math-en", "sci-en"]
    );

    // The API: the request's language, and the language shown.
    let s = app.seed().await;
    let t = token_for(&app, s.email("educator")).await;
    let (status, list) = call(&app, Method::GET, "/api/v1/courses", Some(&t), None).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["language"], "en");
    assert_eq!(slugs(&list), ["all-en", "math-en", "sci-en"]);
    let (_, any) = call(
        &app,
        Method::GET,
        "/api/v1/courses?language=any",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(any["language"], "any");
    assert_eq!(any["found"], 4, "{any}");
    assert!(
        any["facets"]["language"]
            .as_array()
            .unwrap()
            .contains(&json!("any"))
    );
    // The OpenAPI document describes what was added.
    let (_, doc) = call(&app, Method::GET, "/api/openapi.json", None, None).await;
    let schemas = &doc["components"]["schemas"];
    assert!(
        schemas["FacetsDto"]["properties"]["counts"].is_object(),
        "{}",
        schemas["FacetsDto"]
    );
    assert!(schemas["FacetCountsDto"]["properties"]["language"].is_object());
    assert!(schemas["CataloguePageDto"]["properties"]["sort"].is_object());
}

#[tokio::test]
async fn a_course_one_follows_never_shows_its_twin() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    catalogue(&app).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    // An English reader who follows the Spanish math course.
    b.post("/courses/math-es/enrol", &[]).await;
    let en = b.get("/courses?sort=relevance").await;
    assert_eq!(cards(&en), ["all-en", "sci-en"], "no math-en");
    // Both languages: the one they follow, not the reader's language's.
    let both = b.get("/courses?language=any&sort=relevance").await;
    assert_eq!(cards(&both), ["all-en", "arte-es", "math-es", "sci-en"]);
    // Asked for by language, too.
    assert_eq!(
        cards(&b.get("/courses?language=en&subject=math").await),
        Vec::<String>::new()
    );
    // Its counts agree: math is one course in every language.
    both.expect("<option value=\"math\">Mathematics (1)</option>");
    let t = token_for(&app, s.email("educator")).await;
    let (_, list) = call(
        &app,
        Method::GET,
        "/api/v1/courses?language=any&sort=relevance",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(slugs(&list), ["all-en", "arte-es", "math-es", "sci-en"]);
    assert_eq!(list["courses"][2]["translation"]["slug"], "math-en");
    // Someone else still sees the English one.
    let other = app.browser();
    other.sign_in(s.email("facilitator"), PASSWORD).await;
    assert!(
        cards(&other.get("/courses").await).contains(&"math-en".to_string()),
        "only the follower's list changes"
    );
}

#[tokio::test]
async fn facets_count_with_the_other_filters_and_hide_values_finding_none() {
    let app = TestApp::start().await;
    catalogue(&app).await;
    let b = app.browser();

    // English: math 1, science 1; arts (Spanish only) finds none here.
    let en = b.get("/courses").await;
    en.expect("<option value=\"math\">Mathematics (1)</option>")
        .expect("<option value=\"science\">Science (1)</option>")
        .expect("<option value=\"9-12\">Grades 9 to 12 (1)</option>")
        .expect("<option value=\"self-paced\">Self-paced (3)</option>")
        // The language facet counts without its own filter.
        .expect("<option value=\"en\" selected>English (3)</option>")
        .expect("<option value=\"es\">Español (3)</option>")
        .expect("<option value=\"any\">Every language (4)</option>");
    for absent in ["value=\"arts\"", "value=\"k-2\"", "value=\"cohort\""] {
        assert!(!en.contains(absent), "{absent}: finds nothing, not offered");
    }
    // A subject narrows the grade bands' counts, not the subjects'.
    let math = b.get("/courses?subject=math").await;
    assert_eq!(cards(&math), ["math-en"]);
    math.expect("<option value=\"math\" selected>Mathematics (1)</option>")
        .expect("<option value=\"science\">Science (1)</option>")
        .expect("<option value=\"6-8\">Grades 6 to 8 (1)</option>");
    assert!(!math.contains("value=\"9-12\""), "no math course for 9–12");
    // A value chosen that finds nothing stays, to be undone.
    let none = b.get("/courses?subject=math&grade_band=9-12").await;
    assert!(cards(&none).is_empty());
    none.expect("<option value=\"9-12\" selected>Grades 9 to 12 (0)</option>")
        .expect("<option value=\"6-8\">Grades 6 to 8 (1)</option>");
    // Words count too (searches ask the database which courses).
    let words = b.get("/courses?q=math&language=any").await;
    words
        .expect("<option value=\"math\">Mathematics (1)</option>")
        .expect("<option value=\"en\">English (1)</option>")
        .expect("<option value=\"es\">Español (1)</option>");
    assert!(!words.contains("value=\"science\""), "{}", words.body);

    // The API counts the same way.
    let s = app.seed().await;
    let t = token_for(&app, s.email("educator")).await;
    let (_, list) = call(
        &app,
        Method::GET,
        "/api/v1/courses?subject=math&grade_band=9-12",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(list["found"], 0);
    assert_eq!(
        counts(&list, "subject"),
        [("math", 0), ("science", 1)],
        "{list}"
    );
    assert_eq!(counts(&list, "grade_band"), [("6-8", 1), ("9-12", 0)]);
    // No language finds one; the one shown stays.
    assert_eq!(counts(&list, "language"), [("en", 0)]);
}

#[tokio::test]
async fn best_match_for_you_ranks_by_what_one_teaches_and_keeps_every_course() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    catalogue(&app).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let before = cards(&b.get("/courses").await);
    assert_eq!(
        before,
        ["all-en", "math-en", "sci-en"],
        "no profile: by title"
    );
    // Teaching science in 9–12: science first, then the course for
    // everyone, then math; none left out.
    b.post(
        "/profile",
        &[
            ("display_name", "Test educator"),
            ("preferred_language", "en"),
            ("subjects", "science"),
            ("grade_bands", "9-12"),
        ],
    )
    .await;
    let page = b.get("/courses").await;
    assert_eq!(cards(&page), ["sci-en", "all-en", "math-en"]);
    page.expect("<option value=\"for-you\" selected>Best match for you</option>");
    // The other orders are still there.
    assert_eq!(
        cards(&b.get("/courses?sort=relevance").await),
        ["all-en", "math-en", "sci-en"]
    );
    // Both languages: theirs first, then by fit.
    assert_eq!(
        cards(&b.get("/courses?language=any").await),
        ["sci-en", "all-en", "math-en", "arte-es"]
    );
    // The API's default is the same.
    let t = token_for(&app, s.email("educator")).await;
    let (_, list) = call(&app, Method::GET, "/api/v1/courses", Some(&t), None).await;
    assert_eq!(list["sort"], "for-you");
    assert_eq!(slugs(&list), ["sci-en", "all-en", "math-en"]);
    // Signed out there is nobody to fit: no such order offered.
    let anon = app.browser().get("/courses").await;
    assert!(!anon.contains("value=\"for-you\""));
}
