//! Writing a course on pages: a draft's course file (`lyceum-course/1`, the
//! one source of truth) read into an [`Outline`] that one edit changes —
//! course details, a module or lesson added, renamed, moved or removed, a
//! lesson's text, quiz, reflection and task — and written back.
//!
//! An outline need not be a valid course: a new course starts nearly empty,
//! and `package::parse` still says what is missing before it may be sent
//! for review. What the outline does not edit (competencies, prerequisites,
//! a translation, fields it does not know) is kept as it was. Keys of
//! lessons, questions, options and criteria never change once made, so
//! learners' progress and answers keep pointing at the same things.

use super::package::FORMAT;
use super::quiz::{Choice, Kind, Question, Quiz};
use super::task::{Reflection, Task};
use super::{MAX_LESSONS, MAX_MODULES, is_slug};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Which way an item moves among its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// An edit named an item the outline does not have (a stale page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing;

/// The outline is as large as a course may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModuleOutline {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lessons: Vec<String>,
}

/// A lesson as the editor changes it. `activities` is left out of what it
/// writes (the format derives it from the parts the lesson has).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonOutline {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub markdown: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Quiz>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<Reflection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// A course file as the editor reads and writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pd_hours: Option<f64>,
    #[serde(default)]
    pub delivery: String,
    #[serde(default)]
    pub licence: String,
    #[serde(default)]
    pub modules: Vec<ModuleOutline>,
    /// By key, in the file's order.
    #[serde(default)]
    pub lessons: Map<String, Value>,
    /// Everything else in the file, kept as it was.
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// The course details the details form edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    pub slug: String,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub pd_hours: f64,
    pub delivery: String,
    pub licence: String,
}

/// A slug made of a title's words (accents folded, other letters left
/// out), at most 60 characters; `fallback` when nothing is left.
pub fn slug_of(title: &str, fallback: &str) -> String {
    let mut out = String::new();
    for w in crate::search::words(title) {
        let w: String = w.chars().filter(char::is_ascii_alphanumeric).collect();
        if w.is_empty() {
            continue;
        }
        if out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    if is_slug(&out) {
        out
    } else {
        fallback.to_string()
    }
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` says is free.
fn free_key(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|k| !taken(k))
        .unwrap_or_default()
}

/// `prefix1`, `prefix2`, … : the first not among `keys`.
fn next_key<'a>(prefix: &str, keys: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|k| !keys.clone().any(|t| t == k))
        .unwrap_or_default()
}

/// Moves item `i` one place; false at the edge or when there is no `i`.
pub fn move_item<T>(items: &mut [T], i: usize, way: Move) -> bool {
    match way {
        Move::Up if i > 0 && i < items.len() => {
            items.swap(i - 1, i);
            true
        }
        Move::Down if i + 1 < items.len() => {
            items.swap(i, i + 1);
            true
        }
        _ => false,
    }
}

fn remove_item<T>(items: &mut Vec<T>, i: usize) -> Result<T, Missing> {
    if i < items.len() {
        Ok(items.remove(i))
    } else {
        Err(Missing)
    }
}

impl Outline {
    /// A new course: its title, slug and language, nothing else yet.
    pub fn new_course(slug: &str, language: &str, title: &str) -> Outline {
        Outline {
            format: FORMAT.to_string(),
            slug: slug.to_string(),
            language: language.to_string(),
            title: title.to_string(),
            pd_hours: Some(1.0),
            delivery: "self-paced".to_string(),
            ..Outline::default()
        }
    }

    /// Reads a draft's document; `Err` with the reader's words when it is
    /// not a JSON object of the format's shape (the file editor fixes it).
    pub fn read(document: &str) -> Result<Outline, String> {
        serde_json::from_str(document).map_err(|e| e.to_string())
    }

    /// The document, as people read it.
    pub fn write(&self) -> String {
        // Strings, numbers and maps always serialise.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn set_details(&mut self, d: Details) {
        self.slug = d.slug;
        self.language = d.language;
        self.title = d.title;
        self.summary = d.summary;
        self.pd_hours = Some(d.pd_hours);
        self.delivery = d.delivery;
        self.licence = d.licence;
    }

    pub fn add_module(&mut self, title: &str) -> Result<usize, Full> {
        if self.modules.len() >= MAX_MODULES {
            return Err(Full);
        }
        self.modules.push(ModuleOutline {
            title: title.to_string(),
            lessons: Vec::new(),
        });
        Ok(self.modules.len() - 1)
    }

    pub fn rename_module(&mut self, i: usize, title: &str) -> Result<(), Missing> {
        self.modules.get_mut(i).ok_or(Missing)?.title = title.to_string();
        Ok(())
    }

    /// Removes a module and its lessons.
    pub fn remove_module(&mut self, i: usize) -> Result<(), Missing> {
        let m = remove_item(&mut self.modules, i)?;
        for key in m.lessons {
            self.lessons.shift_remove(&key);
        }
        Ok(())
    }

    pub fn move_module(&mut self, i: usize, way: Move) -> bool {
        move_item(&mut self.modules, i, way)
    }

    /// Adds a lesson at the end of module `i`, keyed by its title; returns
    /// the key.
    pub fn add_lesson(&mut self, i: usize, title: &str) -> Result<String, Result<Missing, Full>> {
        if i >= self.modules.len() {
            return Err(Ok(Missing));
        }
        if self.lessons.len() >= MAX_LESSONS {
            return Err(Err(Full));
        }
        let base = slug_of(title, "lesson");
        let key = free_key(&base, |k| {
            self.lessons.contains_key(k)
                || self
                    .modules
                    .iter()
                    .any(|m| m.lessons.iter().any(|l| l == k))
        });
        let lesson = LessonOutline {
            title: title.to_string(),
            ..LessonOutline::default()
        };
        self.put_lesson(&key, &lesson);
        self.modules[i].lessons.push(key.clone());
        Ok(key)
    }

    /// Where a lesson is: (module, place in it).
    pub fn place_of(&self, key: &str) -> Option<(usize, usize)> {
        self.modules
            .iter()
            .enumerate()
            .find_map(|(m, module)| module.lessons.iter().position(|l| l == key).map(|p| (m, p)))
    }

    /// A lesson the file has and a module lists, read for editing.
    pub fn lesson(&self, key: &str) -> Result<LessonOutline, Missing> {
        self.place_of(key).ok_or(Missing)?;
        let v = self.lessons.get(key).cloned().unwrap_or_default();
        if v.is_null() {
            return Ok(LessonOutline::default());
        }
        serde_json::from_value(v).map_err(|_| Missing)
    }

    /// Writes a lesson back (its `activities` left to be derived).
    pub fn put_lesson(&mut self, key: &str, lesson: &LessonOutline) {
        let mut l = lesson.clone();
        l.rest.shift_remove("activities");
        let v = serde_json::to_value(&l).unwrap_or_default();
        self.lessons.insert(key.to_string(), v);
    }

    pub fn remove_lesson(&mut self, key: &str) -> Result<(), Missing> {
        let (m, p) = self.place_of(key).ok_or(Missing)?;
        self.modules[m].lessons.remove(p);
        self.lessons.shift_remove(key);
        Ok(())
    }

    /// Moves a lesson one place; past the top or bottom of its module it
    /// goes to the end of the module before or the start of the one after.
    /// False at the course's first or last place.
    pub fn move_lesson(&mut self, key: &str, way: Move) -> Result<bool, Missing> {
        let (m, p) = self.place_of(key).ok_or(Missing)?;
        if move_item(&mut self.modules[m].lessons, p, way) {
            return Ok(true);
        }
        let to = match way {
            Move::Up if m > 0 => m - 1,
            Move::Down if m + 1 < self.modules.len() => m + 1,
            _ => return Ok(false),
        };
        let k = self.modules[m].lessons.remove(p);
        match way {
            Move::Up => self.modules[to].lessons.push(k),
            Move::Down => self.modules[to].lessons.insert(0, k),
        }
        Ok(true)
    }
}

impl LessonOutline {
    /// The quiz, made (pass mark 100, no questions) if the lesson has none.
    pub fn quiz_mut(&mut self) -> &mut Quiz {
        self.quiz.get_or_insert_with(|| Quiz {
            pass_mark: 100,
            max_attempts: None,
            questions: Vec::new(),
        })
    }

    /// Adds a question with two empty options; returns its place.
    pub fn add_question(&mut self) -> Result<usize, Full> {
        let quiz = self.quiz_mut();
        if quiz.questions.len() >= super::quiz::MAX_QUESTIONS {
            return Err(Full);
        }
        let key = next_key("q", quiz.questions.iter().map(|q| q.key.as_str()));
        let option = |key: &str| Choice {
            key: key.to_string(),
            text: String::new(),
            correct: false,
            feedback: None,
        };
        quiz.questions.push(Question {
            key,
            prompt: String::new(),
            kind: Kind::Single,
            options: vec![option("a"), option("b")],
        });
        Ok(quiz.questions.len() - 1)
    }

    fn question_mut(&mut self, q: usize) -> Result<&mut Question, Missing> {
        self.quiz
            .as_mut()
            .and_then(|quiz| quiz.questions.get_mut(q))
            .ok_or(Missing)
    }

    /// Removes a question; the quiz goes with its last one.
    pub fn remove_question(&mut self, q: usize) -> Result<(), Missing> {
        let quiz = self.quiz.as_mut().ok_or(Missing)?;
        remove_item(&mut quiz.questions, q)?;
        if quiz.questions.is_empty() {
            self.quiz = None;
        }
        Ok(())
    }

    pub fn move_question(&mut self, q: usize, way: Move) -> bool {
        self.quiz
            .as_mut()
            .is_some_and(|quiz| move_item(&mut quiz.questions, q, way))
    }

    pub fn add_option(&mut self, q: usize) -> Result<usize, Result<Missing, Full>> {
        let question = self.question_mut(q).map_err(Ok)?;
        if question.options.len() >= super::quiz::MAX_OPTIONS {
            return Err(Err(Full));
        }
        // a, b, c, … as long as they last, then o11, o12, …
        let taken = |k: &str| question.options.iter().any(|o| o.key == k);
        let key = ('a'..='z')
            .map(String::from)
            .find(|k| !taken(k))
            .unwrap_or_else(|| next_key("o", question.options.iter().map(|o| o.key.as_str())));
        question.options.push(Choice {
            key,
            text: String::new(),
            correct: false,
            feedback: None,
        });
        Ok(question.options.len() - 1)
    }

    pub fn remove_option(&mut self, q: usize, o: usize) -> Result<(), Missing> {
        remove_item(&mut self.question_mut(q)?.options, o).map(drop)
    }

    pub fn move_option(&mut self, q: usize, o: usize, way: Move) -> bool {
        self.question_mut(q)
            .is_ok_and(|question| move_item(&mut question.options, o, way))
    }

    /// The task, made (no criteria, text hand-ins) if the lesson has none.
    pub fn task_mut(&mut self) -> &mut Task {
        self.task.get_or_insert_with(|| Task {
            instructions: String::new(),
            rubric: Vec::new(),
            artefacts: vec![super::task::ArtefactKind::Text],
        })
    }

    pub fn add_criterion(&mut self) -> Result<usize, Full> {
        let task = self.task_mut();
        if task.rubric.len() >= super::task::MAX_CRITERIA {
            return Err(Full);
        }
        let key = next_key("c", task.rubric.iter().map(|c| c.key.as_str()));
        task.rubric.push(super::task::Criterion {
            key,
            text: String::new(),
        });
        Ok(task.rubric.len() - 1)
    }

    pub fn remove_criterion(&mut self, c: usize) -> Result<(), Missing> {
        let task = self.task.as_mut().ok_or(Missing)?;
        remove_item(&mut task.rubric, c).map(drop)
    }

    pub fn move_criterion(&mut self, c: usize, way: Move) -> bool {
        self.task
            .as_mut()
            .is_some_and(|task| move_item(&mut task.rubric, c, way))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::package;

    fn two_lessons() -> Outline {
        let mut o = Outline::new_course("ai-basics", "en", "AI basics");
        o.summary = "A start.".into();
        o.licence = "CC BY 4.0".into();
        let m = o.add_module("First steps").unwrap();
        for (title, text) in [("What a model is", "A model."), ("Training data", "Data.")] {
            let key = o.add_lesson(m, title).unwrap();
            let mut l = o.lesson(&key).unwrap();
            l.markdown = text.into();
            o.put_lesson(&key, &l);
        }
        o
    }

    #[test]
    fn a_course_written_on_pages_is_a_course_file() {
        let mut o = two_lessons();
        let mut l = o.lesson("training-data").unwrap();
        let q = l.add_question().unwrap();
        let question = &mut l.quiz.as_mut().unwrap().questions[q];
        question.prompt = "Is fluency evidence?".into();
        question.options[0].text = "Yes".into();
        question.options[1].text = "No".into();
        question.options[1].correct = true;
        o.put_lesson("training-data", &l);
        let course = package::parse(o.write().as_bytes()).unwrap();
        let keys: Vec<&str> = course.lessons().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["what-a-model-is", "training-data"]);
        assert_eq!(
            course
                .lessons()
                .nth(1)
                .unwrap()
                .quiz
                .as_ref()
                .unwrap()
                .questions[0]
                .key,
            "q1"
        );
        // Read again, it is the same outline.
        assert_eq!(Outline::read(&o.write()).unwrap(), o);
    }

    #[test]
    fn a_new_course_is_savable_but_not_yet_a_course() {
        let o = Outline::new_course("x", "es", "X");
        let problems = package::parse(o.write().as_bytes()).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.to_string().starts_with("modules")),
            "{problems:?}"
        );
    }

    #[test]
    fn what_the_editor_does_not_know_is_kept() {
        let mut v: Value = serde_json::from_str(&two_lessons().write()).unwrap();
        v["competencies"] = serde_json::json!([{ "id": "unesco-ai-cft-2024/basic-ai-techniques" }]);
        v["lessons"]["training-data"]["activities"] = serde_json::json!(["reading"]);
        v["lessons"]["training-data"]["note"] = serde_json::json!("kept");
        let mut o = Outline::read(&v.to_string()).unwrap();
        o.rename_module(0, "Renamed").unwrap();
        let l = o.lesson("training-data").unwrap();
        o.put_lesson("training-data", &l);
        let back: Value = serde_json::from_str(&o.write()).unwrap();
        assert_eq!(back["competencies"], v["competencies"]);
        assert_eq!(back["lessons"]["training-data"]["note"], "kept");
        // Derived again from the lesson's parts.
        assert!(back["lessons"]["training-data"].get("activities").is_none());
        assert_eq!(back["modules"][0]["title"], "Renamed");
        assert!(Outline::read("[1]").is_err());
    }

    #[test]
    fn moving_stops_at_the_edges_and_lessons_cross_modules() {
        let mut o = two_lessons();
        let second = o.add_module("Second").unwrap();
        assert!(!o.move_lesson("what-a-model-is", Move::Up).unwrap());
        assert!(o.move_lesson("what-a-model-is", Move::Down).unwrap());
        assert_eq!(o.modules[0].lessons, ["training-data", "what-a-model-is"]);
        // Past the bottom of its module: the start of the next.
        assert!(o.move_lesson("what-a-model-is", Move::Down).unwrap());
        assert_eq!(o.modules[second].lessons, ["what-a-model-is"]);
        assert!(!o.move_lesson("what-a-model-is", Move::Down).unwrap());
        assert!(o.move_lesson("what-a-model-is", Move::Up).unwrap());
        assert_eq!(o.modules[0].lessons, ["training-data", "what-a-model-is"]);
        assert_eq!(o.move_lesson("nope", Move::Up), Err(Missing));
        assert!(!o.move_module(0, Move::Up));
        assert!(o.move_module(0, Move::Down));
        assert_eq!(o.modules[0].title, "Second");
        assert!(!o.move_module(1, Move::Down));
        assert!(!o.move_module(7, Move::Up));
    }

    #[test]
    fn keys_stay_stable_and_new_ones_are_free() {
        let mut o = two_lessons();
        let again = o.add_lesson(0, "Training data").unwrap();
        assert_eq!(again, "training-data-2");
        assert_eq!(o.add_lesson(0, "¿Qué es?").unwrap(), "que-es");
        assert_eq!(o.add_lesson(0, "???").unwrap(), "lesson");
        assert_eq!(o.add_lesson(9, "x"), Err(Ok(Missing)));
        o.remove_lesson("training-data").unwrap();
        assert!(!o.lessons.contains_key("training-data"));
        assert_eq!(o.lesson("training-data"), Err(Missing));
        // The others keep their keys.
        assert_eq!(
            o.modules[0].lessons,
            ["what-a-model-is", "training-data-2", "que-es", "lesson"]
        );

        let mut l = o.lesson("lesson").unwrap();
        l.add_question().unwrap();
        l.add_question().unwrap();
        l.remove_question(0).unwrap();
        assert_eq!(l.add_question().unwrap(), 1);
        let keys: Vec<&str> = l
            .quiz
            .as_ref()
            .unwrap()
            .questions
            .iter()
            .map(|q| q.key.as_str())
            .collect();
        assert_eq!(keys, ["q2", "q1"]);
        assert_eq!(l.add_option(0).unwrap(), 2);
        l.remove_option(0, 0).unwrap();
        assert_eq!(l.add_option(0).unwrap(), 2);
        let options: Vec<&str> = l.quiz.as_ref().unwrap().questions[0]
            .options
            .iter()
            .map(|o| o.key.as_str())
            .collect();
        assert_eq!(options, ["b", "c", "a"]);
        assert!(l.move_option(0, 2, Move::Up));
        assert!(!l.move_option(0, 0, Move::Up));
        assert!(l.move_question(1, Move::Up));
        assert!(!l.move_question(0, Move::Up));
        l.remove_question(0).unwrap();
        l.remove_question(0).unwrap();
        assert!(l.quiz.is_none(), "the quiz goes with its last question");
        assert_eq!(l.remove_question(0), Err(Missing));

        l.add_criterion().unwrap();
        l.add_criterion().unwrap();
        assert!(l.move_criterion(1, Move::Up));
        let rubric: Vec<&str> = l
            .task
            .as_ref()
            .unwrap()
            .rubric
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        assert_eq!(rubric, ["c2", "c1"]);
        l.remove_criterion(0).unwrap();
        assert_eq!(l.remove_criterion(3), Err(Missing));
    }

    #[test]
    fn removing_a_module_removes_its_lessons() {
        let mut o = two_lessons();
        o.remove_module(0).unwrap();
        assert!(o.modules.is_empty() && o.lessons.is_empty());
        assert_eq!(o.remove_module(0), Err(Missing));
    }
}
