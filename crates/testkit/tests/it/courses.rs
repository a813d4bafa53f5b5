//! Courses from files: imported whole or not at all, versioned, and read by
//! anyone in the catalogue, on the course page and lesson by lesson — with
//! whatever an author's Markdown tried to run taken out.

use lyceum_db::courses;
use lyceum_testkit::TestApp;
use serde_json::{Value, json};

fn course() -> Value {
    json!({
        "format": "lyceum-course/1",
        "slug": "privacidad-estudiantil",
        "language": "es",
        "title": "Proteger la privacidad de sus estudiantes con herramientas de IA",
        "summary": "Qué datos no compartir y cómo elegir herramientas.",
        "pd_hours": 1.5,
        "delivery": "self-paced",
        "subjects": ["science", "math"],
        "grade_bands": ["6-8"],
        "competencies": [{ "id": "unesco-ai-cft-2024/safe-responsible-use", "level": "deepen" }],
        "licence": "CC BY 4.0",
        "modules": [
            { "title": "Los datos", "lessons": ["que-datos", "consentimiento"] },
            { "title": "Las herramientas", "lessons": ["elegir"] },
        ],
        "lessons": {
            "que-datos": {
                "title": "Qué datos no compartir",
                "markdown": "# Nunca\n\nNombres completos, <b onclick=\"steal()\">calificaciones</b>.\n\n<script>steal()</script>\n\n[ver](javascript:steal())",
            },
            "consentimiento": { "title": "Consentimiento", "markdown": "Pida permiso." },
            "elegir": { "title": "Elegir una herramienta", "markdown": "Lea la política." },
        },
    })
}

#[tokio::test]
async fn a_course_file_becomes_pages_anyone_can_read() {
    let app = TestApp::start().await;
    let b = app.browser();
    b.get("/courses").await.expect("There are no courses yet.");

    let said = app.try_import_course(&course(), None, true).await.unwrap();
    assert!(
        said.contains("2 modules, 3 lessons, 1.5 PD hours") && said.contains("nothing was written"),
        "{said}"
    );
    assert!(
        app.db
            .read(|c| courses::by_slug(c, "privacidad-estudiantil"))
            .await
            .unwrap()
            .is_none()
    );
    let said = app.try_import_course(&course(), None, false).await.unwrap();
    assert!(said.contains("Imported as version 1"), "{said}");

    // (An English reader is shown English courses until they ask for both.)
    let catalogue = b.get("/courses?language=any").await;
    catalogue
        .expect("<li class=\"card\" lang=\"es\">")
        .expect("href=\"/courses/privacidad-estudiantil\"")
        .expect("1.5 PD hours · Self-paced · Español");
    let page = b.get("/courses/privacidad-estudiantil").await;
    assert_eq!(page.status, 200);
    page.expect("<h1 lang=\"es\">Proteger la privacidad")
        .expect("Mathematics, Science")
        .expect("Grades 6 to 8")
        .expect("Safe and responsible use</span></a> · <span>Deepen</span>")
        .expect("href=\"/competencies/unesco%2Dai%2Dcft%2D2024\"")
        .expect("href=\"/courses/privacidad-estudiantil/lessons/que-datos\">Read the first lesson");

    let lesson = b
        .get("/courses/privacidad-estudiantil/lessons/que-datos")
        .await;
    assert_eq!(lesson.status, 200);
    lesson
        .expect("<h1>Qué datos no compartir</h1>")
        .expect("<h2>Nunca</h2>")
        .expect("<b>calificaciones</b>")
        .expect("href=\"/courses/privacidad-estudiantil/lessons/consentimiento\">Next");
    // (The page's own scripts are in its head; the lesson's body has none.)
    let body = lesson
        .body
        .split("<div class=\"lesson-body\">")
        .nth(1)
        .unwrap();
    let body = body.split("</article>").next().unwrap();
    assert!(
        body.contains("Pida") || body.contains("Nombres completos"),
        "{body}"
    );
    for bad in ["steal()", "onclick", "<script", "javascript:"] {
        assert!(!body.contains(bad), "{bad} reached the page: {body}");
    }
    b.get("/courses/privacidad-estudiantil/lessons/elegir")
        .await
        .expect("Previous")
        .expect("Back to the course");
    assert_eq!(
        b.get("/courses/privacidad-estudiantil/lessons/nope")
            .await
            .status,
        404
    );
    assert_eq!(b.get("/courses/nope").await.status, 404);

    // In Spanish, the course's own language needs no marking.
    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    b.get("/courses/privacidad-estudiantil")
        .await
        .expect("<h1>Proteger la privacidad")
        .expect("Uso seguro y responsable")
        .expect("Profundizar");
}

#[tokio::test]
async fn a_changed_file_is_a_new_version_and_a_broken_one_changes_nothing() {
    let app = TestApp::start().await;
    app.import_course(&course(), None).await;
    let again = app.try_import_course(&course(), None, false).await.unwrap();
    assert!(
        again.contains("Unchanged: version 1 is the same"),
        "{again}"
    );

    let mut v2 = course();
    v2["lessons"]["elegir"]["markdown"] = json!("Lea la política de privacidad.");
    v2["pd_hours"] = json!(2);
    let said = app.try_import_course(&v2, None, false).await.unwrap();
    assert!(said.contains("Updated as version 2"), "{said}");
    let (row, now) = app
        .db
        .read(|c| courses::current(c, "privacidad-estudiantil"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.version, row.pd_quarter_hours), (2, 8));
    assert_eq!(
        now.lessons().last().unwrap().markdown,
        "Lea la política de privacidad."
    );
    // Version 1 is still there for whoever started it.
    let first = app
        .db
        .read(move |c| courses::load_version(c, &row, 1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.lessons().last().unwrap().markdown, "Lea la política.");

    // A missing lesson, an unknown competency, a level of no framework, a
    // prerequisite that is not here: every one named, nothing saved.
    let mut broken = v2.clone();
    broken["modules"][1]["lessons"] = json!(["elegir", "falta"]);
    let err = app
        .try_import_course(&broken, None, false)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("1 problem(s)"), "{err}");
    let mut broken = v2.clone();
    broken["competencies"] = json!([
        { "id": "unesco-ai-cft-2024/no-such-thing" },
        { "id": "unesco-ai-cft-2024/human-agency", "level": "master" },
    ]);
    broken["prerequisites"] = json!(["not-imported-yet", "privacidad-estudiantil"]);
    broken["pd_hours"] = json!(3);
    for dry_run in [true, false] {
        let err = app
            .try_import_course(&broken, None, dry_run)
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("4 problem(s)"), "{err}");
    }
    let row = app
        .db
        .read(|c| courses::by_slug(c, "privacidad-estudiantil"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.version, row.pd_quarter_hours),
        (2, 8),
        "nothing changed"
    );
}

#[tokio::test]
async fn the_demo_has_its_courses_in_both_languages() {
    let app = TestApp::start().await;
    for _ in 0..2 {
        lyceum_server::demo::seed(&app.db, &app.clock)
            .await
            .unwrap();
    }
    let b = app.browser();
    for (slug, lesson, words) in [
        (
            "what-is-generative-ai",
            "confident-and-wrong",
            "Where errors cluster",
        ),
        (
            "que-es-la-ia-generativa",
            "seguro-y-equivocado",
            "Dónde se concentran los errores",
        ),
    ] {
        let row = app
            .db
            .read(move |c| courses::by_slug(c, slug))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.version, 1, "seeding twice made no new version");
        b.get(&format!("/courses/{slug}/lessons/{lesson}"))
            .await
            .expect(&format!("<h2>{words}</h2>"))
            .expect("<table>");
    }
    // Every Spanish demo course is its English one's translation, lesson
    // for lesson; the three written for K-5, science, and multilingual
    // learners and students with disabilities are there in both.
    for (en, es, lesson, words) in [
        ("what-is-generative-ai", "que-es-la-ia-generativa", "", ""),
        (
            "protecting-student-privacy",
            "proteger-la-privacidad-del-alumnado",
            "",
            "",
        ),
        (
            "designing-an-ai-aware-assignment",
            "disenar-una-tarea-consciente-de-la-ia",
            "",
            "",
        ),
        (
            "ai-with-young-children",
            "la-ia-con-ninos-pequenos",
            "hablar-de-la-ia-con-los-ninos",
            "1. Adivina mi regla (K-2)",
        ),
        (
            "ai-in-the-science-classroom",
            "la-ia-en-la-clase-de-ciencias",
            "comprobar-la-ciencia-de-un-chatbot",
            "Dónde tropiezan los chatbots en ciencias",
        ),
        (
            "ai-for-every-learner",
            "la-ia-para-todo-el-alumnado",
            "la-ia-de-apoyo-y-el-iep",
            "Decide el equipo del IEP",
        ),
    ] {
        let other = app
            .db
            .read(move |c| {
                let row = courses::by_slug(c, en)?.unwrap();
                courses::translation(c, row.id)
            })
            .await
            .unwrap()
            .unwrap();
        assert_eq!(other.slug, es);
        if !lesson.is_empty() {
            b.get(&format!("/courses/{es}/lessons/{lesson}"))
                .await
                .expect(&format!("<h2>{words}</h2>"))
                .expect(&format!("href=\"/courses/{en}/lessons/"));
        }
    }
}

#[tokio::test]
async fn the_catalogue_finds_courses_by_words_and_facets() {
    let app = TestApp::start().await;
    lyceum_server::demo::seed(&app.db, &app.clock)
        .await
        .unwrap();
    app.import_course(&course(), None).await;
    let b = app.browser();
    // Each card's own link (not its "also in" one).
    let titles = |p: &lyceum_testkit::Page| -> Vec<String> {
        p.body
            .split("<li class=\"card\"")
            .skip(1)
            .filter_map(|card| card.split("<a href=\"/courses/").nth(1))
            .filter_map(|rest| rest.split('"').next().map(str::to_string))
            .collect()
    };
    let all = b
        .get("/courses?q=&subject=&grade_band=&competency=&delivery=&language=any&hours=&sort=relevance")
        .await;
    assert_eq!(all.status, 200);
    all.expect("7 courses");
    for (query, expected) in [
        ("q=hallucinat", vec!["what-is-generative-ai"]),
        (
            "q=ALUCINACIONES&language=any",
            vec!["que-es-la-ia-generativa"],
        ),
        // An English reader: English courses unless asked.
        ("q=ALUCINACIONES", vec![]),
        (
            "q=consentimiento+permiso&language=es",
            vec![
                "privacidad-estudiantil",
                "proteger-la-privacidad-del-alumnado",
            ],
        ),
        (
            // One card per course in two languages, in the reader's.
            "subject=math&language=any",
            vec![
                "ai-for-every-learner",
                "protecting-student-privacy",
                "privacidad-estudiantil",
            ],
        ),
        (
            "language=es&sort=newest",
            vec![
                "privacidad-estudiantil",
                "la-ia-para-todo-el-alumnado",
                "la-ia-en-la-clase-de-ciencias",
                "la-ia-con-ninos-pequenos",
                "disenar-una-tarea-consciente-de-la-ia",
                "proteger-la-privacidad-del-alumnado",
                "que-es-la-ia-generativa",
            ],
        ),
        (
            "competency=unesco-ai-cft-2024%2Fsafe-responsible-use&language=es",
            vec![
                "la-ia-con-ninos-pequenos",
                "privacidad-estudiantil",
                "proteger-la-privacidad-del-alumnado",
            ],
        ),
        (
            "grade_band=9-12&language=en",
            vec![
                "ai-for-every-learner",
                "ai-in-the-science-classroom",
                "designing-an-ai-aware-assignment",
                "protecting-student-privacy",
                "what-is-generative-ai",
            ],
        ),
        ("hours=up-to-1", vec![]),
        ("delivery=cohort", vec![]),
    ] {
        let page = b.get(&format!("/courses?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(titles(&page), expected, "{query}");
    }
    b.get("/courses?q=zzzz").await.expect("No course matches.");
    let bad = b.get("/courses?subject=wizardry&hours=forever").await;
    assert_eq!(bad.status, 422);
    bad.expect("Choose a subject from the list.")
        .expect("Choose a length from the list.")
        .expect("href=\"#f-subject\"")
        .expect("href=\"#f-hours\"");

    // Most completed first, once someone completed one.
    let learner = app.browser();
    learner
        .sign_in(
            "educator@columbus.example.org",
            lyceum_server::demo::DEMO_PASSWORD,
        )
        .await;
    learner
        .post("/courses/privacidad-estudiantil/enrol", &[])
        .await;
    for lesson in ["que-datos", "consentimiento", "elegir"] {
        learner
            .post(
                &format!("/courses/privacidad-estudiantil/lessons/{lesson}/finish"),
                &[],
            )
            .await;
    }
    let ranked = b.get("/courses?sort=completed&language=any").await;
    assert_eq!(titles(&ranked)[0], "privacidad-estudiantil");
}

#[tokio::test]
async fn a_course_exported_imports_elsewhere_as_the_same_course() {
    let app = TestApp::start().await;
    let file = include_str!("../../../server/demo/courses/what-is-generative-ai.en.json");
    let original = lyceum_domain::course::package::parse(file.as_bytes()).unwrap();
    app.import_course(&serde_json::from_str(file).unwrap(), None)
        .await;
    let exported = lyceum_server::content::export_course(&app.db, "what-is-generative-ai", None)
        .await
        .unwrap();
    assert_eq!(
        lyceum_domain::course::package::parse(exported.as_bytes()).unwrap(),
        original
    );
    // Into another deployment: the same course, version 1; again, unchanged.
    let elsewhere = TestApp::start().await;
    let value: Value = serde_json::from_str(&exported).unwrap();
    let said = elsewhere
        .try_import_course(&value, None, false)
        .await
        .unwrap();
    assert!(said.contains("Imported as version 1."), "{said}");
    let said = elsewhere
        .try_import_course(&value, None, false)
        .await
        .unwrap();
    assert!(said.contains("Unchanged"), "{said}");

    let missing = lyceum_server::content::export_course(&app.db, "no-such-course", None).await;
    assert_eq!(
        missing.unwrap_err().to_string(),
        "there is no course \"no-such-course\""
    );
    let version =
        lyceum_server::content::export_course(&app.db, "what-is-generative-ai", Some(7)).await;
    assert_eq!(
        version.unwrap_err().to_string(),
        "course \"what-is-generative-ai\" has no version 7; its versions are 1 to 1"
    );
}

#[tokio::test]
async fn the_catalogue_comes_a_page_at_a_time() {
    let app = TestApp::start().await;
    for n in 0..30 {
        let mut c = course();
        c["slug"] = json!(format!("course-{n:02}"));
        c["title"] = json!(format!("Course {n:02}"));
        app.import_course(&c, None).await;
    }
    let b = app.browser();
    // (Courses in Spanish: what a Spanish reader sees first.)
    let first = b.get("/courses?sort=newest&language=es").await;
    first.expect("30 courses").expect("Page 1 of 2");
    assert!(first.contains(">Course 29<") && !first.contains(">Course 05<"));
    let next = first
        .body
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|h| h.contains("page=2"))
        .expect("a link to page 2")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(
        next.contains("sort=newest") && next.contains("language=es"),
        "{next}"
    );
    let second = b.get(&next).await;
    second.expect("Page 2 of 2").expect(">Course 05<");
    assert!(!second.contains(">Course 29<"));
    assert_eq!(b.get("/courses?page=0").await.status, 400);
    assert_eq!(b.get("/courses?page=two").await.status, 400);
}

/// The catalogue's first pages come from a listing each server keeps; a
/// course saved past it (here by the import command, as another server or
/// an operator would) is listed on the very next request.
#[tokio::test]
async fn the_catalogue_lists_a_course_saved_elsewhere_on_the_next_request() {
    let app = TestApp::start().await;
    let titled = |n: usize, title: &str| {
        let mut c = course();
        c["slug"] = json!(format!("course-{n:02}"));
        c["title"] = json!(title);
        c
    };
    for n in 0..24 {
        app.import_course(&titled(n, &format!("Course {n:02}")), None)
            .await;
    }
    let b = app.browser();
    // Exactly one page's worth: no pages named.
    let full = b.get("/courses?language=es").await;
    full.expect("24 courses").expect(">Course 23<");
    assert!(!full.contains("Page 1 of"), "one page");

    app.import_course(&titled(24, "Course 24"), None).await;
    let first = b.get("/courses?language=es").await;
    first.expect("25 courses").expect("Page 1 of 2");
    assert!(!first.contains(">Course 24<"));
    let second = b.get("/courses?language=es&page=2").await;
    second.expect("Page 2 of 2").expect(">Course 24<");
    assert!(!second.contains(">Course 23<"), "the 25th alone");

    // A new version's title, and a new course first by title.
    app.import_course(&titled(3, "Course 03, revised"), None)
        .await;
    app.import_course(&titled(25, "A first course"), None).await;
    let again = b.get("/courses?language=es").await;
    again
        .expect("26 courses")
        .expect(">Course 03, revised<")
        .expect(">A first course<");
    assert!(!again.contains(">Course 23<"), "pushed to page 2");
    // Newest first reads the same listing in the other order.
    b.get("/courses?sort=newest&language=es")
        .await
        .expect(">A first course<")
        .expect(">Course 24<");
    // A facet narrows it: none of these is for 9–12.
    b.get("/courses?grade_band=9-12&language=es")
        .await
        .expect("0 courses");
}
