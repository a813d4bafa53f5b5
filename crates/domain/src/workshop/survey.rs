//! The survey after each session: up to [`MAX_ITEMS`] statements rated on a
//! five-point agreement scale and one free-text question. Answers are kept
//! apart from who gave them, and results are shown only once at least
//! [`MIN_ANSWERS`] people answered, so no answer can be tied to a person.

use crate::validation::{FieldError, Invalid};
use crate::workshop::Mark;

/// Statements one survey may ask about.
pub const MAX_ITEMS: usize = 5;
/// Points on the scale: 1 "strongly disagree" … 5 "strongly agree".
pub const POINTS: usize = 5;
/// Fewest answers whose results (counts, means, comments) are shown.
pub const MIN_ANSWERS: usize = 5;
/// Longest question, in characters.
pub const MAX_QUESTION: usize = 200;
/// Longest free-text answer, in characters.
pub const MAX_COMMENT: usize = 2_000;

/// The default statements' message keys, shown in each reader's language.
pub const DEFAULT_ITEMS: [&str; MAX_ITEMS] = [
    "survey-default-useful",
    "survey-default-apply",
    "survey-default-clear",
    "survey-default-pace",
    "survey-default-recommend",
];
/// The default free-text question's message key.
pub const DEFAULT_FREE_TEXT: &str = "survey-default-change";

/// An offering's questions: the defaults (each reader's language) or its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Questions {
    Default,
    Own {
        items: Vec<String>,
        /// Empty: no free-text question.
        free_text: String,
    },
}

impl Questions {
    pub fn item_count(&self) -> usize {
        match self {
            Questions::Default => MAX_ITEMS,
            Questions::Own { items, .. } => items.len(),
        }
    }

    /// The statements and the free-text question (if any) as shown, with
    /// `t` looking the defaults up in the reader's language.
    pub fn texts(&self, t: impl Fn(&str) -> String) -> (Vec<String>, Option<String>) {
        match self {
            Questions::Default => (
                DEFAULT_ITEMS.iter().map(|k| t(k)).collect(),
                Some(t(DEFAULT_FREE_TEXT)),
            ),
            Questions::Own { items, free_text } => (
                items.clone(),
                Some(free_text.clone()).filter(|f| !f.is_empty()),
            ),
        }
    }
}

/// The questions form, as typed: `item-1` … `item-5` (blank ones are
/// left out) and `free_text` (blank: none).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct QuestionsInput {
    #[serde(default, rename = "item-1")]
    pub item_1: String,
    #[serde(default, rename = "item-2")]
    pub item_2: String,
    #[serde(default, rename = "item-3")]
    pub item_3: String,
    #[serde(default, rename = "item-4")]
    pub item_4: String,
    #[serde(default, rename = "item-5")]
    pub item_5: String,
    #[serde(default)]
    pub free_text: String,
}

impl QuestionsInput {
    pub fn items(&self) -> [&str; MAX_ITEMS] {
        [
            &self.item_1,
            &self.item_2,
            &self.item_3,
            &self.item_4,
            &self.item_5,
        ]
    }

    /// The form filled with `questions` as shown (`t` for the defaults).
    pub fn from_questions(questions: &Questions, t: impl Fn(&str) -> String) -> Self {
        let (items, free_text) = questions.texts(t);
        let item = |n: usize| items.get(n).cloned().unwrap_or_default();
        QuestionsInput {
            item_1: item(0),
            item_2: item(1),
            item_3: item(2),
            item_4: item(3),
            item_5: item(4),
            free_text: free_text.unwrap_or_default(),
        }
    }

    /// The offering's own questions: at least one statement, each one line
    /// of at most [`MAX_QUESTION`] characters.
    pub fn validate(&self) -> Result<Questions, Invalid> {
        let mut errors = Invalid::new();
        let mut items = Vec::new();
        for (n, text) in self.items().into_iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            match line(&format!("item-{}", n + 1), text) {
                Ok(t) => items.push(t),
                Err(e) => errors.push(e),
            }
        }
        if items.is_empty() && errors.is_empty() {
            errors.add("item-1", "required");
        }
        let free_text = match self.free_text.trim() {
            "" => String::new(),
            text => line("free_text", text).unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            }),
        };
        errors.into_result()?;
        Ok(Questions::Own { items, free_text })
    }
}

fn line(field: &str, text: &str) -> Result<String, FieldError> {
    crate::validation::required_text(text, MAX_QUESTION)
        .map_err(|code| FieldError::new(field, code).with_arg("max", MAX_QUESTION))
}

/// One person's answer, stored without them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// One point (1–5) per statement, in the survey's order.
    pub ratings: Vec<u8>,
    /// Empty when they wrote nothing.
    pub comment: String,
}

/// Checks an answer to a survey of `items` statements: each rated 1–5
/// (`rating-<n>`, `choose-one`), the comment at most [`MAX_COMMENT`]
/// characters (`comment`).
pub fn answer(ratings: &[Option<&str>], comment: &str, items: usize) -> Result<Answer, Invalid> {
    let mut errors = Invalid::new();
    let mut points = Vec::with_capacity(items);
    for n in 0..items {
        let point = ratings
            .get(n)
            .copied()
            .flatten()
            .and_then(|r| r.trim().parse::<u8>().ok())
            .filter(|p| (1..=POINTS as u8).contains(p));
        match point {
            Some(p) => points.push(p),
            None => errors.add(format!("rating-{}", n + 1), "choose-one"),
        }
    }
    let comment = comment.trim();
    if comment.chars().count() > MAX_COMMENT {
        errors.push(FieldError::new("comment", "too-long").with_arg("max", MAX_COMMENT));
    }
    errors.into_result()?;
    Ok(Answer {
        ratings: points,
        comment: comment.to_string(),
    })
}

/// Why someone may not answer a session's survey now (the `survey`
/// field's error code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The session (or the offering) was cancelled.
    Cancelled,
    /// The session has not ended yet.
    NotYet,
    /// Not marked as attending (or, before attendance is taken, no seat).
    NotAttended,
    /// They answered already.
    Answered,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Cancelled => "survey-cancelled",
            Refusal::NotYet => "survey-not-yet",
            Refusal::NotAttended => "survey-not-attended",
            Refusal::Answered => "survey-answered",
        }
    }

    pub fn invalid(self) -> Invalid {
        Invalid::one("survey", self.code())
    }
}

/// What decides whether one person may answer one session's survey.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pub cancelled: bool,
    pub ended: bool,
    /// They hold a seat (a confirmed registration).
    pub confirmed: bool,
    /// Anyone's attendance was marked for the session.
    pub attendance_taken: bool,
    /// Their own mark for it.
    pub mark: Option<Mark>,
    pub answered: bool,
}

/// Those marked attending may answer once a session has ended; before its
/// attendance is taken, those holding a seat.
pub fn may_answer(s: Standing) -> Result<(), Refusal> {
    let attended = match (s.attendance_taken, s.mark) {
        (_, Some(mark)) => mark.attended(),
        (true, None) => false,
        (false, None) => s.confirmed,
    };
    if s.cancelled {
        Err(Refusal::Cancelled)
    } else if !s.ended {
        Err(Refusal::NotYet)
    } else if !attended {
        Err(Refusal::NotAttended)
    } else if s.answered {
        Err(Refusal::Answered)
    } else {
        Ok(())
    }
}

/// One statement's results.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    /// People who chose each point, 1 to 5.
    pub counts: [u32; POINTS],
    /// The mean point.
    pub mean: f64,
}

/// Results as they may be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Results {
    /// Fewer than [`MIN_ANSWERS`]: nothing is shown, not even how many.
    TooFew,
    Shown {
        answers: usize,
        items: Vec<ItemResult>,
        /// The comments that are not empty, in the order given (stored
        /// under random keys: shuffled, never by time).
        comments: Vec<String>,
    },
}

impl Results {
    pub fn shown(&self) -> bool {
        matches!(self, Results::Shown { .. })
    }
}

/// Counts and means of `answers` to a survey of `items` statements; shown
/// only from [`MIN_ANSWERS`] answers.
pub fn tally(answers: &[&Answer], items: usize) -> Results {
    if answers.len() < MIN_ANSWERS {
        return Results::TooFew;
    }
    let items = (0..items)
        .map(|n| {
            let mut counts = [0u32; POINTS];
            for a in answers {
                if let Some(p) = a.ratings.get(n).filter(|p| (1..=POINTS as u8).contains(p)) {
                    counts[usize::from(*p) - 1] += 1;
                }
            }
            let total: u32 = counts.iter().sum();
            let sum: u32 = counts.iter().zip(1u32..).map(|(c, p)| c * p).sum();
            ItemResult {
                counts,
                mean: match total {
                    0 => 0.0,
                    t => f64::from(sum) / f64::from(t),
                },
            }
        })
        .collect();
    Results::Shown {
        answers: answers.len(),
        items,
        comments: answers
            .iter()
            .filter(|a| !a.comment.is_empty())
            .map(|a| a.comment.clone())
            .collect(),
    }
}

/// The offering's results over all its sessions: only sessions whose own
/// results are shown count, so nobody can subtract one session from the
/// whole to see a hidden session's few answers.
pub fn overall(sessions: &[Vec<&Answer>], items: usize) -> Results {
    let shown: Vec<&Answer> = sessions
        .iter()
        .filter(|s| s.len() >= MIN_ANSWERS)
        .flatten()
        .copied()
        .collect();
    tally(&shown, items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Vec<Answer> {
        (0..n)
            .map(|i| Answer {
                ratings: vec![(i % 5) as u8 + 1, 5],
                comment: if i == 0 {
                    "More examples".into()
                } else {
                    String::new()
                },
            })
            .collect()
    }

    #[test]
    fn four_answers_show_nothing_and_five_show_counts_means_and_comments() {
        let four = sample(4);
        assert_eq!(tally(&four.iter().collect::<Vec<_>>(), 2), Results::TooFew);
        let five = sample(5);
        let Results::Shown {
            answers,
            items,
            comments,
        } = tally(&five.iter().collect::<Vec<_>>(), 2)
        else {
            panic!("five answers are shown");
        };
        assert_eq!(answers, 5);
        assert_eq!(items[0].counts, [1, 1, 1, 1, 1]);
        assert!((items[0].mean - 3.0).abs() < 1e-9);
        assert_eq!(items[1].counts, [0, 0, 0, 0, 5]);
        assert!((items[1].mean - 5.0).abs() < 1e-9);
        assert_eq!(comments, vec!["More examples".to_string()]);
    }

    #[test]
    fn overall_leaves_out_sessions_too_small_to_show() {
        let five = sample(5);
        let three = sample(3);
        let sessions = vec![five.iter().collect(), three.iter().collect()];
        let Results::Shown { answers, .. } = overall(&sessions, 2) else {
            panic!("one session is shown");
        };
        assert_eq!(answers, 5);
        // Seven answers in all, but no session alone reaches five.
        let four = sample(4);
        let small = vec![three.iter().collect(), four.iter().collect()];
        assert_eq!(overall(&small, 2), Results::TooFew);
    }

    #[test]
    fn an_answer_rates_every_statement_once_within_the_scale() {
        let ok = answer(&[Some("1"), Some("5")], "  fine ", 2).unwrap();
        assert_eq!(ok.ratings, vec![1, 5]);
        assert_eq!(ok.comment, "fine");
        let bad = answer(&[Some("0"), None, Some("6")], "", 3).unwrap_err();
        assert!(bad.has("rating-1") && bad.has("rating-2") && bad.has("rating-3"));
        let long = "x".repeat(MAX_COMMENT + 1);
        assert!(answer(&[Some("3")], &long, 1).unwrap_err().has("comment"));
    }

    #[test]
    fn attendees_answer_after_the_session_once() {
        let base = Standing {
            cancelled: false,
            ended: true,
            confirmed: true,
            attendance_taken: false,
            mark: None,
            answered: false,
        };
        assert_eq!(may_answer(base), Ok(()));
        let early = Standing {
            ended: false,
            ..base
        };
        assert_eq!(may_answer(early), Err(Refusal::NotYet));
        let unmarked = Standing {
            attendance_taken: true,
            ..base
        };
        assert_eq!(may_answer(unmarked), Err(Refusal::NotAttended));
        let absent = Standing {
            attendance_taken: true,
            mark: Some(Mark::Absent),
            ..base
        };
        assert_eq!(may_answer(absent), Err(Refusal::NotAttended));
        let late = Standing {
            attendance_taken: true,
            mark: Some(Mark::Late),
            confirmed: false,
            ..base
        };
        assert_eq!(may_answer(late), Ok(()));
        let no_seat = Standing {
            confirmed: false,
            ..base
        };
        assert_eq!(may_answer(no_seat), Err(Refusal::NotAttended));
        let twice = Standing {
            answered: true,
            ..base
        };
        assert_eq!(may_answer(twice), Err(Refusal::Answered));
    }

    #[test]
    fn own_questions_need_one_statement_and_keep_lines_short() {
        let none = QuestionsInput::default().validate().unwrap_err();
        assert!(none.has("item-1"));
        let input = QuestionsInput {
            item_2: "Useful".into(),
            item_4: "x".repeat(MAX_QUESTION + 1),
            ..Default::default()
        };
        assert!(input.validate().unwrap_err().has("item-4"));
        let input = QuestionsInput {
            item_2: " Useful ".into(),
            ..Default::default()
        };
        assert_eq!(
            input.validate().unwrap(),
            Questions::Own {
                items: vec!["Useful".into()],
                free_text: String::new()
            }
        );
    }
}
