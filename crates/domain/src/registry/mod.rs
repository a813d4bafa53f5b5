//! The AI tool registry (issue 20): the tools schools use, reviewed by
//! educators on a rubric, and each organisation's status for them.
//!
//! Vendor-neutral by construction: a tool holds what it is, not a score —
//! no logo, no advertising, no sponsored place. Lists sort by name or by
//! review count, nothing a vendor can buy. Tools are added and edited by
//! the programme's admins only (`policy::Action::EditToolRegistry`), never
//! by vendors.
//!
//! This file checks a tool as an admin writes it; `review.rs` holds the
//! rubric and checks a review; `status.rs` an organisation's decision and
//! the inheritance rule (the deepest decision along one's path).

pub mod review;
pub mod status;

use crate::library::resource::check_link;
use crate::validation::{FieldError, Invalid, choice, required_paragraphs, required_text};

pub const MAX_NAME: usize = 120;
pub const MAX_VENDOR: usize = 120;
pub const MAX_DESCRIPTION: usize = 2_000;
/// The youngest age a tool may be meant for.
pub const MIN_AGE: u8 = 3;
/// The oldest age a range may end at: past it, a tool is for everyone from
/// its lowest age up (adults included), written with no upper age.
pub const MAX_AGE: u8 = 18;

crate::code_enum! {
    /// How a tool is paid for.
    pub enum CostModel: "tool-cost" {
        Free = "free",
        /// Free to start, paid for more.
        Freemium = "freemium",
        PaidPerTeacher = "paid_per_teacher",
        PaidPerSchool = "paid_per_school",
        Unknown = "unknown",
    }
}

crate::code_enum! {
    /// Whether the vendor offers a data-privacy agreement (a DPA, such as
    /// the Student Data Privacy Consortium's). Whether one is *signed* is
    /// each organisation's to say, in its status (`status::Decision`).
    pub enum PrivacyAgreement: "tool-privacy-agreement" {
        NoneKnown = "none_known",
        Available = "available",
    }
}

crate::code_enum! {
    /// The orders a list of tools comes in: nothing a vendor can buy.
    pub enum ToolSort: "tool-sort" {
        /// By name, A to Z (folded: `Tool::sort_name`).
        Name = "name",
        /// Most reviewed first, then by name.
        Reviews = "reviews",
    }
}

/// The ages a tool is meant for, in years: from `min` to `max` inclusive,
/// or from `min` up when `max` is `None` ("13+"; a tool for teachers only
/// is "18+"). Ages, not grade bands: vendors' terms of service speak in ages
/// (COPPA's 13, "18 and over"), and the rubric asks about age suitability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ages {
    pub min: u8,
    pub max: Option<u8>,
}

impl std::fmt::Display for Ages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "{}", self.min),
            Some(max) => write!(f, "{}–{}", self.min, max),
            None => write!(f, "{}+", self.min),
        }
    }
}

/// A tool as a form or the API sends it (codes and numbers as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ToolInput {
    pub name: String,
    pub vendor: String,
    /// Its web address (`https://` or `http://`).
    pub url: String,
    /// What it does.
    pub description: String,
    /// Whole years, `MIN_AGE` to `MAX_AGE`.
    pub min_age: String,
    /// Empty: from `min_age` up.
    pub max_age: String,
    pub cost_model: String,
    pub privacy_agreement: String,
}

/// A tool, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    pub name: String,
    pub vendor: String,
    pub url: String,
    pub description: String,
    pub ages: Ages,
    pub cost_model: CostModel,
    pub privacy_agreement: PrivacyAgreement,
}

/// Checked text, or its problem on `field` (`too-long` saying how long it
/// may be).
pub(crate) fn text(
    errors: &mut Invalid,
    field: &str,
    checked: Result<String, &'static str>,
    max: usize,
) -> Option<String> {
    match checked {
        Ok(t) => Some(t),
        Err(code) => {
            let e = FieldError::new(field, code);
            errors.push(if code == "too-long" {
                e.with_arg("max", max)
            } else {
                e
            });
            None
        }
    }
}

fn age(errors: &mut Invalid, field: &str, input: &str, min: u8) -> Option<u8> {
    match input.trim().parse::<u8>() {
        Ok(n) if (min..=MAX_AGE).contains(&n) => Some(n),
        _ => {
            errors.push(
                FieldError::new(field, "number-range")
                    .with_arg("min", min)
                    .with_arg("max", MAX_AGE),
            );
            None
        }
    }
}

/// Checks a tool; every problem, by field (`name`, `vendor`, `url`,
/// `description`, `min_age`, `max_age`, `cost_model`, `privacy_agreement`).
pub fn check(input: &ToolInput) -> Result<Tool, Invalid> {
    let mut errors = Invalid::new();
    let name = text(
        &mut errors,
        "name",
        required_text(&input.name, MAX_NAME),
        MAX_NAME,
    );
    let vendor = text(
        &mut errors,
        "vendor",
        required_text(&input.vendor, MAX_VENDOR),
        MAX_VENDOR,
    );
    let url = if input.url.trim().is_empty() {
        errors.add("url", "required");
        None
    } else {
        check_link(&mut errors, "url", &input.url)
    };
    let description = text(
        &mut errors,
        "description",
        required_paragraphs(&input.description, MAX_DESCRIPTION),
        MAX_DESCRIPTION,
    );
    let min = age(&mut errors, "min_age", &input.min_age, MIN_AGE);
    let max = match input.max_age.trim() {
        "" => Some(None),
        given => age(&mut errors, "max_age", given, min.unwrap_or(MIN_AGE)).map(Some),
    };
    let cost_model = choice(
        &mut errors,
        "cost_model",
        &input.cost_model,
        CostModel::parse,
    );
    let privacy_agreement = choice(
        &mut errors,
        "privacy_agreement",
        &input.privacy_agreement,
        PrivacyAgreement::parse,
    );
    match (
        name,
        vendor,
        url,
        description,
        min,
        max,
        cost_model,
        privacy_agreement,
    ) {
        (
            Some(name),
            Some(vendor),
            Some(url),
            Some(description),
            Some(min),
            Some(max),
            Some(cost_model),
            Some(privacy_agreement),
        ) if errors.is_empty() => Ok(Tool {
            name,
            vendor,
            url,
            description,
            ages: Ages { min, max },
            cost_model,
            privacy_agreement,
        }),
        _ => Err(errors),
    }
}

impl Tool {
    /// The form's values for this tool, to edit it.
    pub fn to_input(&self) -> ToolInput {
        ToolInput {
            name: self.name.clone(),
            vendor: self.vendor.clone(),
            url: self.url.clone(),
            description: self.description.clone(),
            min_age: self.ages.min.to_string(),
            max_age: self.ages.max.map(|m| m.to_string()).unwrap_or_default(),
            cost_model: self.cost_model.as_str().into(),
            privacy_agreement: self.privacy_agreement.as_str().into(),
        }
    }

    /// The key a list by name sorts on: the name's words folded as search
    /// folds them (lower case, accents off), so both backends and every
    /// collation order "Éclair" with "eclair".
    pub fn sort_name(&self) -> String {
        crate::search::words(&self.name).join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ToolInput {
        ToolInput {
            name: " MagicSchool ".into(),
            vendor: "MagicSchool AI".into(),
            url: "https://www.magicschool.ai/".into(),
            description: "Lesson planning and feedback tools for teachers.".into(),
            min_age: "13".into(),
            max_age: "".into(),
            cost_model: "freemium".into(),
            privacy_agreement: "available".into(),
        }
    }

    #[test]
    fn a_tool_is_checked_and_trimmed() {
        let t = check(&input()).unwrap();
        assert_eq!(t.name, "MagicSchool");
        assert_eq!(t.ages, Ages { min: 13, max: None });
        assert_eq!(t.ages.to_string(), "13+");
        assert_eq!(t.cost_model, CostModel::Freemium);
        assert_eq!(t.privacy_agreement, PrivacyAgreement::Available);
        assert_eq!(check(&t.to_input()).unwrap(), t);
        let band = check(&ToolInput {
            min_age: "8".into(),
            max_age: "12".into(),
            ..input()
        })
        .unwrap();
        assert_eq!(band.ages.to_string(), "8–12");
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let e = check(&ToolInput::default()).unwrap_err();
        for f in [
            "name",
            "vendor",
            "url",
            "description",
            "min_age",
            "cost_model",
            "privacy_agreement",
        ] {
            assert!(e.has(f), "{f}: {e}");
        }
        // No upper age is "and up", not a problem.
        assert!(!e.has("max_age"));
        let e = check(&ToolInput {
            name: "x".repeat(MAX_NAME + 1),
            url: "javascript:alert(1)".into(),
            cost_model: "sponsored".into(),
            privacy_agreement: "signed".into(),
            ..input()
        })
        .unwrap_err();
        assert!(e.0.iter().any(|f| f.field == "name"
            && f.code == "too-long"
            && f.args == vec![("max", MAX_NAME.to_string())]));
        assert!(
            e.0.iter()
                .any(|f| f.field == "url" && f.code == "url-invalid")
        );
        assert!(
            e.0.iter()
                .any(|f| f.field == "cost_model" && f.code == "unknown-choice")
        );
        // "Signed" is an organisation's to say, never the tool's.
        assert!(
            e.0.iter()
                .any(|f| f.field == "privacy_agreement" && f.code == "unknown-choice")
        );
    }

    #[test]
    fn ages_are_a_range_within_school_years() {
        let ages = |min: &str, max: &str| {
            check(&ToolInput {
                min_age: min.into(),
                max_age: max.into(),
                ..input()
            })
        };
        assert!(ages("3", "18").is_ok());
        assert!(ages("18", "").is_ok());
        assert!(ages("10", "10").is_ok());
        assert!(
            ages("2", "")
                .unwrap_err()
                .is_only("min_age", "number-range")
        );
        assert!(
            ages("19", "")
                .unwrap_err()
                .is_only("min_age", "number-range")
        );
        assert!(
            ages("thirteen", "")
                .unwrap_err()
                .is_only("min_age", "number-range")
        );
        // The upper age is at least the lower one.
        let e = ages("13", "12").unwrap_err();
        assert!(e.is_only("max_age", "number-range"), "{e}");
        assert_eq!(
            e.0[0].args,
            vec![("min", "13".into()), ("max", "18".into())]
        );
        assert!(
            ages("13", "19")
                .unwrap_err()
                .is_only("max_age", "number-range")
        );
    }

    #[test]
    fn names_sort_folded() {
        let t = check(&ToolInput {
            name: "Éclair  Tutor".into(),
            ..input()
        })
        .unwrap();
        assert_eq!(t.sort_name(), "eclair tutor");
    }

    /// Every problem the registry reports reads as a message in both
    /// languages, and a missing rating names its criterion.
    #[test]
    fn every_problem_has_its_words() {
        use crate::i18n::{Lang, catalogue};
        use crate::validation::FieldError;
        let c = catalogue();
        for code in [
            "unknown-tool",
            "tool-exists",
            "registry-programme-admins-only",
            "tool-status-not-yours",
            "unknown-org",
            "number-range",
            "unknown-choice",
            "choose-one",
            "date-future",
            "date-invalid",
            "url-invalid",
            "too-long",
        ] {
            for lang in Lang::ALL {
                assert!(c.has(*lang, &format!("error-{code}")), "{lang}: {code}");
            }
        }
        for criterion in review::Criterion::ALL {
            let e = FieldError::new(format!("ratings-{criterion}"), "choose-one");
            for lang in Lang::ALL {
                let general = c.text(*lang, "error-choose-one");
                assert_ne!(e.message(*lang), general, "{lang}: {criterion}");
            }
        }
        let e = FieldError::new("org", "tool-status-not-yours").with_arg("org", "Valle Unified");
        assert!(e.message(Lang::En).contains("Valle Unified"));
        assert!(e.message(Lang::Es).contains("Valle Unified"));
    }
}
