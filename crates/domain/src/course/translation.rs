//! One course in two languages: a course file may name the course it
//! translates (`translation_of`). The two correspond lesson by lesson, by
//! position — keys are words of each language, so they differ — which is
//! what lets a learner switch language mid-course and keep what they
//! finished.

use super::quiz::Quiz;
use super::{Course, Lesson};
use crate::json_input::Problem;
use std::collections::HashMap;

/// Why `translation` (the course with `translation_of`) and `original` are
/// not one course in two languages: another language, and lessons that
/// correspond (modules of the same sizes; the n-th lessons with the same
/// activities). Problems name the fields of `translation`'s file.
pub fn mismatches(translation: &Course, original: &Course) -> Vec<Problem> {
    let mut out = Vec::new();
    if translation.language == original.language {
        out.push(Problem::new(
            "translation_of",
            format!(
                "{} is also in {}: a translation is in the other language",
                original.slug,
                original.language.as_str()
            ),
        ));
    }
    if translation.modules.len() != original.modules.len() {
        out.push(Problem::new(
            "modules",
            format!(
                "{} modules, but {} has {}: a translation's lessons correspond to its original's by position",
                translation.modules.len(),
                original.slug,
                original.modules.len()
            ),
        ));
        return out;
    }
    for (m, (mine, theirs)) in translation
        .modules
        .iter()
        .zip(&original.modules)
        .enumerate()
    {
        if mine.lessons.len() != theirs.lessons.len() {
            out.push(Problem::new(
                format!("modules[{m}].lessons"),
                format!(
                    "{} lessons, but module {} of {} has {}: lessons correspond by position",
                    mine.lessons.len(),
                    m + 1,
                    original.slug,
                    theirs.lessons.len()
                ),
            ));
            continue;
        }
        for (a, b) in mine.lessons.iter().zip(&theirs.lessons) {
            if a.activities != b.activities {
                out.push(Problem::new(
                    format!("lessons.{}.activities", a.key),
                    format!(
                        "not those of the lesson it corresponds to, {} of {}",
                        b.key, original.slug
                    ),
                ));
            }
        }
    }
    out
}

/// Each lesson key of `from` with the key of the lesson of `to` at the same
/// place (while both have one): where progress carries over.
pub fn corresponding<'a>(from: &'a Course, to: &'a Course) -> Vec<(&'a str, &'a str)> {
    corresponding_lessons(from, to)
        .into_iter()
        .map(|(a, b)| (a.key.as_str(), b.key.as_str()))
        .collect()
}

/// Each lesson of `from` with the lesson of `to` at the same place (while
/// both have one): [`corresponding`], with the lessons themselves.
pub fn corresponding_lessons<'a>(
    from: &'a Course,
    to: &'a Course,
) -> Vec<(&'a Lesson, &'a Lesson)> {
    from.modules
        .iter()
        .zip(&to.modules)
        .flat_map(|(a, b)| a.lessons.iter().zip(&b.lessons))
        .collect()
}

/// Answers to `from`'s quiz (question key → option keys picked) as answers
/// to `to`'s, the quiz of the corresponding lesson: question by question
/// and option by option, by position — a translation asks the same in the
/// same order, with keys in its own language. What has no counterpart in
/// `to` is left out.
pub fn corresponding_answers(
    from: &Quiz,
    to: &Quiz,
    answers: &HashMap<String, Vec<String>>,
) -> HashMap<String, Vec<String>> {
    from.questions
        .iter()
        .zip(&to.questions)
        .filter_map(|(q, t)| {
            let picked = answers.get(&q.key)?;
            let moved = picked
                .iter()
                .filter_map(|k| q.options.iter().position(|o| o.key == *k))
                .filter_map(|i| t.options.get(i))
                .map(|o| o.key.clone())
                .collect();
            Some((t.key.clone(), moved))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::package::parse;
    use serde_json::json;

    fn file(
        slug: &str,
        lang: &str,
        modules: serde_json::Value,
        lessons: serde_json::Value,
    ) -> Course {
        let f = json!({
            "format": "lyceum-course/1", "slug": slug, "language": lang, "title": "T",
            "summary": "S", "pd_hours": 1, "delivery": "self-paced", "licence": "CC BY 4.0",
            "modules": modules, "lessons": lessons,
        });
        parse(f.to_string().as_bytes()).expect("a course")
    }

    #[test]
    fn lessons_correspond_by_position() {
        let en = file(
            "en",
            "en",
            json!([{"title": "M", "lessons": ["a", "b"]}]),
            json!({"a": {"title": "A", "markdown": "x"}, "b": {"title": "B", "markdown": "x",
                   "reflection": {"prompt": "Why?"}}}),
        );
        let es = file(
            "es",
            "es",
            json!([{"title": "M", "lessons": ["uno", "dos"]}]),
            json!({"uno": {"title": "A", "markdown": "x"}, "dos": {"title": "B", "markdown": "x",
                   "reflection": {"prompt": "¿Por qué?"}}}),
        );
        assert!(mismatches(&es, &en).is_empty());
        assert_eq!(corresponding(&en, &es), [("a", "uno"), ("b", "dos")]);

        let same_lang = file(
            "en2",
            "en",
            json!([{"title": "M", "lessons": ["a", "b"]}]),
            json!({"a": {"title": "A", "markdown": "x"}, "b": {"title": "B", "markdown": "x",
                   "reflection": {"prompt": "Why?"}}}),
        );
        let p = mismatches(&same_lang, &en);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].at, "translation_of");

        let short = file(
            "es2",
            "es",
            json!([{"title": "M", "lessons": ["uno"]}]),
            json!({"uno": {"title": "A", "markdown": "x"}}),
        );
        assert_eq!(mismatches(&short, &en)[0].at, "modules[0].lessons");

        let other_activities = file(
            "es3",
            "es",
            json!([{"title": "M", "lessons": ["uno", "dos"]}]),
            json!({"uno": {"title": "A", "markdown": "x"}, "dos": {"title": "B", "markdown": "x"}}),
        );
        assert_eq!(
            mismatches(&other_activities, &en)[0].at,
            "lessons.dos.activities"
        );
    }

    #[test]
    fn answers_move_to_the_corresponding_quiz_by_position() {
        let quiz = |q: &str, opts: [&str; 3]| {
            json!({"pass_mark": 100, "questions": [
                {"key": q, "prompt": "P", "kind": "multiple", "options": [
                    {"key": opts[0], "text": "x", "correct": true},
                    {"key": opts[1], "text": "y", "correct": false},
                    {"key": opts[2], "text": "z", "correct": true}]},
                {"key": format!("{q}2"), "prompt": "P", "kind": "single", "options": [
                    {"key": "k", "text": "x", "correct": true},
                    {"key": "l", "text": "y", "correct": false}]}]})
        };
        let en = file(
            "en",
            "en",
            json!([{"title": "M", "lessons": ["a"]}]),
            json!({"a": {"title": "A", "markdown": "x", "quiz": quiz("q", ["r", "s", "t"])}}),
        );
        let es = file(
            "es",
            "es",
            json!([{"title": "M", "lessons": ["uno"]}]),
            json!({"uno": {"title": "A", "markdown": "x", "quiz": quiz("p", ["u", "v", "w"])}}),
        );
        let [(a, uno)] = corresponding_lessons(&en, &es)[..] else {
            panic!("one pair")
        };
        let (from, to) = (a.quiz.as_ref().unwrap(), uno.quiz.as_ref().unwrap());
        let answers: HashMap<String, Vec<String>> = [
            ("q".to_string(), vec!["t".to_string(), "r".to_string()]),
            (
                "q2".to_string(),
                vec!["l".to_string(), "nowhere".to_string()],
            ),
            ("gone".to_string(), vec!["r".to_string()]),
        ]
        .into();
        let moved = corresponding_answers(from, to, &answers);
        assert_eq!(moved.len(), 2, "{moved:?}");
        assert_eq!(moved["p"], ["w", "u"]);
        assert_eq!(moved["p2"], ["l"]);
        // Right answers stay right, half right stays half right.
        for (picked, score) in [(["r", "t"], 100), (["r", "s"], 50)] {
            let answers: HashMap<String, Vec<String>> = [
                ("q".to_string(), picked.map(String::from).to_vec()),
                ("q2".to_string(), vec!["k".to_string()]),
            ]
            .into();
            let graded = to
                .grade(&corresponding_answers(from, to, &answers))
                .unwrap();
            assert_eq!(graded.score, score);
            assert_eq!(from.grade(&answers).unwrap().score, score);
        }
    }

    #[test]
    fn a_course_names_a_slug_and_not_itself() {
        let base = json!({
            "format": "lyceum-course/1", "slug": "es", "language": "es", "title": "T",
            "summary": "S", "pd_hours": 1, "delivery": "self-paced", "licence": "CC BY 4.0",
            "modules": [{"title": "M", "lessons": ["a"]}],
            "lessons": {"a": {"title": "A", "markdown": "x"}},
        });
        for (value, says) in [
            (json!("es"), "a course cannot be its own translation"),
            (json!("Not A Slug"), "not a course slug"),
            (json!(3), "not a course slug"),
        ] {
            let mut f = base.clone();
            f["translation_of"] = value;
            let problems = parse(f.to_string().as_bytes()).expect_err("refused");
            assert_eq!(problems[0].at, "translation_of");
            assert_eq!(problems[0].message, says);
        }
        let mut f = base.clone();
        f["translation_of"] = json!("en");
        let c = parse(f.to_string().as_bytes()).expect("a course");
        assert_eq!(c.translation_of.as_deref(), Some("en"));
        let again = crate::course::package::to_json(&c);
        assert_eq!(parse(again.to_string().as_bytes()).expect("again"), c);
    }
}
