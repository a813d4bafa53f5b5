//! The ESSA evidence tier Lyceum proposes for a practice from its trial
//! reports, with the reasons listed: pure rules, written from the
//! definitions in the issue (and the Department of Education's
//! non-regulatory guidance, as the What Works Clearinghouse applies it).

use super::{Evidence, Tier};
use serde::{Deserialize, Serialize};

/// What Lyceum proposes, and why (kept as JSON in
/// `classroom_practices.proposed_reasons`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `None`: the reports support no tier yet.
    pub tier: Option<Tier>,
    pub reasons: Vec<Reason>,
}

/// One reason for (or against) a tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// No trial reported yet.
    NoTrials,
}

/// The tier the reports support, given whether the practice has a logic
/// model.
pub fn propose(logic_model: bool, reports: &[Evidence]) -> Proposal {
    // Scaffold: the tiers helper writes the rules here.
    let _ = (logic_model, reports);
    Proposal {
        tier: None,
        reasons: vec![Reason::NoTrials],
    }
}
