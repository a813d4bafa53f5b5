//! The course file: one JSON document that carries a whole course between
//! deployments (format `lyceum-course/1`, described in
//! `docs/course-format.md`). Modules list their lessons by key; the lessons
//! themselves sit in one `lessons` object, so a module that names a lesson
//! the file does not have is reported, as is a lesson no module uses.
//!
//! Every problem comes back with its JSON path; a file with any problem
//! gives no course. What only the database knows (do the competencies and
//! prerequisites exist?) is checked when the course is saved.

use super::quiz::Quiz;
use super::task::{Reflection, Task};
use super::{
    ActivityKind, Builds, Course, Delivery, Lesson, MAX_CERTIFICATE_MONTHS, MAX_LESSONS,
    MAX_MARKDOWN, MAX_MODULES, MAX_PD_HOURS, MAX_SUMMARY, MAX_TITLE, Module, is_slug,
};
use crate::i18n::Lang;
use crate::json_input::{Problem, Reader, join};
use crate::profile::{GradeBand, Subject};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The one format this reader knows.
pub const FORMAT: &str = "lyceum-course/1";

/// Reads and checks a course file.
pub fn parse(json: &[u8]) -> Result<Course, Vec<Problem>> {
    let root: Value = serde_json::from_slice(json)
        .map_err(|e| vec![Problem::new("", format!("not readable JSON: {e}"))])?;
    let Some(root) = root.as_object() else {
        return Err(vec![Problem::new("", "expected a JSON object")]);
    };
    let mut r = Reader::default();
    match root.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => r.problem("format", format!("{other:?} is not {FORMAT:?}")),
        None => r.problem("format", format!("missing (it should be {FORMAT:?})")),
    }
    let slug = slug(&mut r, root, "slug");
    let language = match root.get("language").and_then(Value::as_str) {
        Some(l) => Lang::parse(l).or_else(|| {
            r.problem("language", format!("{l:?} is not en or es"));
            None
        }),
        None => {
            r.problem("language", "missing");
            None
        }
    };
    let title = r.text(root, "", "title", MAX_TITLE);
    let summary = r.text(root, "", "summary", MAX_SUMMARY);
    let licence = r.text(root, "", "licence", MAX_TITLE);
    let pd_quarter_hours = hours(&mut r, root);
    let certificate_months = match root.get("certificate_valid_months") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_u64() {
            Some(m) if (1..=u64::from(MAX_CERTIFICATE_MONTHS)).contains(&m) => {
                u32::try_from(m).ok()
            }
            _ => {
                r.problem(
                    "certificate_valid_months",
                    format!(
                        "{v} is not a whole number of months from 1 to {MAX_CERTIFICATE_MONTHS}"
                    ),
                );
                None
            }
        },
    };
    let delivery = code(&mut r, root, "delivery", Delivery::parse);
    // In the rules' order, so the same course read twice compares equal.
    let mut subjects = codes(&mut r, root, "", "subjects", Subject::parse);
    subjects.sort();
    let mut grade_bands = codes(&mut r, root, "", "grade_bands", GradeBand::parse);
    grade_bands.sort();
    let builds = competencies(&mut r, root);
    let prerequisites = optional_list(&mut r, root, "", "prerequisites")
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v.as_str() {
            Some(s) if is_slug(s) => Some(s.to_string()),
            _ => {
                r.problem(&format!("prerequisites[{i}]"), "not a course slug");
                None
            }
        })
        .collect();
    let translation_of = match root.get("translation_of") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if is_slug(s) => Some(s.clone()),
        Some(_) => {
            r.problem("translation_of", "not a course slug");
            None
        }
    };
    if slug.is_some() && translation_of == slug {
        r.problem("translation_of", "a course cannot be its own translation");
    }
    let modules = modules(&mut r, root);

    let (Some(slug), Some(language), Some(title), Some(summary), Some(licence)) =
        (slug, language, title, summary, licence)
    else {
        return Err(r.problems);
    };
    let (Some(pd_quarter_hours), Some(delivery)) = (pd_quarter_hours, delivery) else {
        return Err(r.problems);
    };
    if !r.problems.is_empty() {
        return Err(r.problems);
    }
    Ok(Course {
        slug,
        language,
        title,
        summary,
        pd_quarter_hours,
        delivery,
        subjects,
        grade_bands,
        builds,
        prerequisites,
        translation_of,
        licence,
        certificate_months,
        modules,
    })
}

/// Writes a course as a course file that [`parse`] reads back to the same
/// course: how a course leaves a deployment (`lyceum export course`).
pub fn to_json(c: &Course) -> Value {
    let mut lessons = Map::new();
    for l in c.lessons() {
        let mut lesson = Map::new();
        lesson.insert("title".into(), Value::from(l.title.as_str()));
        lesson.insert("markdown".into(), Value::from(l.markdown.as_str()));
        let parts = [
            ("quiz", l.quiz.as_ref().map(serde_json::to_value)),
            (
                "reflection",
                l.reflection.as_ref().map(serde_json::to_value),
            ),
            ("task", l.task.as_ref().map(serde_json::to_value)),
        ];
        for (key, part) in parts {
            // Our own types always serialise.
            if let Some(Ok(v)) = part {
                lesson.insert(key.into(), v);
            }
        }
        lessons.insert(l.key.clone(), Value::Object(lesson));
    }
    let modules: Vec<Value> = c
        .modules
        .iter()
        .map(|m| {
            serde_json::json!({
                "title": m.title,
                "lessons": m.lessons.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut file = serde_json::json!({
        "format": FORMAT,
        "slug": c.slug,
        "language": c.language.as_str(),
        "title": c.title,
        "summary": c.summary,
        "pd_hours": f64::from(c.pd_quarter_hours) / 4.0,
        "delivery": c.delivery.as_str(),
        "subjects": c.subjects.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "grade_bands": c.grade_bands.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        "competencies": c.builds.iter().map(|b| serde_json::json!({
            "id": b.competency,
            "level": b.level,
        })).collect::<Vec<_>>(),
        "prerequisites": c.prerequisites,
        "licence": c.licence,
        "modules": modules,
        "lessons": lessons,
    });
    if let Some(months) = c.certificate_months {
        file["certificate_valid_months"] = Value::from(months);
    }
    if let Some(original) = &c.translation_of {
        file["translation_of"] = Value::from(original.as_str());
    }
    file
}

fn slug(r: &mut Reader, obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key).and_then(Value::as_str) {
        Some(s) if is_slug(s) => Some(s.to_string()),
        Some(s) => {
            r.problem(key, format!("{s:?} is not a slug: use a-z, 0-9 and -"));
            None
        }
        None => {
            r.problem(key, "missing");
            None
        }
    }
}

fn hours(r: &mut Reader, obj: &Map<String, Value>) -> Option<u32> {
    let Some(h) = obj.get("pd_hours").and_then(Value::as_f64) else {
        r.problem("pd_hours", "missing, or not a number");
        return None;
    };
    let quarters = h * 4.0;
    if quarters.fract() != 0.0 || h <= 0.0 || h > f64::from(MAX_PD_HOURS) {
        r.problem(
            "pd_hours",
            format!("{h} is not a number of quarter hours from 0.25 to {MAX_PD_HOURS}"),
        );
        return None;
    }
    Some(quarters as u32)
}

fn code<T>(
    r: &mut Reader,
    obj: &Map<String, Value>,
    key: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    match obj.get(key).and_then(Value::as_str) {
        Some(s) => parse(s).or_else(|| {
            r.problem(key, format!("{s:?} is not one of the known values"));
            None
        }),
        None => {
            r.problem(key, "missing");
            None
        }
    }
}

fn optional_list<'a>(
    r: &mut Reader,
    obj: &'a Map<String, Value>,
    at: &str,
    key: &str,
) -> &'a [Value] {
    match obj.get(key) {
        None => &[],
        Some(Value::Array(a)) => a,
        Some(_) => {
            r.problem(&join(at, key), "not a list");
            &[]
        }
    }
}

fn codes<T: PartialEq>(
    r: &mut Reader,
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
    parse: fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, v) in optional_list(r, obj, at, key).iter().enumerate() {
        let at = format!("{}[{i}]", join(at, key));
        match v.as_str().and_then(parse) {
            Some(c) if !out.contains(&c) => out.push(c),
            Some(_) => r.problem(&at, "listed twice"),
            None => r.problem(&at, format!("{v} is not one of the known values")),
        }
    }
    out
}

fn competencies(r: &mut Reader, obj: &Map<String, Value>) -> Vec<Builds> {
    let mut out: Vec<Builds> = Vec::new();
    for (i, v) in optional_list(r, obj, "", "competencies").iter().enumerate() {
        let at = format!("competencies[{i}]");
        let Some(c) = v.as_object() else {
            r.problem(&at, "not an object with id and level");
            continue;
        };
        let Some(id) = r.id(c, &at, "id") else {
            continue;
        };
        let level = match c.get("level") {
            None | Some(Value::Null) => None,
            Some(Value::String(l)) => Some(l.clone()),
            Some(_) => {
                r.problem(&format!("{at}.level"), "not a level key");
                continue;
            }
        };
        if out.iter().any(|b| b.competency == id) {
            r.problem(&format!("{at}.id"), format!("{id} is listed twice"));
            continue;
        }
        out.push(Builds {
            competency: id,
            level,
        });
    }
    out
}

fn modules(r: &mut Reader, root: &Map<String, Value>) -> Vec<Module> {
    let lessons_obj = match root.get("lessons") {
        Some(Value::Object(o)) => o.clone(),
        Some(_) => {
            r.problem("lessons", "not an object of lessons by key");
            Map::new()
        }
        None => {
            r.problem("lessons", "missing");
            Map::new()
        }
    };
    let mut lessons: HashMap<String, Lesson> = HashMap::new();
    for (key, value) in &lessons_obj {
        let at = format!("lessons.{key}");
        if !is_slug(key) {
            r.problem(&at, "the key is not a slug: use a-z, 0-9 and -");
            continue;
        }
        if let Some(l) = lesson(r, &at, key, value) {
            lessons.insert(key.clone(), l);
        }
    }
    if lessons_obj.len() > MAX_LESSONS {
        r.problem("lessons", format!("more than {MAX_LESSONS} lessons"));
    }

    let list = r.array(root, "", "modules");
    if list.is_empty() && root.get("modules").is_some_and(Value::is_array) {
        r.problem("modules", "a course needs at least one module");
    }
    if list.len() > MAX_MODULES {
        r.problem("modules", format!("more than {MAX_MODULES} modules"));
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut modules = Vec::new();
    for (i, m) in list.iter().enumerate() {
        let at = format!("modules[{i}]");
        let Some(m) = m.as_object() else {
            r.problem(&at, "not an object with a title and lessons");
            continue;
        };
        let title = r.text(m, &at, "title", MAX_TITLE);
        let keys = r.array(m, &at, "lessons");
        if keys.is_empty() && m.get("lessons").is_some_and(Value::is_array) {
            r.problem(
                &format!("{at}.lessons"),
                "a module needs at least one lesson",
            );
        }
        let mut module_lessons = Vec::new();
        for (j, k) in keys.iter().enumerate() {
            let at = format!("{at}.lessons[{j}]");
            let Some(k) = k.as_str() else {
                r.problem(&at, "not a lesson key");
                continue;
            };
            if !used.insert(k.to_string()) {
                r.problem(&at, format!("the lesson {k} is already in the course"));
                continue;
            }
            match lessons.get(k) {
                Some(l) => module_lessons.push(l.clone()),
                None if lessons_obj.contains_key(k) => {} // its own problem is reported
                None => r.problem(&at, format!("there is no lesson {k} in lessons")),
            }
        }
        if let Some(title) = title {
            modules.push(Module {
                title,
                lessons: module_lessons,
            });
        }
    }
    let mut unused: Vec<&String> = lessons_obj.keys().filter(|k| !used.contains(*k)).collect();
    unused.sort();
    for k in unused {
        r.problem(&format!("lessons.{k}"), "no module lists this lesson");
    }
    modules
}

fn lesson(r: &mut Reader, at: &str, key: &str, value: &Value) -> Option<Lesson> {
    let Some(l) = value.as_object() else {
        r.problem(at, "not an object with a title and markdown");
        return None;
    };
    let title = r.text(l, at, "title", MAX_TITLE);
    let markdown = match l.get("markdown").and_then(Value::as_str) {
        Some(m) if m.trim().is_empty() => {
            r.problem(&format!("{at}.markdown"), "is empty");
            None
        }
        Some(m) if m.chars().count() > MAX_MARKDOWN => {
            r.problem(
                &format!("{at}.markdown"),
                format!("is longer than {MAX_MARKDOWN} characters"),
            );
            None
        }
        Some(m) => Some(m.to_string()),
        None => {
            r.problem(&format!("{at}.markdown"), "missing");
            None
        }
    };
    let given = |k: &str| l.get(k).is_some_and(|v| !v.is_null());
    let quiz = part(r, l, at, "quiz", Quiz::problems);
    let reflection = part(r, l, at, "reflection", Reflection::problems);
    let task = part(r, l, at, "task", Task::problems);
    // A part with problems leaves no lesson (its problems are reported).
    let broken = given("quiz") != quiz.is_some()
        || given("reflection") != reflection.is_some()
        || given("task") != task.is_some();
    if l.get("activities").is_some() {
        let listed = codes(r, l, at, "activities", ActivityKind::parse);
        for kind in [
            ActivityKind::Quiz,
            ActivityKind::Reflection,
            ActivityKind::Task,
        ] {
            let k = kind.as_str();
            if listed.contains(&kind) != given(k) {
                r.problem(
                    &join(at, "activities"),
                    format!("list {k} exactly when the lesson has a {k}"),
                );
            }
        }
        if listed.contains(&ActivityKind::Reading) && listed.len() > 1 {
            r.problem(
                &join(at, "activities"),
                "reading is only for a lesson with no quiz, reflection or task",
            );
        }
    }
    let (Some(title), Some(markdown), false) = (title, markdown, broken) else {
        return None;
    };
    let mut lesson = Lesson {
        key: key.to_string(),
        title,
        markdown,
        activities: Vec::new(),
        quiz,
        reflection,
        task,
    };
    lesson.activities = lesson.implied_activities();
    Some(lesson)
}

/// An optional part of a lesson (`quiz`, `reflection`, `task`), read and
/// checked; its problems are reported under the lesson's path.
fn part<T: serde::de::DeserializeOwned>(
    r: &mut Reader,
    l: &Map<String, Value>,
    at: &str,
    key: &str,
    problems: fn(&T) -> Vec<(String, String)>,
) -> Option<T> {
    let value = l.get(key).filter(|v| !v.is_null())?;
    let at = join(at, key);
    match serde_json::from_value::<T>(value.clone()) {
        Ok(part) => {
            let found = problems(&part);
            for (inner, message) in &found {
                r.problem(&format!("{at}.{inner}"), message.clone());
            }
            found.is_empty().then_some(part)
        }
        Err(e) => {
            r.problem(&at, format!("not a {key}: {e}"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good() -> Value {
        json!({
            "format": "lyceum-course/1",
            "slug": "what-is-generative-ai",
            "language": "en",
            "title": "What generative AI is, and where it fails",
            "summary": "A short course.",
            "pd_hours": 2.5,
            "delivery": "self-paced",
            "subjects": ["science", "ela"],
            "grade_bands": ["6-8"],
            "competencies": [{ "id": "unesco-ai-cft-2024/basic-ai-techniques", "level": "acquire" }],
            "licence": "CC BY 4.0",
            "modules": [
                { "title": "How it works", "lessons": ["a-model-predicts", "training-data"] },
                { "title": "Where it fails", "lessons": ["made-up-facts"] },
            ],
            "lessons": {
                "a-model-predicts": { "title": "A model predicts the next word", "markdown": "# Hi\n\nText." },
                "training-data": { "title": "Training data", "markdown": "Data.", "activities": ["reading"] },
                "made-up-facts": { "title": "Made-up facts", "markdown": "Careful." },
            },
        })
    }

    fn read(v: &Value) -> Result<Course, Vec<String>> {
        parse(v.to_string().as_bytes()).map_err(|ps| ps.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_good_file_reads_in_module_order() {
        let c = read(&good()).unwrap();
        assert_eq!(c.slug, "what-is-generative-ai");
        assert_eq!(c.pd_quarter_hours, 10);
        assert_eq!(c.delivery, Delivery::SelfPaced);
        assert_eq!(c.subjects.len(), 2);
        assert_eq!(c.modules.len(), 2);
        let keys: Vec<&str> = c.lessons().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["a-model-predicts", "training-data", "made-up-facts"]);
        assert_eq!(c.modules[0].lessons[0].activities, [ActivityKind::Reading]);
    }

    #[test]
    fn a_lesson_may_end_with_a_quiz() {
        let mut v = good();
        v["lessons"]["made-up-facts"]["quiz"] = json!({
            "pass_mark": 100,
            "questions": [{ "key": "q1", "prompt": "Is fluency evidence?", "kind": "single",
                "options": [
                    { "key": "yes", "text": "Yes", "correct": false, "feedback": "It is not." },
                    { "key": "no", "text": "No", "correct": true },
                ] }],
        });
        let c = read(&v).unwrap();
        let l = c.lessons().last().unwrap();
        assert_eq!(l.activities, [ActivityKind::Quiz]);
        assert_eq!(
            l.quiz.as_ref().unwrap().questions[0].options[0]
                .feedback
                .as_deref(),
            Some("It is not.")
        );

        v["lessons"]["made-up-facts"]["quiz"]["questions"][0]["options"][1]["correct"] =
            json!(false);
        v["lessons"]["training-data"]["activities"] = json!(["quiz"]);
        assert_eq!(
            read(&v).unwrap_err(),
            [
                "lessons.training-data.activities: list quiz exactly when the lesson has a quiz",
                "lessons.made-up-facts.quiz.questions[0].options: a single-choice question needs exactly one correct option",
            ]
        );
    }

    #[test]
    fn a_lesson_may_ask_for_a_reflection_and_a_task() {
        let mut v = good();
        v["lessons"]["made-up-facts"]["reflection"] =
            json!({ "prompt": "When did a tool mislead you?" });
        v["lessons"]["made-up-facts"]["task"] = json!({
            "instructions": "Check three claims a chatbot made about your subject.",
            "rubric": [{ "key": "sources", "text": "Names a source for each check" }],
            "artefacts": ["text", "file"],
        });
        let c = read(&v).unwrap();
        let l = c.lessons().last().unwrap();
        assert_eq!(l.activities, [ActivityKind::Reflection, ActivityKind::Task]);
        assert!(!l.finished_by_reading());

        v["lessons"]["made-up-facts"]["task"]["rubric"] = json!([]);
        v["lessons"]["made-up-facts"]["activities"] = json!(["reading", "reflection"]);
        v["lessons"]["training-data"]["reflection"] = json!({ "prompt": "x", "extra": 1 });
        // In the file's order, lesson by lesson.
        assert_eq!(
            read(&v).unwrap_err(),
            [
                "lessons.training-data.reflection: not a reflection: unknown field `extra`, expected `prompt`",
                // good() lists training-data's activities as just reading.
                "lessons.training-data.activities: list reflection exactly when the lesson has a reflection",
                "lessons.made-up-facts.task.rubric: a task needs 1 to 10 criteria",
                "lessons.made-up-facts.activities: list task exactly when the lesson has a task",
                "lessons.made-up-facts.activities: reading is only for a lesson with no quiz, reflection or task",
            ]
        );
    }

    #[test]
    fn a_course_written_out_reads_back_the_same() {
        let mut v = good();
        v["lessons"]["made-up-facts"]["reflection"] = json!({ "prompt": "When?" });
        v["lessons"]["made-up-facts"]["task"] = json!({
            "instructions": "Check.",
            "rubric": [{ "key": "sources", "text": "Sources" }],
            "artefacts": ["file"],
        });
        v["lessons"]["training-data"]["quiz"] = json!({ "pass_mark": 50, "max_attempts": 2, "questions": [
            { "key": "q", "prompt": "?", "kind": "multiple", "options": [
                { "key": "a", "text": "A", "correct": true, "feedback": "Yes" },
                { "key": "b", "text": "B", "correct": false },
            ] },
        ] });
        v["lessons"]["training-data"]
            .as_object_mut()
            .unwrap()
            .remove("activities");
        v["certificate_valid_months"] = json!(24);
        let course = read(&v).unwrap();
        let again = read(&to_json(&course)).unwrap();
        assert_eq!(again, course);
    }

    #[test]
    fn every_problem_is_named_by_its_path() {
        let mut v = good();
        v["modules"][1]["lessons"] = json!(["made-up-facts", "missing-lesson", "a-model-predicts"]);
        v["lessons"]["orphan"] = json!({ "title": "Nobody lists me", "markdown": "x" });
        v["lessons"]["training-data"]["activities"] = json!(["quiz-of-doom"]);
        v["pd_hours"] = json!(2.3);
        v["grade_bands"] = json!(["6-8", "13-14"]);
        v["language"] = json!("fr");
        v["certificate_valid_months"] = json!(0);
        let problems = read(&v).unwrap_err();
        assert_eq!(
            problems,
            [
                "language: \"fr\" is not en or es",
                "pd_hours: 2.3 is not a number of quarter hours from 0.25 to 200",
                "certificate_valid_months: 0 is not a whole number of months from 1 to 120",
                "grade_bands[1]: \"13-14\" is not one of the known values",
                "lessons.training-data.activities[0]: \"quiz-of-doom\" is not one of the known values",
                "modules[1].lessons[1]: there is no lesson missing-lesson in lessons",
                "modules[1].lessons[2]: the lesson a-model-predicts is already in the course",
                "lessons.orphan: no module lists this lesson",
            ]
        );
        assert_eq!(
            read(&json!({ "format": "x" })).unwrap_err()[0],
            "format: \"x\" is not \"lyceum-course/1\""
        );
        assert!(
            parse(b"{").unwrap_err()[0]
                .message
                .starts_with("not readable JSON")
        );
    }
}
