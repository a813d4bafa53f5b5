//! The activities a person judges rather than a machine: a reflection
//! (free text, private to the learner and their facilitators; done once
//! written) and a practice task (an artefact — text, a link or a file —
//! that a facilitator accepts against a rubric, or returns with comments).

use crate::evidence::Evidence;
use crate::validation::{FieldError, Invalid};
use serde::{Deserialize, Serialize};

pub const MAX_PROMPT: usize = 2_000;
pub const MAX_INSTRUCTIONS: usize = 10_000;
pub const MAX_CRITERIA: usize = 10;
/// Reflections, artefact text and review comments, in characters.
pub const MAX_TEXT: usize = 10_000;
pub const MAX_COMMENT: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// The question the learner answers.
    pub prompt: String,
}

impl Reflection {
    pub fn problems(&self) -> Vec<(String, String)> {
        let p = self.prompt.trim();
        if p.is_empty() || p.chars().count() > MAX_PROMPT {
            vec![(
                "prompt".into(),
                format!("must be 1 to {MAX_PROMPT} characters"),
            )]
        } else {
            Vec::new()
        }
    }
}

crate::code_enum! {
    /// A form a practice task's artefact may take.
    pub enum ArtefactKind: "artefact" {
        Text = "text",
        Link = "link",
        File = "file",
    }
}

/// One thing a facilitator looks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable within the task (`names-the-goal`).
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Markdown: what to make and hand in.
    pub instructions: String,
    pub rubric: Vec<Criterion>,
    /// The forms the artefact may take (at least one).
    pub artefacts: Vec<ArtefactKind>,
}

impl Task {
    /// Structural problems, each with where it is (for the course file).
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let i = self.instructions.trim();
        if i.is_empty() || i.chars().count() > MAX_INSTRUCTIONS {
            out.push((
                "instructions".into(),
                format!("must be 1 to {MAX_INSTRUCTIONS} characters"),
            ));
        }
        if self.rubric.is_empty() || self.rubric.len() > MAX_CRITERIA {
            out.push((
                "rubric".into(),
                format!("a task needs 1 to {MAX_CRITERIA} criteria"),
            ));
        }
        let mut keys = std::collections::HashSet::new();
        for (n, c) in self.rubric.iter().enumerate() {
            if !super::is_slug(&c.key) || !keys.insert(c.key.as_str()) {
                out.push((
                    format!("rubric[{n}].key"),
                    "must be a slug, different from the other criteria's".into(),
                ));
            }
            if c.text.trim().is_empty() || c.text.chars().count() > MAX_PROMPT {
                out.push((
                    format!("rubric[{n}].text"),
                    format!("must be 1 to {MAX_PROMPT} characters"),
                ));
            }
        }
        let mut kinds = self.artefacts.clone();
        kinds.sort();
        kinds.dedup();
        if kinds.is_empty() || kinds.len() != self.artefacts.len() {
            out.push((
                "artefacts".into(),
                "list text, link and/or file, each at most once".into(),
            ));
        }
        out
    }

    pub fn accepts(&self, kind: ArtefactKind) -> bool {
        self.artefacts.contains(&kind)
    }
}

/// A reflection as typed: required, at most [`MAX_TEXT`] characters.
pub fn reflection_text(input: &str) -> Result<String, Invalid> {
    crate::validation::required_paragraphs(input, MAX_TEXT).map_err(|code| {
        Invalid(vec![
            FieldError::new("reflection", code).with_arg("max", MAX_TEXT),
        ])
    })
}

/// What a learner hands in for a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Artefact {
    Text(String),
    Link(String),
    File(Evidence),
}

impl Artefact {
    pub fn kind(&self) -> ArtefactKind {
        match self {
            Artefact::Text(_) => ArtefactKind::Text,
            Artefact::Link(_) => ArtefactKind::Link,
            Artefact::File(_) => ArtefactKind::File,
        }
    }
}

/// Checks a submission: exactly one artefact, of a form the task accepts.
/// Fields: `artefact_text`, `artefact_url`, `artefact_file`.
pub fn artefact(
    task: &Task,
    text: &str,
    url: &str,
    file: Option<(&str, &[u8])>,
) -> Result<Artefact, Invalid> {
    let mut errors = Invalid::new();
    let text = match text.trim() {
        "" => None,
        t if t.chars().count() > MAX_TEXT => {
            errors.push(FieldError::new("artefact_text", "too-long").with_arg("max", MAX_TEXT));
            None
        }
        t => Some(t.to_string()),
    };
    let link = crate::evidence::link(&mut errors, "artefact_url", url);
    let file = crate::evidence::file(&mut errors, "artefact_file", file);
    errors.into_result()?;
    let mut given: Vec<Artefact> = Vec::new();
    given.extend(text.map(Artefact::Text));
    given.extend(link.map(Artefact::Link));
    given.extend(file.map(Artefact::File));
    let field = |k: ArtefactKind| match k {
        ArtefactKind::Text => "artefact_text",
        ArtefactKind::Link => "artefact_url",
        ArtefactKind::File => "artefact_file",
    };
    match given.len() {
        0 => Err(Invalid::one(field(task.artefacts[0]), "artefact-required")),
        1 => {
            let a = given.remove(0);
            if task.accepts(a.kind()) {
                Ok(a)
            } else {
                Err(Invalid::one(field(a.kind()), "artefact-kind"))
            }
        }
        _ => Err(Invalid::one(field(given[1].kind()), "artefact-one")),
    }
}

crate::code_enum! {
    /// Where a practice task submission stands.
    pub enum SubmissionStatus: "submission-status" {
        /// Waiting for a facilitator.
        Submitted = "submitted",
        /// Meets the rubric: the task is done.
        Accepted = "accepted",
        /// Sent back with comments: the learner may hand in again.
        Returned = "returned",
    }
}

/// A facilitator's review as checked: the criteria met, and a comment
/// (required when returning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub accepted: bool,
    pub met: Vec<String>,
    pub comment: Option<String>,
}

/// Checks a review: `decision` is `accepted` or `returned`; accepting
/// needs every criterion met; returning needs a comment saying what to do.
pub fn review(
    task: &Task,
    decision: &str,
    met: &[String],
    comment: &str,
) -> Result<Review, Invalid> {
    let accepted = match SubmissionStatus::parse(decision) {
        Some(SubmissionStatus::Accepted) => true,
        Some(SubmissionStatus::Returned) => false,
        _ => return Err(Invalid::one("decision", "choose-one")),
    };
    let mut errors = Invalid::new();
    // In the rubric's order; keys it does not have are ignored.
    let met: Vec<String> = task
        .rubric
        .iter()
        .filter(|c| met.contains(&c.key))
        .map(|c| c.key.clone())
        .collect();
    if accepted && met.len() != task.rubric.len() {
        errors.add("met", "rubric-unmet");
    }
    let comment = match comment.trim() {
        "" if !accepted => {
            errors.add("comment", "required");
            None
        }
        "" => None,
        c if c.chars().count() > MAX_COMMENT => {
            errors.push(FieldError::new("comment", "too-long").with_arg("max", MAX_COMMENT));
            None
        }
        c => Some(c.to_string()),
    };
    errors.into_result()?;
    Ok(Review {
        accepted,
        met,
        comment,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task() -> Task {
        Task {
            instructions: "Redesign one assignment.".into(),
            rubric: vec![
                Criterion {
                    key: "goal".into(),
                    text: "Names the goal".into(),
                },
                Criterion {
                    key: "levels".into(),
                    text: "Sets a level per part".into(),
                },
            ],
            artefacts: vec![ArtefactKind::Text, ArtefactKind::Link],
        }
    }

    fn codes(e: &Invalid) -> Vec<(&str, &str)> {
        e.0.iter().map(|f| (f.field.as_str(), f.code)).collect()
    }

    #[test]
    fn a_task_file_is_checked() {
        assert!(task().problems().is_empty());
        let mut t = task();
        t.rubric[1].key = "goal".into();
        t.artefacts = vec![ArtefactKind::File, ArtefactKind::File];
        t.instructions = " ".into();
        let at: Vec<String> = t.problems().into_iter().map(|(a, _)| a).collect();
        assert_eq!(at, ["instructions", "rubric[1].key", "artefacts"]);
        let json = serde_json::json!({ "instructions": "x", "rubric": [], "artefacts": ["video"] });
        let e = serde_json::from_value::<Task>(json)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown value \"video\", expected one of: text, link, file"),
            "{e}"
        );
    }

    #[test]
    fn an_artefact_is_one_thing_the_task_accepts() {
        let t = task();
        assert_eq!(
            artefact(&t, " My plan ", "", None).unwrap(),
            Artefact::Text("My plan".into())
        );
        let e = artefact(&t, "", "", None).unwrap_err();
        assert_eq!(codes(&e), [("artefact_text", "artefact-required")]);
        let e = artefact(&t, "x", "https://a.org", None).unwrap_err();
        assert_eq!(codes(&e), [("artefact_url", "artefact-one")]);
        let e = artefact(&t, "", "", Some(("a.pdf", b"%PDF-1.4"))).unwrap_err();
        assert_eq!(codes(&e), [("artefact_file", "artefact-kind")]);
        let e = artefact(&t, "", "", Some(("a.exe", b"MZ"))).unwrap_err();
        assert_eq!(codes(&e), [("artefact_file", "file-type")]);
        let long = "x".repeat(MAX_TEXT + 1);
        let e = artefact(&t, &long, "", None).unwrap_err();
        assert_eq!(codes(&e), [("artefact_text", "too-long")]);
    }

    #[test]
    fn a_review_accepts_only_when_the_rubric_is_met() {
        let t = task();
        let all = vec!["goal".to_string(), "levels".to_string()];
        let r = review(&t, "accepted", &all, "").unwrap();
        assert!(r.accepted && r.comment.is_none() && r.met == all);
        let e = review(&t, "accepted", &all[..1], "").unwrap_err();
        assert_eq!(codes(&e), [("met", "rubric-unmet")]);
        let e = review(&t, "returned", &all[..1], " ").unwrap_err();
        assert_eq!(codes(&e), [("comment", "required")]);
        let r = review(
            &t,
            "returned",
            &["levels".into(), "nope".into()],
            "Add levels",
        )
        .unwrap();
        assert_eq!(r.met, ["levels"]);
        assert_eq!(
            codes(&review(&t, "maybe", &[], "").unwrap_err()),
            [("decision", "choose-one")]
        );
    }
}
