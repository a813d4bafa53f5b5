//! The practice library in the API: evidence tiers — a practice's
//! evidence (the tier, the proposal with its reasons, the decision), a
//! curator's decision, and the curators' queue — through the same
//! functions as the pages (`crate::tier_actions`), with the same
//! validation and error shape.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::tier_actions::{self as actions, EvidenceView};
use axum::Json;
use axum::extract::{Path, State};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::Tier;
use lyceum_domain::{PracticeId, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(evidence, decide, queue))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/practices/evidence-queue", SignedIn, queue)
        .add(
            GET,
            "/v1/practices/{practice_id}/evidence",
            SignedIn,
            evidence,
        )
        .add(
            POST,
            "/v1/practices/{practice_id}/evidence",
            SignedIn,
            decide,
        )
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

fn number(t: Option<Tier>) -> Option<i32> {
    t.map(Tier::number)
}

/// One reason, as data and as words.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonDto {
    /// `no_trials`, `no_logic_model`, `rationale`, `supports`,
    /// `negative_not_overriding`, `overridden`, `no_qualifying_study`,
    /// `not_significant`, `weak_designs`, `no_comparison_study`,
    /// `no_randomised_study`, `too_few_students`, `too_few_sites`.
    pub kind: String,
    /// The reason in the language of `Accept-Language`.
    pub text: String,
    /// The reason's data (the study named, counts, what is needed).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeEvidenceDto {
    pub practice_id: i64,
    pub title: String,
    /// The tier a curator confirmed or set (1–4); null: none, or not yet
    /// decided (see `decided_at`).
    pub tier: Option<i32>,
    /// What Lyceum proposes from the reports (1–4); null: no tier yet.
    pub proposed_tier: Option<i32>,
    pub proposed_at: Option<String>,
    /// Send back as `proposal_seen` with a decision: a decision against a
    /// proposal that changed since is refused.
    pub proposal_seen: i64,
    /// What supports the proposal, then what keeps it from the next tier.
    pub reasons: Vec<ReasonDto>,
    /// The proposal differs from the confirmed tier.
    pub differs: bool,
    /// Null once their account is gone, or before any decision.
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub decision_reason: Option<String>,
    /// You may decide its tier (a curator where it is owned, not its author).
    pub may_decide: bool,
}

fn dto(ev: &EvidenceView, lang: Lang) -> PracticeEvidenceDto {
    let row = &ev.view.practice;
    PracticeEvidenceDto {
        practice_id: row.id.0,
        title: row.title.clone(),
        tier: number(ev.tier),
        proposed_tier: number(ev.proposed),
        proposed_at: ev.proposed_at.map(time),
        proposal_seen: ev.seen(),
        reasons: ev
            .reasons
            .iter()
            .map(|r| ReasonDto {
                kind: r.kind().to_string(),
                text: actions::reason_text(lang, r),
                data: serde_json::to_value(r).unwrap_or(serde_json::Value::Null),
            })
            .collect(),
        differs: ev.differs(),
        decided_by: ev.decision.as_ref().and_then(|d| d.by.clone()),
        decided_at: ev.decision.as_ref().map(|d| time(d.at)),
        decision_reason: ev.decision.as_ref().and_then(|d| d.reason.clone()),
        may_decide: ev.view.curates,
    }
}

/// A practice's evidence tier: for everyone who sees the practice.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/evidence", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = PracticeEvidenceDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
) -> Result<Json<PracticeEvidenceDto>, AppError> {
    let me = ctx.require_user()?;
    let ev = actions::evidence(&state, me, id).await?;
    Ok(Json(dto(&ev, ctx.lang)))
}

/// A curator's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TierDecisionBody {
    /// `confirm` (the proposal as it stands), `1`–`4`, or `none`.
    pub decision: String,
    /// Needed unless the decision matches the proposal.
    #[serde(default)]
    pub reason: Option<String>,
    /// `proposal_seen` of the evidence you looked at.
    pub proposal_seen: i64,
}

/// Confirms the proposed tier, or sets another (or none) with a reason:
/// a curator where the practice is owned, never its author. The author is
/// told.
#[utoipa::path(post, path = "/api/v1/practices/{practice_id}/evidence", tag = "library",
    request_body = TierDecisionBody,
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = PracticeEvidenceDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "Refused: `decision` (`tier-proposal-changed`: look again; `tier-decision-unknown`) or `reason` (`tier-reason-required`, `too-long`)")),
    security(("bearer" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    ApiJson(body): ApiJson<TierDecisionBody>,
) -> Result<Json<PracticeEvidenceDto>, AppError> {
    let me = ctx.require_user()?;
    let reason = body.reason.unwrap_or_default();
    match actions::decide(&state, me, id, &body.decision, reason, body.proposal_seen).await? {
        Ok(_) => {
            let ev = actions::evidence(&state, me, id).await?;
            Ok(Json(dto(&ev, ctx.lang)))
        }
        Err(invalid) => Err(AppError::Invalid(invalid)),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItemDto {
    pub practice_id: i64,
    pub title: String,
    /// The owning organisation's name.
    pub owner: String,
    pub proposed_tier: Option<i32>,
    /// The confirmed tier; null when none (see `decided_before`).
    pub tier: Option<i32>,
    pub decided_before: bool,
    pub proposed_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueDto {
    pub practices: Vec<QueueItemDto>,
}

/// Practices you curate (not your own) whose proposed tier differs from
/// the confirmed one and changed since the last decision; oldest first.
#[utoipa::path(get, path = "/api/v1/practices/evidence-queue", tag = "library",
    responses((status = 200, body = QueueDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Json<QueueDto>, AppError> {
    let me = ctx.require_user()?;
    let waiting = actions::queue(&state, me).await?;
    Ok(Json(QueueDto {
        practices: waiting
            .into_iter()
            .map(|w| QueueItemDto {
                practice_id: w.id.0,
                title: w.title,
                owner: w.owner,
                proposed_tier: number(w.proposed),
                tier: number(w.tier),
                decided_before: w.decided_before,
                proposed_at: w.proposed_at.map(time),
            })
            .collect(),
    }))
}
