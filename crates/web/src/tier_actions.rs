//! The evidence tier — Lyceum's proposal with its reasons, a curator's
//! confirmation or override — shared by `pages/library/tiers.rs` and
//! `api/library/tiers.rs`: reading a practice's evidence, deciding its
//! tier, the curators' queue, the reasons worded in the reader's language,
//! and the badge cards and the practice page show
//! (`library/tiers_badge.html`, from [`badge`]).

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::library_access::{self, PracticeView};
use crate::state::AppState;
use lyceum_db::library::tiers::{self, Decided, Decision, Waiting};
use lyceum_domain::PracticeId;
use lyceum_domain::i18n::{Arg, Lang, catalogue};
use lyceum_domain::library::Tier;
use lyceum_domain::library::tier::{Reason, Study};
use lyceum_domain::validation::Invalid;

use crate::error::{Outcome, refused};

/// The page of a practice's evidence tier.
pub fn evidence_path(id: PracticeId) -> String {
    format!("/practices/{id}/evidence")
}

pub const QUEUE_PATH: &str = "/practices/evidence-queue";

/// Who decided the tier, when and why.
#[derive(Debug, Clone)]
pub struct DecisionMade {
    /// `None` once their account is gone.
    pub by: Option<String>,
    pub at: i64,
    pub reason: Option<String>,
}

/// A practice's evidence as the reader may see it.
pub struct EvidenceView {
    pub view: PracticeView,
    /// What Lyceum proposes, and why.
    pub proposed: Option<Tier>,
    pub reasons: Vec<Reason>,
    /// When the proposal was made; the form carries it back (`seen`), 0
    /// for none.
    pub proposed_at: Option<i64>,
    /// The tier a curator confirmed or set; readers see this one.
    pub tier: Option<Tier>,
    pub decision: Option<DecisionMade>,
}

impl EvidenceView {
    /// The token of the proposal seen, carried by the curator's form.
    pub fn seen(&self) -> i64 {
        self.proposed_at.unwrap_or(0)
    }

    /// The proposal differs from what readers see (shown beside it).
    pub fn differs(&self) -> bool {
        self.proposed != self.tier
    }
}

/// The practice's evidence, for everyone who sees the practice.
pub async fn evidence(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
) -> Result<EvidenceView, AppError> {
    let view = library_access::load(state, me, id).await?;
    let row = &view.practice;
    let reasons = tiers::reasons_from_json(&row.proposed_reasons)?;
    let decision = match (row.tier_decided_at, row.tier_decided_by) {
        (Some(at), by) => {
            let by = match by {
                Some(u) => {
                    state
                        .db
                        .read_brief(move |c| tiers::decider_name(c, u))
                        .await?
                }
                None => None,
            };
            Some(DecisionMade {
                by,
                at,
                reason: row.tier_reason.clone(),
            })
        }
        (None, _) => None,
    };
    Ok(EvidenceView {
        proposed: row.proposed_tier.and_then(Tier::from_number),
        proposed_at: row.proposed_at,
        tier: row.tier.and_then(Tier::from_number),
        reasons,
        decision,
        view,
    })
}

/// The decision as sent: `confirm`, a tier's number, or `none`.
pub fn parse_decision(code: &str) -> Result<Decision, Invalid> {
    match code.trim() {
        "confirm" => Ok(Decision::Confirm),
        "none" => Ok(Decision::Set(None)),
        n => n
            .parse::<i32>()
            .ok()
            .and_then(Tier::from_number)
            .map(|t| Decision::Set(Some(t)))
            .ok_or_else(|| Invalid::one("decision", "tier-decision-unknown")),
    }
}

/// A curator's decision (403 for anyone else who sees the practice, its
/// author among them). Refused on `decision` when the proposal changed
/// since `seen`, on `reason` when a tier other than the proposal comes
/// without one.
pub async fn decide(
    state: &AppState,
    me: &CurrentUser,
    id: PracticeId,
    decision: &str,
    reason: String,
    seen: i64,
) -> Outcome<Decided> {
    library_access::load_curated(state, me, id).await?;
    let decision = match parse_decision(decision) {
        Ok(d) => d,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let actor = me.actor.clone();
    let base = state.config.public_origin().to_string();
    let now = state.clock.now();
    refused(
        state
            .db
            .write(move |c| tiers::decide(c, id, &actor, decision, &reason, seen, &base, now))
            .await,
    )
}

/// The curators' queue: 403 for those who curate nowhere.
pub async fn queue(state: &AppState, me: &CurrentUser) -> Result<Vec<Waiting>, AppError> {
    if me.actor.curating_scopes().is_empty() {
        return Err(AppError::Forbidden);
    }
    let actor = me.actor.clone();
    Ok(state.db.read(move |c| tiers::queue(c, &actor)).await?)
}

/// A tier's name (`essa-tier-<n>`), or "no tier yet".
pub fn tier_label(lang: Lang, tier: Option<Tier>) -> String {
    match tier {
        Some(t) => catalogue().text(lang, &t.label_key()),
        None => catalogue().text(lang, "tier-none"),
    }
}

fn design(lang: Lang, study: &Study) -> String {
    catalogue().text(lang, &study.design.label_key())
}

fn students(lang: Lang, study: &Study) -> String {
    match study.students {
        Some(n) => catalogue().text_with(lang, "tier-students", &[("count", Arg::Num(n.into()))]),
        None => catalogue().text(lang, "tier-students-unknown"),
    }
}

fn sites(lang: Lang, study: &Study) -> String {
    match study.sites {
        Some(n) => catalogue().text_with(lang, "tier-sites", &[("count", Arg::Num(n.into()))]),
        None => catalogue().text(lang, "tier-sites-unknown"),
    }
}

/// A study in a sentence: its design, students, sites and effect size.
pub fn study_text(lang: Lang, study: &Study) -> String {
    let mut parts = vec![
        design(lang, study),
        students(lang, study),
        sites(lang, study),
    ];
    if let Some(e) = study.effect_size_centi {
        let size = format!("{:.2}", f64::from(e) / 100.0);
        let size = match lang {
            Lang::En => size,
            Lang::Es => size.replace('.', ","),
        };
        parts.push(catalogue().text_with(lang, "tier-effect-size", &[("size", Arg::Str(&size))]));
    }
    parts.join(", ")
}

/// A reason worded for people (`tier-reason-<kind>`).
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    let key = format!("tier-reason-{}", reason.kind());
    let c = catalogue();
    match reason {
        Reason::NoTrials
        | Reason::NoLogicModel
        | Reason::Rationale
        | Reason::NoQualifyingStudy
        | Reason::NoComparisonStudy
        | Reason::NoRandomisedStudy => c.text(lang, &key),
        Reason::Supports { study }
        | Reason::NegativeNotOverriding { study }
        | Reason::Overridden { study } => {
            c.text_with(lang, &key, &[("study", Arg::Str(&study_text(lang, study)))])
        }
        Reason::NotSignificant { count } | Reason::WeakDesigns { count } => {
            c.text_with(lang, &key, &[("count", Arg::Num((*count).into()))])
        }
        Reason::TooFewStudents { study, needed } => c.text_with(
            lang,
            &key,
            &[
                ("design", Arg::Str(&design(lang, study))),
                ("have", Arg::Str(&students(lang, study))),
                ("needed", Arg::Num((*needed).into())),
            ],
        ),
        Reason::TooFewSites { study, needed } => c.text_with(
            lang,
            &key,
            &[
                ("design", Arg::Str(&design(lang, study))),
                ("have", Arg::Str(&sites(lang, study))),
                ("needed", Arg::Num((*needed).into())),
            ],
        ),
    }
}

/// The badge of a practice's tier, for cards and the practice page
/// (`library/tiers_badge.html`): the confirmed tier, or — before a
/// curator confirmed one — the proposal, marked as proposed. `None`: no
/// tier confirmed or proposed.
#[derive(Debug, Clone)]
pub struct TierBadge {
    /// 1–4, for the class `tier-badge-<n>`.
    pub number: i32,
    /// "Tier 2: moderate evidence", or "Proposed: Tier 2: …".
    pub label: String,
    /// Where the evidence and reasons are.
    pub href: String,
    pub proposed_only: bool,
}

/// The badge from a practice row's `tier` and `proposed_tier` columns.
pub fn badge(
    lang: Lang,
    practice: PracticeId,
    tier: Option<i32>,
    proposed: Option<i32>,
    decided: bool,
) -> Option<TierBadge> {
    let href = evidence_path(practice);
    if decided {
        let t = tier.and_then(Tier::from_number)?;
        return Some(TierBadge {
            number: t.number(),
            label: tier_label(lang, Some(t)),
            href,
            proposed_only: false,
        });
    }
    let t = proposed.and_then(Tier::from_number)?;
    Some(TierBadge {
        number: t.number(),
        label: catalogue().text_with(
            lang,
            "tier-badge-proposed",
            &[("tier", Arg::Str(&tier_label(lang, Some(t))))],
        ),
        href,
        proposed_only: true,
    })
}

/// The badge of a practice as loaded ([`badge`] on its row).
pub fn badge_of(lang: Lang, row: &lyceum_db::library::PracticeRow) -> Option<TierBadge> {
    badge(
        lang,
        row.id,
        row.tier,
        row.proposed_tier,
        row.tier_decided_at.is_some(),
    )
}
