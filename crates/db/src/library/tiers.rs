//! The evidence tier: Lyceum's proposal, recomputed from the reports
//! whenever they change (audited when it changes), and a curator's
//! confirmation or override with its reason.
//!
//! The proposal reads **every report, across all versions** of the
//! practice, and the logic model of the version readers see. A version is
//! an edit of the same practice (a clearer step, a new material), and
//! ESSA's evidence is about the intervention: starting the evidence over
//! at each version would throw away every classroom's trial for a typo.
//! When a new version changes the practice enough that older trials no
//! longer speak for it, the curator says so by overriding the tier, with
//! the reason on record.

use crate::audit::{self, Event};
use crate::codes::Code;
use crate::notices::{self, Notice};
use crate::schema::{classroom_practices, orgs, trial_reports, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::tier::{self, Proposal, Reason};
use lyceum_domain::library::{Design, EffectDirection, Evidence, Tier};
use lyceum_domain::policy::Actor;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, PracticeId, Timestamp, UserId};

/// Longest reason a curator may give.
pub const MAX_REASON: usize = 2000;

type EvidenceRow = (
    String,
    bool,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<bool>,
);

fn count(n: Option<i32>) -> Option<u32> {
    n.and_then(|n| u32::try_from(n).ok())
}

/// Every report's outcome evidence, all versions. The practice's author's
/// own reports count as trials under way ([`Evidence::none`]), never as
/// outcome evidence: nobody grades their own practice.
pub fn evidence(conn: &mut DbConn, practice: PracticeId) -> Result<Vec<Evidence>, DbError> {
    let author: Option<i64> = classroom_practices::table
        .find(practice.0)
        .select(classroom_practices::author_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten();
    let rows: Vec<(Option<i64>, EvidenceRow)> = trial_reports::table
        .filter(trial_reports::practice_id.eq(practice.0))
        .order(trial_reports::id)
        .select((
            trial_reports::reporter_id,
            (
                trial_reports::design,
                trial_reports::controls_for_selection,
                trial_reports::sample_size,
                trial_reports::comparison_size,
                trial_reports::sites,
                trial_reports::measure,
                trial_reports::effect_direction,
                trial_reports::effect_size_centi,
                trial_reports::significant,
            ),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(reporter, (design, controls, sample, comparison, sites, measure, dir, size, sig))| {
                if author.is_some() && reporter == author {
                    return Ok(Evidence::none());
                }
                Ok(Evidence {
                    design: Design::parse(&design).ok_or_else(|| {
                        DbError::Corrupt(format!(
                            "practice {} report design {design:?}",
                            practice.0
                        ))
                    })?,
                    controls_for_selection: controls,
                    sample_size: count(sample),
                    comparison_size: count(comparison),
                    sites: count(sites),
                    measure,
                    effect_direction: dir
                        .map(|d| {
                            EffectDirection::parse(&d).ok_or_else(|| {
                                DbError::Corrupt(format!("practice {} effect {d:?}", practice.0))
                            })
                        })
                        .transpose()?,
                    effect_size_centi: size,
                    significant: sig,
                })
            },
        )
        .collect()
}

/// The stored reasons, as the rules wrote them.
pub fn reasons_from_json(json: &str) -> Result<Vec<Reason>, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Corrupt(format!("tier reasons: {e}")))
}

fn tier_code(t: Option<i32>) -> serde_json::Value {
    t.map_or(serde_json::Value::Null, serde_json::Value::from)
}

/// Proposes the practice's tier anew from its reports and logic model, in
/// the transaction of the change that calls it (a report filed or
/// updated, a version published); a change of proposal is audited
/// (`library.tier_proposed`). Nothing is written when the proposal — tier
/// and reasons — is what it was.
pub fn repropose(conn: &mut DbConn, practice: PracticeId, now: Timestamp) -> Result<(), DbError> {
    reproposed(conn, practice, now).map(|_| ())
}

/// As [`repropose`], returning the proposal.
pub fn reproposed(
    conn: &mut DbConn,
    practice: PracticeId,
    now: Timestamp,
) -> Result<Proposal, DbError> {
    let (org, logic_model, old_tier, old_reasons): (i64, String, Option<i32>, String) =
        classroom_practices::table
            .find(practice.0)
            .select((
                classroom_practices::org_id,
                classroom_practices::logic_model,
                classroom_practices::proposed_tier,
                classroom_practices::proposed_reasons,
            ))
            .first(conn)
            .optional()?
            .ok_or(DbError::NotFound)?;
    let reports = evidence(conn, practice)?;
    let proposal = tier::propose(!logic_model.trim().is_empty(), &reports);
    let tier = proposal.tier.map(Tier::number);
    let reasons = serde_json::to_string(&proposal.reasons)
        .map_err(|e| DbError::Corrupt(format!("tier reasons: {e}")))?;
    let same_reasons = reasons_from_json(&old_reasons).is_ok_and(|r| r == proposal.reasons);
    if tier == old_tier && same_reasons {
        return Ok(proposal);
    }
    diesel::update(classroom_practices::table.find(practice.0))
        .set((
            classroom_practices::proposed_tier.eq(tier),
            classroom_practices::proposed_reasons.eq(&reasons),
            classroom_practices::proposed_at.eq(now.micros()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        now,
        Event {
            actor: None,
            action: "library.tier_proposed",
            org: Some(OrgId(org)),
            subject: None,
            detail: serde_json::json!({
                "practice": practice.0,
                "from": tier_code(old_tier),
                "to": tier_code(tier),
                "reports": reports.len(),
                "reasons": serde_json::from_str::<serde_json::Value>(&reasons)
                    .unwrap_or(serde_json::Value::Null),
            }),
        },
    )?;
    Ok(proposal)
}

/// A curator's decision, as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The proposal as it stands (with its tier, or none).
    Confirm,
    /// Another tier, or none (`None`), with a reason.
    Set(Option<Tier>),
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub tier: Option<Tier>,
    /// It matched the proposal.
    pub confirmed: bool,
}

/// Records a curator's decision on the practice's tier: `seen` is the
/// `proposed_at` of the proposal the curator looked at (0 for none), and
/// a decision against a proposal that changed since is refused on
/// `decision` (code `tier-proposal-changed`). Setting a tier other than
/// the proposal asks for a reason (`reason`, code `required`). The caller
/// checked the curator at the page; here, inside the write, they are
/// checked again (`NotFound` if they no longer curate it). Audited
/// (`library.tier_decided`); the author told (`TierDecided`).
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    practice: PracticeId,
    curator: &Actor,
    decision: Decision,
    reason: &str,
    seen: i64,
    base: &str,
    now: Timestamp,
) -> Result<Decided, DbError> {
    // The practice's row lock before the proposal is read (PostgreSQL): a
    // report filed meanwhile, which reproposes under the same lock, either
    // committed before (and `seen` is stale) or waits for this decision.
    // A column the library does not list: taking the lock moves no
    // server's listing (migration 2026-12-13-000200).
    diesel::update(classroom_practices::table.find(practice.0))
        .set(classroom_practices::updated_at.eq(classroom_practices::updated_at))
        .execute(conn)?;
    let (row, owner) = super::practice(conn, practice)?.ok_or(DbError::NotFound)?;
    if !row.is_published() || !curator.curates_practice(&owner, row.author_id) {
        return Err(DbError::NotFound);
    }
    if row.proposed_at.unwrap_or(0) != seen {
        return Err(DbError::Invalid(Invalid::one(
            "decision",
            "tier-proposal-changed",
        )));
    }
    let proposed = row.proposed_tier.and_then(Tier::from_number);
    let tier = match decision {
        Decision::Confirm => proposed,
        Decision::Set(t) => t,
    };
    let confirmed = tier == proposed;
    let reason = reason.trim();
    let mut invalid = Invalid::new();
    if !confirmed && reason.is_empty() {
        invalid.add("reason", "tier-reason-required");
    }
    if reason.chars().count() > MAX_REASON {
        invalid.push(
            lyceum_domain::validation::FieldError::new("reason", "too-long")
                .with_arg("max", MAX_REASON),
        );
    }
    invalid.into_result().map_err(DbError::Invalid)?;
    let reason = (!reason.is_empty()).then_some(reason);
    diesel::update(classroom_practices::table.find(practice.0))
        .set((
            classroom_practices::tier.eq(tier.map(Tier::number)),
            classroom_practices::tier_reason.eq(reason),
            classroom_practices::tier_decided_by.eq(curator.user_id.0),
            classroom_practices::tier_decided_at.eq(now.micros()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        now,
        Event {
            actor: Some(curator.user_id),
            action: "library.tier_decided",
            org: Some(row.org_id),
            subject: row.author_id,
            detail: serde_json::json!({
                "practice": practice.0,
                "proposed": tier_code(row.proposed_tier),
                "from": tier_code(row.tier),
                "tier": tier_code(tier.map(Tier::number)),
                "confirmed": confirmed,
                "reason": reason,
            }),
        },
    )?;
    if let Some(author) = row.author_id {
        let link = format!("/practices/{}/evidence", practice.0);
        notices::tell(
            conn,
            &Notice {
                user: author,
                kind: NotificationKind::TierDecided,
                actor: curator.user_id,
                subject: &row.title,
                link: &link,
                extra_link: None,
            },
            base,
            now,
        )?;
    }
    Ok(Decided { tier, confirmed })
}

/// The name of whoever decided (`None` once their account is gone).
pub fn decider_name(conn: &mut DbConn, user: i64) -> Result<Option<String>, DbError> {
    Ok(users::table
        .find(user)
        .filter(users::deleted_at.is_null())
        .select(users::display_name)
        .first(conn)
        .optional()?)
}

/// A practice waiting for a curator's look at its tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub id: PracticeId,
    pub title: String,
    /// The title's language.
    pub language: Lang,
    pub owner: String,
    pub proposed: Option<Tier>,
    pub tier: Option<Tier>,
    pub proposed_at: Option<i64>,
    /// A curator decided before the proposal changed.
    pub decided_before: bool,
}

/// Most practices the queue shows.
pub const QUEUE_LIMIT: i64 = 200;

/// Published practices owned within `curator`'s curating scopes, not
/// their own, whose proposal differs from the confirmed tier and changed
/// since the last decision (a decision against a proposal stands until
/// the proposal changes); oldest proposal first.
pub fn queue(conn: &mut DbConn, curator: &Actor) -> Result<Vec<Waiting>, DbError> {
    type Row = (
        i64,
        String,
        Code<Lang>,
        String,
        Option<i32>,
        Option<i32>,
        Option<i64>,
        Option<i64>,
    );
    let mut all: Vec<Waiting> = Vec::new();
    for scope in curator.curating_scopes() {
        let rows: Vec<Row> = classroom_practices::table
            .inner_join(orgs::table)
            .filter(classroom_practices::version.gt(0))
            .filter(
                classroom_practices::author_id
                    .is_null()
                    .or(classroom_practices::author_id.ne(curator.user_id.0)),
            )
            .filter(orgs::path.ge(scope.as_str()))
            .filter(orgs::path.lt(scope.subtree_end()))
            .filter(
                classroom_practices::tier_decided_at
                    .is_null()
                    .or(classroom_practices::proposed_at.gt(classroom_practices::tier_decided_at)),
            )
            .filter(
                classroom_practices::proposed_tier
                    .is_null()
                    .ne(classroom_practices::tier.is_null())
                    .or(classroom_practices::proposed_tier
                        .ne(classroom_practices::tier)
                        .assume_not_null()),
            )
            .order((classroom_practices::proposed_at, classroom_practices::id))
            .limit(QUEUE_LIMIT)
            .select((
                classroom_practices::id,
                classroom_practices::title,
                classroom_practices::language,
                orgs::name,
                classroom_practices::proposed_tier,
                classroom_practices::tier,
                classroom_practices::proposed_at,
                classroom_practices::tier_decided_at,
            ))
            .load(conn)?;
        for (id, title, language, owner, proposed, tier, proposed_at, decided_at) in rows {
            if all.iter().any(|w| w.id.0 == id) {
                continue;
            }
            all.push(Waiting {
                id: PracticeId(id),
                title,
                language: language.into(),
                owner,
                proposed: proposed.and_then(Tier::from_number),
                tier: tier.and_then(Tier::from_number),
                proposed_at,
                decided_before: decided_at.is_some(),
            });
        }
    }
    all.sort_by_key(|w| (w.proposed_at, w.id.0));
    all.truncate(usize::try_from(QUEUE_LIMIT).unwrap_or(usize::MAX));
    Ok(all)
}

/// Who decided, for the API and pages.
pub fn decided_by(row: &super::PracticeRow) -> Option<UserId> {
    row.tier_decided_by.map(UserId)
}
