//! Quizzes: single- and multiple-choice questions, graded here, with
//! feedback per answer, a pass mark and an optional limit on attempts.
//!
//! A lesson with a quiz is finished when the quiz is passed.

use crate::validation::{FieldError, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const MAX_QUESTIONS: usize = 50;
pub const MAX_OPTIONS: usize = 10;
pub const MAX_ATTEMPTS: u32 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Exactly one option is right; the learner picks one.
    Single,
    /// One or more options are right; the learner picks all of them.
    Multiple,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable within the question (`a`, `b`, …).
    pub key: String,
    pub text: String,
    pub correct: bool,
    /// Shown to a learner who picked this option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within the quiz (`q1`, `privacy-first`, …).
    pub key: String,
    pub prompt: String,
    pub kind: Kind,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    /// Percent of questions answered right that passes (1 to 100).
    pub pass_mark: u32,
    /// None: as many attempts as the learner likes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    pub questions: Vec<Question>,
}

/// How one question was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub key: String,
    pub right: bool,
    /// Feedback of the options the learner picked, in the quiz's order.
    pub feedback: Vec<String>,
}

/// A graded attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    /// Percent of questions answered right, rounded down.
    pub score: u32,
    pub passed: bool,
    pub questions: Vec<Marked>,
}

impl Quiz {
    /// Structural problems, each with where it is (for the course file).
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut p = |at: String, m: &str| out.push((at, m.to_string()));
        if !(1..=100).contains(&self.pass_mark) {
            p("pass_mark".into(), "must be a percentage from 1 to 100");
        }
        if self
            .max_attempts
            .is_some_and(|m| m == 0 || m > MAX_ATTEMPTS)
        {
            p(
                "max_attempts".into(),
                "must be from 1 to 20, or left out for no limit",
            );
        }
        if self.questions.is_empty() || self.questions.len() > MAX_QUESTIONS {
            p("questions".into(), "a quiz needs 1 to 50 questions");
        }
        let mut keys = std::collections::HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            if !super::is_slug(&q.key) || !keys.insert(q.key.as_str()) {
                p(
                    format!("{at}.key"),
                    "must be a slug, different from the other questions'",
                );
            }
            if q.prompt.trim().is_empty() {
                p(format!("{at}.prompt"), "is empty");
            }
            if q.options.len() < 2 || q.options.len() > MAX_OPTIONS {
                p(format!("{at}.options"), "a question needs 2 to 10 options");
            }
            let mut option_keys = std::collections::HashSet::new();
            for (j, o) in q.options.iter().enumerate() {
                if !super::is_slug(&o.key) || !option_keys.insert(o.key.as_str()) {
                    p(
                        format!("{at}.options[{j}].key"),
                        "must be a slug, different from the other options'",
                    );
                }
                if o.text.trim().is_empty() {
                    p(format!("{at}.options[{j}].text"), "is empty");
                }
            }
            let right = q.options.iter().filter(|o| o.correct).count();
            match q.kind {
                Kind::Single if right != 1 => p(
                    format!("{at}.options"),
                    "a single-choice question needs exactly one correct option",
                ),
                Kind::Multiple if right == 0 => p(
                    format!("{at}.options"),
                    "a multiple-choice question needs at least one correct option",
                ),
                _ => {}
            }
        }
        out
    }

    /// Grades answers given as question key → option keys. Refused (field
    /// `q-<key>`) for a question not answered, an answer to a question not
    /// in the quiz, an option the question does not have, or two options
    /// for a single-choice question.
    pub fn grade(&self, answers: &HashMap<String, Vec<String>>) -> Result<Graded, Invalid> {
        let mut invalid = Invalid::new();
        for key in answers.keys() {
            if !self.questions.iter().any(|q| &q.key == key) {
                invalid.push(FieldError::new(format!("q-{key}"), "quiz-no-such-question"));
            }
        }
        let mut marked = Vec::with_capacity(self.questions.len());
        for q in &self.questions {
            let field = format!("q-{}", q.key);
            let picked: Vec<&String> = answers
                .get(&q.key)
                .map(|v| v.iter().collect())
                .unwrap_or_default();
            if picked.is_empty() {
                invalid.add(field, "quiz-unanswered");
                continue;
            }
            if picked
                .iter()
                .any(|k| !q.options.iter().any(|o| &&o.key == k))
            {
                invalid.add(field, "quiz-no-such-option");
                continue;
            }
            if q.kind == Kind::Single && picked.len() > 1 {
                invalid.add(field, "quiz-one-answer");
                continue;
            }
            let right = q
                .options
                .iter()
                .all(|o| o.correct == picked.contains(&&o.key));
            marked.push(Marked {
                key: q.key.clone(),
                right,
                feedback: q
                    .options
                    .iter()
                    .filter(|o| picked.contains(&&o.key))
                    .filter_map(|o| o.feedback.clone())
                    .collect(),
            });
        }
        invalid.into_result()?;
        let right = marked.iter().filter(|m| m.right).count();
        let score = u32::try_from(right * 100 / self.questions.len()).unwrap_or(0);
        Ok(Graded {
            score,
            passed: score >= self.pass_mark,
            questions: marked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz() -> Quiz {
        let opt = |key: &str, correct: bool, feedback: Option<&str>| Choice {
            key: key.into(),
            text: format!("Option {key}"),
            correct,
            feedback: feedback.map(Into::into),
        };
        Quiz {
            pass_mark: 50,
            max_attempts: Some(2),
            questions: vec![
                Question {
                    key: "one".into(),
                    prompt: "Pick a".into(),
                    kind: Kind::Single,
                    options: vec![
                        opt("a", true, Some("Yes.")),
                        opt("b", false, Some("No: a.")),
                    ],
                },
                Question {
                    key: "many".into(),
                    prompt: "Pick a and c".into(),
                    kind: Kind::Multiple,
                    options: vec![
                        opt("a", true, None),
                        opt("b", false, None),
                        opt("c", true, None),
                    ],
                },
            ],
        }
    }

    fn answers(pairs: &[(&str, &[&str])]) -> HashMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn grading_counts_whole_questions_and_gives_feedback() {
        let q = quiz();
        assert!(q.problems().is_empty());
        let all = q
            .grade(&answers(&[("one", &["a"]), ("many", &["a", "c"])]))
            .unwrap();
        assert_eq!((all.score, all.passed), (100, true));
        assert_eq!(all.questions[0].feedback, ["Yes."]);
        let half = q
            .grade(&answers(&[("one", &["b"]), ("many", &["c", "a"])]))
            .unwrap();
        assert_eq!((half.score, half.passed), (50, true));
        assert_eq!(half.questions[0].feedback, ["No: a."]);
        let partial = q
            .grade(&answers(&[("one", &["b"]), ("many", &["a"])]))
            .unwrap();
        assert_eq!(
            (partial.score, partial.passed),
            (0, false),
            "half a multiple is wrong"
        );
    }

    #[test]
    fn wrong_shaped_answers_are_refused_by_question() {
        let q = quiz();
        let e = q
            .grade(&answers(&[("one", &["a", "b"]), ("ghost", &["a"])]))
            .unwrap_err();
        let got: Vec<(String, &str)> = e.0.iter().map(|f| (f.field.clone(), f.code)).collect();
        assert_eq!(
            got,
            [
                ("q-ghost".to_string(), "quiz-no-such-question"),
                ("q-one".to_string(), "quiz-one-answer"),
                ("q-many".to_string(), "quiz-unanswered"),
            ]
        );
        let e = q
            .grade(&answers(&[("one", &["z"]), ("many", &["a"])]))
            .unwrap_err();
        assert_eq!(e.0[0].code, "quiz-no-such-option");
    }

    #[test]
    fn broken_quizzes_are_described() {
        let mut q = quiz();
        q.pass_mark = 0;
        q.questions[0].options[1].correct = true;
        q.questions[1].options[2].key = "a".into();
        let found: Vec<String> = q
            .problems()
            .into_iter()
            .map(|(at, m)| format!("{at}: {m}"))
            .collect();
        assert_eq!(
            found,
            [
                "pass_mark: must be a percentage from 1 to 100",
                "questions[0].options: a single-choice question needs exactly one correct option",
                "questions[1].options[2].key: must be a slug, different from the other options'",
            ]
        );
    }
}
