//! The practice library: classroom practices (a classroom use of AI an
//! educator found worth sharing — never to be confused with a course's
//! practice task, `course::task`), the trial reports of those who tried
//! one, the ESSA evidence tier the reports support, and the resource
//! library.
//!
//! This file holds the shared vocabulary; the rules sit beside it, one file
//! each: `practice.rs` checks what an author writes, `trial.rs` a trial
//! report, `tier.rs` proposes a tier from the reports (pure, from the U.S.
//! Department of Education's non-regulatory guidance and the What Works
//! Clearinghouse's use of it), `resource.rs` a resource.

pub mod practice;
pub mod resource;
pub mod tier;
pub mod trial;

use crate::i18n::Lang;
use crate::profile::{GradeBand, Subject};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// Where a practice's working copy stands.
    pub enum DraftStatus: "practice-draft-status" {
        /// Being written; only its author sees it.
        Draft = "draft",
        /// Sent to the curators, waiting for one to publish or return it.
        Submitted = "submitted",
        /// A curator sent it back with comments; its author edits it again.
        Returned = "returned",
    }
}

crate::code_enum! {
    /// The licences a practice or resource is shared under.
    pub enum Licence: "licence" {
        /// The default.
        CcBy = "cc-by",
        CcBySa = "cc-by-sa",
        Cc0 = "cc0",
    }
}

impl Licence {
    /// The licence's deed, for a link beside its name.
    pub fn url(self) -> &'static str {
        match self {
            Licence::CcBy => "https://creativecommons.org/licenses/by/4.0/",
            Licence::CcBySa => "https://creativecommons.org/licenses/by-sa/4.0/",
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    }
}

/// What an author writes: a practice's content, as its draft holds it and
/// as each published version keeps it (JSON in `classroom_practice_drafts`
/// and `classroom_practice_versions`). `practice::check` says what is wrong
/// with it, by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeContent {
    pub language: Lang,
    pub title: String,
    pub summary: String,
    /// What students learn or do better.
    pub goal: String,
    pub subjects: Vec<Subject>,
    pub grade_bands: Vec<GradeBand>,
    /// Competency ids of the framework (`competency`), in the author's order.
    pub competencies: Vec<String>,
    /// The AI tools used, as written (the tool registry will link them).
    pub tools: String,
    /// The steps, in Markdown (sanitised when shown; script refused).
    pub steps: String,
    pub materials: Vec<Material>,
    /// Time needed in class, in minutes.
    pub minutes: u32,
    pub equity_notes: String,
    pub privacy_notes: String,
    /// Why it should work — inputs, activities, the outcomes expected: what
    /// tier 4 ("demonstrates a rationale") asks for. May be empty.
    pub logic_model: String,
    pub licence: Licence,
}

/// One of a practice's materials: a link, or a file kept in
/// `library_files`, each under its own licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub title: String,
    /// An `https://` or `http://` address; `None` for a file.
    pub url: Option<String>,
    /// The file's id in `library_files` (one of this practice's); `None`
    /// for a link.
    pub file_id: Option<i64>,
    /// As the material's owner licenses it (free text: "CC BY 4.0",
    /// "used with permission").
    pub licence: String,
}

crate::code_enum! {
    /// How closely a trial followed the practice as written.
    pub enum Fidelity: "fidelity" {
        AsWritten = "as_written",
        Adapted = "adapted",
        Loosely = "loosely",
    }
}

crate::code_enum! {
    /// A trial's outcome evidence, by its design (what tier it can support
    /// is `tier::propose`'s call).
    pub enum Design: "design" {
        /// No outcome measured: an account of the classroom only.
        None = "none",
        /// The same students measured before and after, no comparison.
        PrePost = "pre_post",
        /// A correlational study (with or without statistical controls
        /// for selection bias: `Evidence::controls_for_selection`).
        Correlational = "correlational",
        /// A quasi-experiment: a comparison group not assigned at random.
        Comparison = "comparison",
        /// A randomised controlled trial.
        Randomised = "randomised",
    }
}

crate::code_enum! {
    /// Which way the measured effect went.
    pub enum EffectDirection: "effect-direction" {
        Positive = "positive",
        None = "none",
        Negative = "negative",
    }
}

/// The outcome evidence of one trial report, as the tier rules read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub design: Design,
    /// For a correlational study: it controlled statistically for
    /// selection bias.
    pub controls_for_selection: bool,
    /// Students in the study (all groups).
    pub sample_size: Option<u32>,
    /// Of them, in the comparison or control group.
    pub comparison_size: Option<u32>,
    /// Schools or districts the study ran in.
    pub sites: Option<u32>,
    /// What was measured (a test, a rubric score), as written.
    pub measure: Option<String>,
    pub effect_direction: Option<EffectDirection>,
    /// A standardised effect size in hundredths (0.25 is 25).
    pub effect_size_centi: Option<i32>,
    /// The effect was statistically significant (as the study reported).
    pub significant: Option<bool>,
}

impl Evidence {
    /// A report without outcome measures.
    pub fn none() -> Self {
        Evidence {
            design: Design::None,
            controls_for_selection: false,
            sample_size: None,
            comparison_size: None,
            sites: None,
            measure: None,
            effect_direction: None,
            effect_size_centi: None,
            significant: None,
        }
    }
}

/// The classroom a trial ran in, filled from the reporter's profile and
/// school when the report is filed (never retyped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialContext {
    pub subject: Subject,
    pub grade_band: GradeBand,
    /// The school's locale code (`org::Locale`) and Title I status, when
    /// the reporter belongs to a school that records them.
    pub locale: Option<crate::org::Locale>,
    pub title_i: Option<bool>,
}

/// What a reporter tells of a trial; `trial::check` says what is wrong
/// with it, by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialReport {
    pub context: TrialContext,
    pub students: u32,
    /// Class periods used.
    pub periods: u32,
    pub fidelity: Fidelity,
    pub happened: String,
    pub would_change: String,
    pub use_again: bool,
    pub evidence: Evidence,
}

crate::code_enum! {
    /// The four ESSA evidence levels (the lower the number, the stronger).
    pub enum Tier: "essa-tier" {
        /// Strong evidence: a randomised study, large and multi-site.
        Strong = "1",
        /// Moderate evidence: a quasi-experimental study, large and multi-site.
        Moderate = "2",
        /// Promising evidence: a correlational study with controls (or a
        /// smaller experiment).
        Promising = "3",
        /// Demonstrates a rationale: a logic model and a trial under way.
        Rationale = "4",
    }
}

impl Tier {
    /// The tier's number, as stored (`classroom_practices.tier`).
    pub fn number(self) -> i32 {
        match self {
            Tier::Strong => 1,
            Tier::Moderate => 2,
            Tier::Promising => 3,
            Tier::Rationale => 4,
        }
    }

    pub fn from_number(n: i32) -> Option<Tier> {
        Tier::ALL.iter().copied().find(|t| t.number() == n)
    }
}

crate::code_enum! {
    /// What a resource of the library is.
    pub enum ResourceKind: "resource-kind" {
        LessonPlan = "lesson_plan",
        PromptTemplate = "prompt_template",
        Guidance = "guidance",
        PolicyTemplate = "policy_template",
    }
}
