//! One course in two languages: the catalogue shows one card in the
//! reader's language with "also in", a learner switches language mid-course
//! and keeps what they finished, PD credit is earned once for the two, and
//! course files with bad translation links are refused naming the field.

use super::api::{call, token_for};
use lyceum_db::courses;
use lyceum_domain::course::package::parse;
use lyceum_testkit::{PASSWORD, Page, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

/// A course of two reading lessons in `lang`, optionally the translation
/// of `of`.
fn pair(slug: &str, lang: &str, keys: [&str; 2], of: Option<&str>) -> Value {
    let mut c = json!({
        "format": "lyceum-course/1", "slug": slug, "language": lang,
        "title": format!("Course {slug}"), "summary": "Two lessons.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": keys }],
        "lessons": {
            keys[0]: { "title": format!("First {slug}"), "markdown": "Read this." },
            keys[1]: { "title": format!("Second {slug}"), "markdown": "And this." },
        },
    });
    if let Some(of) = of {
        c["translation_of"] = json!(of);
    }
    c
}

/// `pair-en` and its Spanish translation `pair-es`, two lessons each.
async fn import_linked_pair(app: &TestApp) {
    app.import_course(&pair("pair-en", "en", ["one", "two"], None), None)
        .await;
    app.import_course(
        &pair("pair-es", "es", ["uno", "dos"], Some("pair-en")),
        None,
    )
    .await;
}

/// The course slugs the catalogue's cards link to, in order.
fn cards(p: &Page) -> Vec<String> {
    p.body
        .split("<li class=\"card\"")
        .skip(1)
        .filter_map(|card| card.split("<a href=\"/courses/").nth(1))
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn the_catalogue_shows_one_card_per_course_in_the_readers_language() {
    let app = TestApp::start().await;
    lyceum_server::demo::seed(&app.db, &app.clock)
        .await
        .unwrap();
    let b = app.browser();
    let en = b.get("/courses").await;
    let shown = cards(&en);
    assert!(
        shown.contains(&"what-is-generative-ai".to_string()),
        "{shown:?}"
    );
    assert!(
        !shown.contains(&"que-es-la-ia-generativa".to_string()),
        "{shown:?}"
    );
    en.expect("<a href=\"/courses/que-es-la-ia-generativa\" hreflang=\"es\">Also in Español</a>");

    b.post("/language", &[("lang", "es"), ("return_to", "/courses")])
        .await;
    let es = b.get("/courses").await;
    let shown = cards(&es);
    assert!(
        shown.contains(&"que-es-la-ia-generativa".to_string()),
        "{shown:?}"
    );
    assert!(
        !shown.contains(&"what-is-generative-ai".to_string()),
        "{shown:?}"
    );
    es.expect("<a href=\"/courses/what-is-generative-ai\" hreflang=\"en\">También en English</a>");
    // Every demo course is in both languages: as many cards either way.
    assert_eq!(cards(&en).len(), cards(&es).len());

    // Asking for a language shows that language's, whatever the reader's.
    let asked = b.get("/courses?language=en").await;
    assert!(cards(&asked).contains(&"what-is-generative-ai".to_string()));
    // A search that finds only the other language's finds it one link
    // away, which keeps the words.
    let found = b.get("/courses?q=hallucinat").await;
    assert!(cards(&found).is_empty());
    found
        .expect("href=\"/courses?q=hallucinat&#38;")
        .expect("&#38;language=any&#38;")
        .expect(">Mostrar también cursos en English</a>");
    let found = b.get("/courses?q=hallucinat&language=any").await;
    assert_eq!(cards(&found), ["what-is-generative-ai"]);

    // The course page links its other language too.
    b.get("/courses/que-es-la-ia-generativa")
        .await
        .expect("href=\"/courses/what-is-generative-ai\" hreflang=\"en\"");
}

#[tokio::test]
async fn the_api_shows_one_card_and_names_the_translation() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_linked_pair(&app).await;
    let t = token_for(&app, s.email("educator")).await;
    let (status, list) = call(&app, Method::GET, "/api/v1/courses", Some(&t), None).await;
    assert_eq!(status, 200);
    assert_eq!(list["found"], 1, "{list}");
    assert_eq!(list["courses"][0]["slug"], "pair-en");
    assert_eq!(list["courses"][0]["translation"]["slug"], "pair-es");
    assert_eq!(list["courses"][0]["translation"]["language"], "es");
    let (_, es) = call(
        &app,
        Method::GET,
        "/api/v1/courses?language=es",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(es["courses"][0]["slug"], "pair-es", "{es}");
    assert_eq!(es["courses"][0]["translation"]["slug"], "pair-en");
    let (status, one) = call(&app, Method::GET, "/api/v1/courses/pair-es", Some(&t), None).await;
    assert_eq!(status, 200);
    assert_eq!(one["card"]["translation"]["slug"], "pair-en", "{one}");
}

#[tokio::test]
async fn switching_language_keeps_progress_and_credit_is_earned_once() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_linked_pair(&app).await;
    app.import_course(&pair("alone", "en", ["one", "two"], None), None)
        .await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;

    // Not enrolled: nothing to switch; a course with one language: no other.
    assert_eq!(b.post("/courses/pair-en/switch", &[]).await.status, 403);
    b.post("/courses/alone/enrol", &[]).await;
    assert_eq!(b.post("/courses/alone/switch", &[]).await.status, 404);

    b.post("/courses/pair-en/enrol", &[]).await;
    b.get("/courses/pair-en/lessons/one")
        .await
        .expect("Continue this lesson in Español");
    b.post("/courses/pair-en/lessons/one/finish", &[]).await;
    let switched = b
        .post("/courses/pair-en/switch", &[("lesson", "two")])
        .await;
    assert_eq!(switched.path, "/courses/pair-es/lessons/dos");
    switched.expect("The lessons you finished are kept.");
    b.get("/courses/pair-es")
        .await
        .expect("1 of 2 lessons finished");

    // Finishing the rest in Spanish completes the course: credit once.
    let done = b.post("/courses/pair-es/lessons/dos/finish", &[]).await;
    done.expect("See your certificate");
    // Back to English: both lessons count there too, and completing it
    // there earns nothing more.
    b.post("/courses/pair-es/switch", &[]).await;
    b.get("/courses/pair-en")
        .await
        .expect("2 of 2 lessons finished")
        .expect("You completed this course.");
    let user = s.user("educator");
    let (ledger, certificates) = app
        .db
        .read(move |c| {
            let ledger = lyceum_db::credit::ledger_of(c, user)?;
            Ok((ledger, lyceum_db::credit::certificates_of(c, user)?))
        })
        .await
        .unwrap();
    let course_entries = ledger.iter().filter(|e| e.course_id.is_some()).count();
    assert_eq!((course_entries, certificates.len()), (1, 1));

    // The API switches the same way and answers with the progress there.
    let t = token_for(&app, s.email("facilitator")).await;
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/courses/pair-es/enrol",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(status, 201);
    let (status, p) = call(
        &app,
        Method::POST,
        "/api/v1/courses/pair-es/switch",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["course_slug"], "pair-en");
    assert_eq!(p["lessons_done"], 0);
}

#[tokio::test]
async fn bad_translation_links_are_refused_naming_the_field() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&pair("pair-en", "en", ["one", "two"], None), None)
        .await;
    let refused = |doc: Value| {
        let app = &app;
        async move {
            let course = parse(doc.to_string().as_bytes()).expect("a course file");
            let now = app.clock.now();
            let e = app
                .db
                .write(move |c| {
                    let owner = courses::programme_owner(c)?;
                    courses::save(c, &course, owner, now)
                })
                .await
                .expect_err("refused");
            match e {
                lyceum_db::DbError::Course(problems) => problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                other => format!("{other:?}"),
            }
        }
    };
    let mut three = pair("tres", "es", ["uno", "dos"], Some("pair-en"));
    three["modules"][0]["lessons"] = json!(["uno"]);
    three["lessons"].as_object_mut().unwrap().remove("dos");
    let mut quiz = pair("con-quiz", "es", ["uno", "dos"], Some("pair-en"));
    quiz["lessons"]["dos"]["reflection"] = json!({ "prompt": "¿Qué aprendió?" });
    for (doc, says) in [
        (
            pair("nada", "es", ["uno", "dos"], Some("nowhere")),
            "translation_of: no course nowhere here: import it first",
        ),
        (
            pair("same", "en", ["a", "b"], Some("pair-en")),
            "translation_of: pair-en is also in en: a translation is in the other language",
        ),
        (
            three,
            "modules[0].lessons: 1 lessons, but module 1 of pair-en has 2: lessons correspond by position",
        ),
        (
            quiz,
            "lessons.dos.activities: not those of the lesson it corresponds to, two of pair-en",
        ),
    ] {
        let said = refused(doc).await;
        assert!(said.contains(says), "{said}");
    }
    assert!(
        app.db
            .read(|c| courses::by_slug(c, "nada"))
            .await
            .unwrap()
            .is_none(),
        "nothing was written"
    );

    app.import_course(
        &pair("pair-es", "es", ["uno", "dos"], Some("pair-en")),
        None,
    )
    .await;
    for (doc, says) in [
        (
            pair("otra", "es", ["uno", "dos"], Some("pair-en")),
            "translation_of: pair-en already has a translation, pair-es",
        ),
        (
            pair("again", "en", ["a", "b"], Some("pair-es")),
            "translation_of: pair-es is itself a translation of pair-en: name that course",
        ),
    ] {
        let said = refused(doc).await;
        assert!(said.contains(says), "{said}");
    }
    // The original's next version must still correspond to its translation.
    let mut longer = pair("pair-en", "en", ["one", "two"], None);
    longer["modules"][0]["lessons"] = json!(["one", "two", "three"]);
    longer["lessons"]["three"] = json!({ "title": "Third", "markdown": "More." });
    let said = refused(longer).await;
    assert!(
        said.contains("modules: its translation pair-es would no longer correspond"),
        "{said}"
    );

    // A course and its translation have one owner.
    app.import_course(&pair("solo-en", "en", ["one", "two"], None), None)
        .await;
    let school = s.school_a;
    let theirs = parse(
        pair("suya", "es", ["uno", "dos"], Some("solo-en"))
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    let now = app.clock.now();
    let e = app
        .db
        .write(move |c| courses::save(c, &theirs, school, now))
        .await
        .expect_err("another owner");
    assert!(
        format!("{e:?}").contains("solo-en belongs to another organisation"),
        "{e:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_languages_completed_at_once_earn_credit_once() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_linked_pair(&app).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    // Enrolled in both languages on their own, one lesson left in each.
    for (slug, first) in [("pair-en", "one"), ("pair-es", "uno")] {
        b.post(&format!("/courses/{slug}/enrol"), &[]).await;
        b.post(&format!("/courses/{slug}/lessons/{first}/finish"), &[])
            .await;
    }
    // The last lessons of both at the same instant, through two app servers
    // (on PostgreSQL they really race; SQLite's one writer orders them).
    let node = app.another_node().await;
    let sends = [
        (app.url.clone(), "/courses/pair-en/lessons/two/finish"),
        (node.url.clone(), "/courses/pair-es/lessons/dos/finish"),
    ]
    .map(|(base, path)| {
        let (b, public) = (b.clone(), app.url.clone());
        tokio::spawn(async move {
            b.post_with(&format!("{base}{path}"), &[], &[("origin", &public)])
                .await
        })
    });
    for send in sends {
        assert_eq!(send.await.unwrap().status, 200);
    }
    let user = s.user("educator");
    let (entries, completed) = app
        .db
        .read(move |c| {
            let ledger = lyceum_db::credit::ledger_of(c, user)?;
            let mut completed = 0;
            for slug in ["pair-en", "pair-es"] {
                let id = courses::by_slug(c, slug)?.unwrap().id;
                let e = lyceum_db::learning::enrolment(c, user, id)?.unwrap();
                completed += usize::from(e.completed_at.is_some());
            }
            Ok((
                ledger.iter().filter(|e| e.course_id.is_some()).count(),
                completed,
            ))
        })
        .await
        .unwrap();
    assert_eq!((entries, completed), (1, 2));
}

/// A course of three lessons in `lang` — a quiz (one question, at most
/// three attempts), a reflection, a reading — whose keys (lessons,
/// question, options) are words of that language, as a translation's are.
fn worked(slug: &str, lang: &str, of: Option<&str>) -> Value {
    let [one, two, three, question, right, wrong] = if lang == "es" {
        ["uno", "dos", "tres", "fuentes", "verificar", "usar"]
    } else {
        ["one", "two", "three", "sources", "check", "use"]
    };
    let mut c = json!({
        "format": "lyceum-course/1", "slug": slug, "language": lang,
        "title": format!("Course {slug}"), "summary": "Three lessons.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": [one, two, three] }],
        "lessons": {
            one: { "title": format!("Quiz {slug}"), "markdown": "Read this.", "quiz": {
                "pass_mark": 100, "max_attempts": 3,
                "questions": [{ "key": question, "prompt": format!("Sources? ({lang})"), "kind": "single",
                    "options": [
                        { "key": wrong, "text": format!("Use them ({lang})"), "correct": false },
                        { "key": right, "text": format!("Check them ({lang})"), "correct": true },
                    ] }],
            } },
            two: { "title": format!("Reflect {slug}"), "markdown": "Think.",
                   "reflection": { "prompt": format!("What will you do? ({lang})") } },
            three: { "title": format!("Read {slug}"), "markdown": "And this." },
        },
    });
    if let Some(of) = of {
        c["translation_of"] = json!(of);
    }
    c
}

/// The learner's statements with `verb` about the activity whose id ends
/// with `object`.
fn statements_about(all: &[(String, String, String)], verb: &str, object: &str) -> Vec<Value> {
    all.iter()
        .filter(|(v, o, _)| v == verb && o.ends_with(object))
        .map(|(_, _, s)| serde_json::from_str(s).unwrap())
        .collect()
}

#[tokio::test]
async fn switching_language_carries_attempts_and_reflections_and_records_the_lessons() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    app.import_course(&worked("worked-en", "en", None), None)
        .await;
    app.import_course(&worked("worked-es", "es", Some("worked-en")), None)
        .await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post("/courses/worked-en/enrol", &[]).await;
    // In English: the quiz failed once, then passed; the reflection written.
    b.post(
        "/courses/worked-en/lessons/one/quiz",
        &[("q-sources", "use")],
    )
    .await
    .expect("Not yet: read the feedback and try again.");
    b.post(
        "/courses/worked-en/lessons/one/quiz",
        &[("q-sources", "check")],
    )
    .await;
    b.post(
        "/courses/worked-en/lessons/two/reflection",
        &[("reflection", "I will check every source.")],
    )
    .await;
    b.get("/courses/worked-en")
        .await
        .expect("2 of 3 lessons finished");

    app.clock.advance(std::time::Duration::from_secs(1));
    b.post("/courses/worked-en/switch", &[]).await;
    // In Spanish the quiz shows the attempts made (and what they count
    // against the limit) and the passing answers, marked; the reflection
    // shows what was written.
    b.get("/courses/worked-es/lessons/uno")
        .await
        .expect("Attempts left: 1.")
        .expect("You scored 100%.")
        .expect("That is a pass.")
        .expect("value=\"verificar\" checked");
    b.get("/courses/worked-es/lessons/dos")
        .await
        .expect("I will check every source.")
        .expect("Saved. You can change it at any time.");
    b.get("/courses/worked-es")
        .await
        .expect("2 of 3 lessons finished");
    let t = token_for(&app, s.email("educator")).await;
    let (status, attempts) = call(
        &app,
        Method::GET,
        "/api/v1/courses/worked-es/lessons/uno/attempts",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(status, 200, "{attempts}");
    assert_eq!(attempts.as_array().map(Vec::len), Some(2), "{attempts}");

    // The learning record: each carried lesson completed in the new
    // enrolment (its registration), valid xAPI; the reading not finished
    // records nothing.
    let user = s.user("educator");
    let (all, es_registration) = app
        .db
        .read(move |c| {
            let id = courses::by_slug(c, "worked-es")?.unwrap().id;
            let e = lyceum_db::learning::enrolment(c, user, id)?.unwrap();
            Ok((
                lyceum_db::learning::statements_of(c, user)?,
                lyceum_domain::xapi::registration(
                    user.0,
                    id.0,
                    lyceum_domain::Timestamp::from_micros(e.enrolled_at),
                ),
            ))
        })
        .await
        .unwrap();
    for lesson in [
        "/courses/worked-es/lessons/uno",
        "/courses/worked-es/lessons/dos",
    ] {
        let carried = statements_about(&all, "completed", lesson);
        assert_eq!(carried.len(), 1, "{lesson}: {all:?}");
        let st = &carried[0];
        assert_eq!(st["context"]["registration"], es_registration.as_str());
        assert!(
            st["context"]["contextActivities"]["parent"][0]["id"]
                .as_str()
                .unwrap()
                .ends_with("/courses/worked-es"),
            "{st}"
        );
        assert_eq!(lyceum_domain::xapi::validate(st), vec![], "{st}");
    }
    assert!(statements_about(&all, "completed", "/courses/worked-es/lessons/tres").is_empty());

    // Rewriting the reflection in Spanish, then going back: English shows
    // the newer text; going back and forth copies no attempt twice and
    // records no lesson twice.
    app.clock.advance(std::time::Duration::from_secs(1));
    b.post(
        "/courses/worked-es/lessons/dos/reflection",
        &[("reflection", "Verificaré cada fuente.")],
    )
    .await;
    app.clock.advance(std::time::Duration::from_secs(1));
    b.post("/courses/worked-es/switch", &[]).await;
    b.get("/courses/worked-en/lessons/two")
        .await
        .expect("Verificaré cada fuente.");
    b.post("/courses/worked-en/switch", &[]).await;
    for slug in ["worked-en/lessons/one", "worked-es/lessons/uno"] {
        let (_, attempts) = call(
            &app,
            Method::GET,
            &format!("/api/v1/courses/{slug}/attempts"),
            Some(&t),
            None,
        )
        .await;
        assert_eq!(
            attempts.as_array().map(Vec::len),
            Some(2),
            "{slug}: {attempts}"
        );
    }
    let all = app
        .db
        .read(move |c| lyceum_db::learning::statements_of(c, user))
        .await
        .unwrap();
    assert_eq!(
        statements_about(&all, "completed", "/courses/worked-es/lessons/uno").len(),
        1
    );
    assert_eq!(
        statements_about(&all, "completed", "/courses/worked-en/lessons/one").len(),
        1
    );
}

#[tokio::test]
async fn a_course_completed_in_its_second_language_links_its_certificate() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_linked_pair(&app).await;
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    b.post("/courses/pair-en/enrol", &[]).await;
    b.post("/courses/pair-en/lessons/one/finish", &[]).await;
    b.post("/courses/pair-en/switch", &[]).await;
    // Completed in Spanish first: the certificate is issued there.
    b.post("/courses/pair-es/lessons/dos/finish", &[])
        .await
        .expect("See your certificate");
    let user = s.user("educator");
    let code = app
        .db
        .read(move |c| lyceum_db::credit::certificates_of(c, user))
        .await
        .unwrap()
        .pop()
        .unwrap()
        .code;
    let link = format!("href=\"/certificates/{code}\"");
    // Switching back completes the English course too, earning nothing
    // more: its page, and the API's progress, lead to the one certificate.
    b.post("/courses/pair-es/switch", &[]).await;
    for slug in ["pair-es", "pair-en"] {
        b.get(&format!("/courses/{slug}"))
            .await
            .expect("You completed this course.")
            .expect(&link);
    }
    let t = token_for(&app, s.email("educator")).await;
    let (status, p) = call(
        &app,
        Method::GET,
        "/api/v1/courses/pair-en/progress",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["certificate"], code.as_str(), "{p}");
    let (_, list) = call(&app, Method::GET, "/api/v1/enrolments", Some(&t), None).await;
    let certificates: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["certificate"])
        .collect();
    assert_eq!(certificates, [code.as_str(), code.as_str()], "{list}");
}

#[tokio::test]
async fn what_next_suggests_a_course_once_in_the_readers_language() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    // Both languages build human-agency, the first level of an aspect.
    for (slug, lang, of) in [
        ("agency-en", "en", None),
        ("agency-es", "es", Some("agency-en")),
    ] {
        let mut c = pair(slug, lang, ["a", "b"], of);
        if lang == "es" {
            c["modules"][0]["lessons"] = json!(["x", "y"]);
            c["lessons"] = json!({
                "x": { "title": "Primera", "markdown": "Lea." },
                "y": { "title": "Segunda", "markdown": "Lea." },
            });
        }
        c["competencies"] = json!([{ "id": "unesco-ai-cft-2024/human-agency" }]);
        app.import_course(&c, None).await;
    }
    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let en = b.get("/literacy").await;
    en.expect("Course agency-en");
    assert!(!en.contains("Course agency-es"), "one language only");

    b.post("/language", &[("lang", "es"), ("return_to", "/literacy")])
        .await;
    let es = b.get("/literacy").await;
    es.expect("Course agency-es");
    assert!(!es.contains("Course agency-en"), "one language only");

    // Enrolled in one language: neither is suggested any more.
    b.post("/courses/agency-en/enrol", &[]).await;
    let after = b.get("/literacy").await;
    assert!(
        !after.contains("Course agency-es") && !after.contains("Course agency-en"),
        "already taken in another language"
    );

    // Over the API, in the language asked for.
    let t = token_for(&app, s.email("facilitator")).await;
    let (status, p) = call(&app, Method::GET, "/api/v1/literacy", Some(&t), None).await;
    assert_eq!(status, 200, "{p}");
    let slugs: Vec<&str> = p["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["course_slug"].as_str())
        .filter(|s| s.starts_with("agency-"))
        .collect();
    assert_eq!(slugs, ["agency-en"], "{p}");
}
