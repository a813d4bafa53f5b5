//! The challenge radar (issue 20): the problems educators meet with AI in
//! class, reported and triaged so the curriculum answers them.
//!
//! A report names a [`Category`], a [`Severity`], perhaps a registry tool,
//! the subject and grade band, what happened and what the reporter tried;
//! the reporter may stay anonymous (then only programme admins may ever
//! learn who it was: `db::radar` reads such reports for anyone else without
//! the reporter). Triage moves a report through [`Status`] (the rule is
//! [`Status::may_become`]), tags it ([`parse_tags`]) and names what
//! answered it ([`Answer`]). [`ReportInput`] and [`TriageInput`] are what a
//! form or a JSON body sends, checked by field into [`Invalid`].

use crate::ids::{CourseId, PracticeId, ResourceId, ToolId};
use crate::profile::{GradeBand, Subject};
use crate::time::Date;
use crate::validation::{FieldError, Invalid, choice};
use serde::Deserialize;

crate::code_enum! {
    /// What kind of problem a report is about.
    pub enum Category: "challenge-category" {
        AcademicIntegrity = "academic-integrity",
        StudentPrivacy = "student-privacy",
        /// Bias or unfair output.
        Bias = "bias",
        /// Wrong or invented answers.
        WrongAnswers = "wrong-answers",
        AccessEquity = "access-equity",
        Workload = "workload",
        /// Missing or unclear policy.
        UnclearPolicy = "unclear-policy",
        StudentWellbeing = "student-wellbeing",
        Other = "other",
    }
}

crate::code_enum! {
    /// How much it hurt.
    pub enum Severity: "challenge-severity" {
        Nuisance = "nuisance",
        HarmsLearning = "harms-learning",
        HarmsStudent = "harms-student",
    }
}

crate::code_enum! {
    /// Where a report stands in triage.
    pub enum Status: "challenge-status" {
        New = "new",
        Triaged = "triaged",
        Addressed = "addressed",
        Declined = "declined",
    }
}

impl Status {
    /// May a report in this status be moved to `to`? Forward: new →
    /// triaged, new → declined (plainly not a challenge: no need to triage
    /// it first), triaged → addressed or declined. Back: an addressed or
    /// declined report may be reopened (→ triaged), for an answer that did
    /// not hold or a decline that was wrong. Never straight from new to
    /// addressed (somebody looks at it first), never back to new. Staying
    /// where it is (a change of tags or answer alone) is always allowed.
    pub fn may_become(self, to: Status) -> bool {
        use Status::*;
        self == to
            || matches!(
                (self, to),
                (New, Triaged)
                    | (New, Declined)
                    | (Triaged, Addressed)
                    | (Triaged, Declined)
                    | (Addressed, Triaged)
                    | (Declined, Triaged)
            )
    }

    /// Closed: addressed or declined.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Addressed | Status::Declined)
    }
}

crate::code_enum! {
    /// What answered a report.
    pub enum AnswerKind: "challenge-answer" {
        Course = "course",
        Lesson = "lesson",
        Practice = "practice",
        Resource = "resource",
        /// Guidance written on the report itself.
        Guidance = "guidance",
    }
}

/// What answered a report: something the programme has (a course, one of
/// its lessons by key, a classroom practice, a resource) or guidance
/// written on the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Course(CourseId),
    Lesson { course: CourseId, lesson: String },
    Practice(PracticeId),
    Resource(ResourceId),
    Guidance(String),
}

impl Answer {
    pub fn kind(&self) -> AnswerKind {
        match self {
            Answer::Course(_) => AnswerKind::Course,
            Answer::Lesson { .. } => AnswerKind::Lesson,
            Answer::Practice(_) => AnswerKind::Practice,
            Answer::Resource(_) => AnswerKind::Resource,
            Answer::Guidance(_) => AnswerKind::Guidance,
        }
    }

    /// As stored: the kind, the id it names (none for guidance), the text
    /// (the lesson's key, or the guidance).
    pub fn parts(&self) -> (AnswerKind, Option<i64>, Option<&str>) {
        match self {
            Answer::Course(c) => (AnswerKind::Course, Some(c.0), None),
            Answer::Lesson { course, lesson } => {
                (AnswerKind::Lesson, Some(course.0), Some(lesson.as_str()))
            }
            Answer::Practice(p) => (AnswerKind::Practice, Some(p.0), None),
            Answer::Resource(r) => (AnswerKind::Resource, Some(r.0), None),
            Answer::Guidance(g) => (AnswerKind::Guidance, None, Some(g.as_str())),
        }
    }

    /// From its stored parts; `None` when they do not make one.
    pub fn from_parts(kind: AnswerKind, id: Option<i64>, text: Option<String>) -> Option<Answer> {
        Some(match kind {
            AnswerKind::Course => Answer::Course(CourseId(id?)),
            AnswerKind::Lesson => Answer::Lesson {
                course: CourseId(id?),
                lesson: text?,
            },
            AnswerKind::Practice => Answer::Practice(PracticeId(id?)),
            AnswerKind::Resource => Answer::Resource(ResourceId(id?)),
            AnswerKind::Guidance => Answer::Guidance(text?),
        })
    }
}

/// "What happened", "what I tried" and guidance, in characters.
pub const MAX_TEXT: usize = 5_000;
/// Tags on a report, and characters in one.
pub const MAX_TAGS: usize = 5;
pub const MAX_TAG: usize = 40;
/// A lesson's key, in characters.
pub const MAX_LESSON_KEY: usize = 200;

/// The month a report counts in, `YYYY-MM`, of a date in the reporter's
/// school's zone.
pub fn month_of(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// A checked report, as stored (the reporter and their school are the
/// filing's to add).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDraft {
    pub category: Category,
    pub severity: Severity,
    pub tool: Option<ToolId>,
    pub subject: Subject,
    pub grade_band: GradeBand,
    pub happened: String,
    pub tried: String,
    pub anonymous: bool,
}

/// A report as a form or a JSON body sends it, every value as written
/// (empty: not given). Fields: `category`, `severity`, `tool` (a registry
/// tool's id, or empty), `subject`, `grade_band`, `happened`, `tried`,
/// `anonymous` (a checkbox: present when ticked).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportInput {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default)]
    pub tool: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub grade_band: String,
    #[serde(default)]
    pub happened: String,
    #[serde(default)]
    pub tried: String,
    #[serde(default)]
    pub anonymous: Option<String>,
}

fn text(inv: &mut Invalid, field: &str, value: &str, max: usize, required: bool) {
    if required && value.trim().is_empty() {
        inv.add(field, "required");
    } else if value.chars().count() > max {
        inv.push(FieldError::new(field, "too-long").with_arg("max", max));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        inv.add(field, "control-characters");
    }
}

/// A positive id as typed; `None` (with the problem on `field`) otherwise.
fn id(inv: &mut Invalid, field: &str, v: &str) -> Option<i64> {
    match v.trim().parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            inv.push(FieldError::new(field, "unknown-choice").with_arg("value", v.trim()));
            None
        }
    }
}

impl ReportInput {
    /// The report it makes, or everything wrong with it. (Whether the tool
    /// exists is the database's to say: `tool`, `unknown-tool`.)
    pub fn validate(&self) -> Result<ReportDraft, Invalid> {
        let mut inv = Invalid::new();
        let category = choice(&mut inv, "category", &self.category, Category::parse);
        let severity = choice(&mut inv, "severity", &self.severity, Severity::parse);
        let tool = if self.tool.trim().is_empty() {
            None
        } else {
            id(&mut inv, "tool", &self.tool).map(ToolId)
        };
        let subject = choice(&mut inv, "subject", &self.subject, Subject::parse);
        let grade_band = choice(&mut inv, "grade_band", &self.grade_band, GradeBand::parse);
        text(&mut inv, "happened", &self.happened, MAX_TEXT, true);
        text(&mut inv, "tried", &self.tried, MAX_TEXT, false);
        match (category, severity, subject, grade_band) {
            (Some(category), Some(severity), Some(subject), Some(grade_band))
                if inv.0.is_empty() =>
            {
                Ok(ReportDraft {
                    category,
                    severity,
                    tool,
                    subject,
                    grade_band,
                    happened: self.happened.trim().to_string(),
                    tried: self.tried.trim().to_string(),
                    anonymous: self.anonymous.is_some(),
                })
            }
            _ => Err(inv),
        }
    }
}

/// Tags as typed (separated by commas), trimmed, inner spaces made one,
/// lower-cased and without repeats; at most [`MAX_TAGS`] of at most
/// [`MAX_TAG`] characters each, no control characters (field `tags`).
pub fn parse_tags(v: &str) -> Result<Vec<String>, FieldError> {
    let mut tags: Vec<String> = Vec::new();
    for raw in v.split(',') {
        let tag = raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().any(char::is_control) {
            return Err(FieldError::new("tags", "control-characters"));
        }
        if tag.chars().count() > MAX_TAG {
            return Err(FieldError::new("tags", "tag-too-long")
                .with_arg("max", MAX_TAG)
                .with_arg("tag", tag));
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(FieldError::new("tags", "too-many-tags").with_arg("max", MAX_TAGS));
    }
    Ok(tags)
}

/// A triage decision, checked: the status, the tags (replacing the old),
/// and what answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    pub status: Status,
    pub tags: Vec<String>,
    pub answer: Option<Answer>,
}

/// A triage decision as a form or a JSON body sends it. Fields: `status`,
/// `tags` (comma-separated), `answer` (an [`AnswerKind`] code, or empty for
/// none), `answer_id` (the course's, practice's or resource's id; the
/// lesson's course), `lesson` (the lesson's key), `guidance`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TriageInput {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub answer_id: String,
    #[serde(default)]
    pub lesson: String,
    #[serde(default)]
    pub guidance: String,
}

impl TriageInput {
    /// The decision it makes, or everything wrong with it. An addressed
    /// report must say what answered it (`answer`, `answer-required`).
    /// Whether the status may follow the report's present one is
    /// [`Status::may_become`]'s, asked where the present one is known.
    pub fn validate(&self) -> Result<Triage, Invalid> {
        let mut inv = Invalid::new();
        let status = choice(&mut inv, "status", &self.status, Status::parse);
        let tags = parse_tags(&self.tags)
            .map_err(|e| inv.push(e))
            .unwrap_or_default();
        let kind = self.answer.trim();
        let answer = if kind.is_empty() {
            None
        } else {
            match AnswerKind::parse(kind) {
                None => {
                    inv.push(FieldError::new("answer", "unknown-choice").with_arg("value", kind));
                    None
                }
                Some(AnswerKind::Guidance) => {
                    text(&mut inv, "guidance", &self.guidance, MAX_TEXT, true);
                    Some(Answer::Guidance(self.guidance.trim().to_string()))
                }
                Some(k) => {
                    let n = if self.answer_id.trim().is_empty() {
                        inv.add("answer_id", "required");
                        None
                    } else {
                        id(&mut inv, "answer_id", &self.answer_id)
                    };
                    if k == AnswerKind::Lesson {
                        text(&mut inv, "lesson", &self.lesson, MAX_LESSON_KEY, true);
                    }
                    n.and_then(|n| {
                        Answer::from_parts(k, Some(n), Some(self.lesson.trim().to_string()))
                    })
                }
            }
        };
        if status == Some(Status::Addressed) && kind.is_empty() {
            inv.add("answer", "answer-required");
        }
        match status {
            Some(status) if inv.0.is_empty() => Ok(Triage {
                status,
                tags,
                answer,
            }),
            _ => Err(inv),
        }
    }
}

crate::code_enum! {
    /// A dimension the radar counts reports by, each month.
    pub enum Dimension: "challenge-dimension" {
        Category = "category",
        GradeBand = "grade-band",
        /// The school's NCES locale, or `unknown`.
        Locale = "locale",
        /// The school's Title I status: `yes`, `no` or `unknown`.
        TitleI = "title-i",
    }
}

/// The value counted for an unknown locale or Title I status.
pub const UNKNOWN: &str = "unknown";

#[cfg(test)]
mod tests;
