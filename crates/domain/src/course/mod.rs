//! Courses: course → modules → lessons, with what a catalogue needs to
//! find them (subjects, grade bands, competencies at a level, PD hours,
//! language, delivery format, licence).
//!
//! A course moves between deployments as one JSON file (see
//! `docs/course-format.md` and [`package::parse`]); the checked result is a
//! [`Course`]. Lesson text is Markdown; turning it into safe HTML is the web
//! layer's job.

pub mod editor;
pub mod package;
pub mod quiz;
pub mod task;
pub mod translation;

use crate::i18n::Lang;
use crate::profile::{GradeBand, Subject};

/// Most modules in a course, lessons in a course, and characters in a
/// lesson's Markdown.
pub const MAX_MODULES: usize = 50;
pub const MAX_LESSONS: usize = 300;
pub const MAX_MARKDOWN: usize = 100_000;
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 2_000;
/// PD hours are counted in quarter hours, up to this many hours.
pub const MAX_PD_HOURS: u32 = 200;
/// Longest a certificate may stay valid, in months.
pub const MAX_CERTIFICATE_MONTHS: u32 = 120;

crate::code_enum! {
    /// Where an author's draft of a course stands.
    pub enum DraftStatus: "draft-status" {
        /// Being written.
        Draft = "draft",
        /// Waiting for another author to publish or return it.
        InReview = "in-review",
        /// Sent back with a comment; being written again.
        Returned = "returned",
        /// Saved as a version of the course; kept as a record.
        Published = "published",
    }
}

impl DraftStatus {
    /// Its author may change it.
    pub fn editable(self) -> bool {
        matches!(self, DraftStatus::Draft | DraftStatus::Returned)
    }
}

crate::code_enum! {
    /// How a course is delivered.
    pub enum Delivery: "delivery" {
        SelfPaced = "self-paced",
        Cohort = "cohort",
        InPerson = "in-person",
        Virtual = "virtual",
    }
}

crate::code_enum! {
    /// What a learner does in a lesson. A lesson is finished when all of
    /// its activities are done.
    pub enum ActivityKind: "activity" {
        /// Done when the learner marks the lesson read (only in a lesson
        /// with no other activity).
        Reading = "reading",
        /// Done when the learner passes the lesson's quiz.
        Quiz = "quiz",
        /// Done when the learner has written their reflection.
        Reflection = "reflection",
        /// Done when a facilitator accepts the learner's artefact.
        Task = "task",
    }
}

/// A competency a course builds, and the level it builds it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Builds {
    pub competency: String,
    pub level: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// Stable within the course (`what-is-a-model`).
    pub key: String,
    pub title: String,
    pub markdown: String,
    pub activities: Vec<ActivityKind>,
    /// Each present exactly when `activities` lists its kind.
    pub quiz: Option<quiz::Quiz>,
    pub reflection: Option<task::Reflection>,
    pub task: Option<task::Task>,
}

impl Lesson {
    /// Finished by the learner saying so, rather than by its activities.
    pub fn finished_by_reading(&self) -> bool {
        self.activities == [ActivityKind::Reading]
    }

    /// The activities its content implies: each of quiz, reflection and
    /// task it has, in that order, or reading when it has none.
    pub fn implied_activities(&self) -> Vec<ActivityKind> {
        let mut out = Vec::new();
        if self.quiz.is_some() {
            out.push(ActivityKind::Quiz);
        }
        if self.reflection.is_some() {
            out.push(ActivityKind::Reflection);
        }
        if self.task.is_some() {
            out.push(ActivityKind::Task);
        }
        if out.is_empty() {
            out.push(ActivityKind::Reading);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub title: String,
    pub lessons: Vec<Lesson>,
}

/// A checked course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// Stable across versions and deployments (`what-is-generative-ai`).
    pub slug: String,
    pub language: Lang,
    pub title: String,
    pub summary: String,
    /// In quarter hours (2.5 hours = 10).
    pub pd_quarter_hours: u32,
    pub delivery: Delivery,
    /// In the order of [`Subject::ALL`] and [`GradeBand::ALL`].
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    pub builds: Vec<Builds>,
    /// Slugs of courses to take first.
    pub prerequisites: Vec<String>,
    /// The slug of the course this one translates (see [`translation`]).
    pub translation_of: Option<String>,
    pub licence: String,
    /// How long its certificates stay valid; None: they do not expire.
    pub certificate_months: Option<u32>,
    pub modules: Vec<Module>,
}

impl Course {
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.modules.iter().flat_map(|m| m.lessons.iter())
    }

    /// Every lesson in order with the index of its module, and where the
    /// lesson `key` stands among them (None: no such lesson) — what a
    /// lesson's page and its API need for "lesson 2 of 4" and its neighbours.
    pub fn lessons_around(&self, key: &str) -> Option<(Vec<(usize, &Lesson)>, usize)> {
        let in_order: Vec<(usize, &Lesson)> = self
            .modules
            .iter()
            .enumerate()
            .flat_map(|(m, module)| module.lessons.iter().map(move |l| (m, l)))
            .collect();
        let at = in_order.iter().position(|(_, l)| l.key == key)?;
        Some((in_order, at))
    }
}

impl Course {
    /// The words a catalogue search looks in: title, summary, module and
    /// lesson titles, and lesson text, folded as [`crate::search::words`]
    /// folds them.
    pub fn search_text(&self) -> String {
        let mut text = vec![self.title.as_str(), self.summary.as_str()];
        for m in &self.modules {
            text.push(&m.title);
            for l in &m.lessons {
                text.push(&l.title);
                text.push(&l.markdown);
            }
        }
        text.iter()
            .flat_map(|t| crate::search::words(t))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// PD hours as people read them: `2.5`, `1`, `0.25`.
pub fn format_hours(quarter_hours: u32) -> String {
    let whole = quarter_hours / 4;
    match quarter_hours % 4 {
        0 => whole.to_string(),
        1 => format!("{whole}.25"),
        2 => format!("{whole}.5"),
        _ => format!("{whole}.75"),
    }
}

/// PD hours in a language's way of writing decimals: `2.5` or `2,5`.
pub fn hours_in(quarter_hours: u32, lang: Lang) -> String {
    let hours = format_hours(quarter_hours);
    match lang {
        Lang::En => hours,
        Lang::Es => hours.replace('.', ","),
    }
}

/// A slug or key: 1 to 100 of `a-z`, `0-9` and `-`, not starting or ending with `-`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_slugs() {
        assert_eq!(format_hours(10), "2.5");
        assert_eq!(format_hours(4), "1");
        assert_eq!(format_hours(1), "0.25");
        assert_eq!(format_hours(7), "1.75");
        assert_eq!(hours_in(6, Lang::Es), "1,5");
        assert_eq!(hours_in(6, Lang::En), "1.5");
        assert!(is_slug("what-is-ai-2"));
        for bad in ["", "-a", "a-", "A", "a b", "a_b", "á"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
