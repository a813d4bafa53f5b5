//! The AI tool registry in the API: the list (by name or by review count),
//! one tool with each criterion's spread and your effective status with
//! where it comes from, your own review (one per person per tool: a second
//! PUT edits the first), an organisation's status for a tool (its admins
//! and those above it), and adding and editing tools (programme admins) —
//! through the same functions as the pages (`crate::registry_actions`).
//!
//! Reviewers are never named in JSON: the issue keeps reviewers'
//! identities from anyone outside the programme team, and a token may be
//! anyone's. The reviews' CSV names them (id and display name) for the
//! programme team only; for anyone else those columns are not there.

use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, HtmlQuery};
use crate::gate::Access::{Org, SignedIn};
use crate::gate::ScopedOrg;
use crate::registry_actions::{self as actions, PER_PAGE};
use crate::routes::{DELETE, GET, POST, PUT, Routes};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lyceum_db::registry::ToolRow;
use lyceum_db::registry::reviews::{Stored, Written};
use lyceum_db::registry::status::Effective;
use lyceum_domain::policy::Action::DecideToolStatus;
use lyceum_domain::registry::ToolInput;
use lyceum_domain::registry::review::{Criterion, Rating, ReviewInput, Tallies};
use lyceum_domain::registry::status::DecisionInput;
use lyceum_domain::{Timestamp, ToolId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        show,
        create,
        update,
        own_review,
        write_review,
        withdraw_review,
        reviews_csv,
        set_status,
        clear_status
    ),
    tags((name = "registry", description = "The AI tool registry: tools, reviews on the rubric, organisations' statuses"))
)]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/tools", SignedIn, list)
        // Programme admins only: asked by the handler, and again in the write.
        .add(POST, "/v1/tools", SignedIn, create)
        .add(GET, "/v1/tools/{tool_id}", SignedIn, show)
        .add(PUT, "/v1/tools/{tool_id}", SignedIn, update)
        .add(GET, "/v1/tools/{tool_id}/review", SignedIn, own_review)
        .add(PUT, "/v1/tools/{tool_id}/review", SignedIn, write_review)
        .add(
            DELETE,
            "/v1/tools/{tool_id}/review",
            SignedIn,
            withdraw_review,
        )
        // Reviewers named only for the programme team.
        .add(
            GET,
            "/v1/tools/{tool_id}/reviews.csv",
            SignedIn,
            reviews_csv,
        )
        .add(
            PUT,
            "/v1/orgs/{org_id}/tools/{tool_id}/status",
            Org(DecideToolStatus),
            set_status,
        )
        .add(
            DELETE,
            "/v1/orgs/{org_id}/tools/{tool_id}/status",
            Org(DecideToolStatus),
            clear_status,
        )
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// The status in force for you (at your school: your deepest membership),
/// and the organisation whose decision it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct EffectiveStatusDto {
    /// `approved`, `under_review` or `not_approved`.
    pub status: String,
    /// The organisation that decided: yours, or the nearest above it.
    pub org_id: i64,
    pub org_name: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub note: String,
    /// That organisation has signed the vendor's privacy agreement.
    pub privacy_agreement_signed: bool,
}

impl From<&Effective> for EffectiveStatusDto {
    fn from(e: &Effective) -> Self {
        EffectiveStatusDto {
            status: e.decision.status.as_str().into(),
            org_id: e.org.0,
            org_name: e.org_name.clone(),
            decided_on: e.decision.decided_on.to_string(),
            note: e.decision.note.clone(),
            privacy_agreement_signed: e.decision.privacy_agreement_signed,
        }
    }
}

/// A tool as lists show it: what it is, never a score.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolSummaryDto {
    pub id: i64,
    pub name: String,
    pub vendor: String,
    pub url: String,
    pub description: String,
    /// The youngest age it is meant for, in years.
    pub min_age: i32,
    /// The oldest; null: from `min_age` up.
    pub max_age: Option<i32>,
    /// `free`, `freemium`, `paid_per_teacher`, `paid_per_school` or `unknown`.
    pub cost_model: String,
    /// Whether the vendor offers a privacy agreement: `none_known` or `available`.
    pub privacy_agreement: String,
    pub review_count: i64,
    /// The status in force for you; null when no organisation on your
    /// school's path decided.
    pub your_status: Option<EffectiveStatusDto>,
    pub updated_at: String,
}

fn summary(t: &ToolRow, e: Option<&Effective>) -> ToolSummaryDto {
    ToolSummaryDto {
        id: t.id.0,
        name: t.name.clone(),
        vendor: t.vendor.clone(),
        url: t.url.clone(),
        description: t.description.clone(),
        min_age: t.min_age,
        max_age: t.max_age,
        cost_model: t.cost_model.as_str().into(),
        privacy_agreement: t.privacy_agreement.as_str().into(),
        review_count: t.review_count,
        your_status: e.map(Into::into),
        updated_at: time(t.updated_at),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ToolsDto {
    pub items: Vec<ToolSummaryDto>,
    pub total: i64,
    pub offset: u32,
    pub per_page: usize,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `name` (the default: A to Z) or `reviews` (most reviewed first).
    #[serde(default)]
    pub sort: Option<String>,
    /// How many tools to skip (50 a page).
    #[serde(default)]
    pub offset: Option<u32>,
}

/// The registry's tools by name or by review count, 50 at a time, each
/// with the status in force for you. An unknown `sort` is a 400.
#[utoipa::path(get, path = "/api/v1/tools", tag = "registry",
    params(ListQuery),
    responses((status = 200, body = ToolsDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<ListQuery>,
) -> Result<Json<ToolsDto>, AppError> {
    let user = ctx.require_user()?;
    let sort = actions::sort_of(q.sort.as_deref())?;
    let offset = q.offset.unwrap_or(0);
    let found = actions::list(&state, user, sort, offset as usize).await?;
    Ok(Json(ToolsDto {
        items: found
            .tools
            .iter()
            .map(|t| summary(t, found.statuses.get(&t.id)))
            .collect(),
        total: found.total,
        offset,
        per_page: PER_PAGE,
    }))
}

/// One criterion's spread: how many reviews rated it each way.
#[derive(Debug, Serialize, ToSchema)]
pub struct CriterionTallyDto {
    /// `data_collected`, `retention_deletion`, `model_training`,
    /// `privacy_agreement`, `age_and_terms`, `bias`, `transparency`,
    /// `accessibility` or `cost_and_equity`.
    pub criterion: String,
    pub does_not_meet: i64,
    pub meets_with_reservations: i64,
    pub meets: i64,
    pub dont_know: i64,
    pub total: i64,
}

fn tallies(t: &Tallies) -> Vec<CriterionTallyDto> {
    Criterion::ALL
        .iter()
        .map(|c| CriterionTallyDto {
            criterion: c.as_str().into(),
            does_not_meet: t.n(*c, Rating::DoesNotMeet),
            meets_with_reservations: t.n(*c, Rating::MeetsWithReservations),
            meets: t.n(*c, Rating::Meets),
            dont_know: t.n(*c, Rating::DontKnow),
            total: t.total(*c),
        })
        .collect()
}

/// An organisation, by id and name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolDeciderDto {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ToolDto {
    #[serde(flatten)]
    pub tool: ToolSummaryDto,
    /// Each criterion of the rubric, in its order, with its spread.
    pub criteria: Vec<CriterionTallyDto>,
    /// You have reviewed it (`GET …/review` gives your review).
    pub you_reviewed: bool,
    /// You may edit it (programme admins).
    pub you_edit: bool,
    /// The organisations you administer and may decide its status for.
    pub you_decide_for: Vec<ToolDeciderDto>,
    /// Published practices that use it, most tried first (at most 20).
    pub practices: Vec<ToolPracticeDto>,
    /// How many published practices use it.
    pub practice_count: i64,
    /// Its challenge reports by category, every category in order.
    pub challenges: Vec<ToolChallengeDto>,
    /// All its challenge reports, published as the counts are.
    pub challenges_total: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ToolPracticeDto {
    pub id: i64,
    pub title: String,
    /// Trial reports filed on it.
    pub trials: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ToolChallengeDto {
    /// The category's code.
    pub category: String,
    /// The number, exact for the programme team; for everyone else `<10`
    /// under ten, or `suppressed` where a small count would follow from
    /// the total.
    pub reports: String,
}

/// One tool: what it is, each criterion's spread of ratings, and the
/// status in force for you with the organisation that decided it.
#[utoipa::path(get, path = "/api/v1/tools/{tool_id}", tag = "registry",
    params(("tool_id" = i64, Path)),
    responses((status = 200, body = ToolDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<ToolDto>, AppError> {
    let v = actions::load(&state, ctx.require_user()?, ToolId(id)).await?;
    Ok(Json(ToolDto {
        tool: summary(&v.row, v.effective.as_ref()),
        criteria: tallies(&v.tallies),
        you_reviewed: v.mine.is_some(),
        you_edit: v.edits,
        you_decide_for: v
            .decides
            .into_iter()
            .map(|(id, name)| ToolDeciderDto { id: id.0, name })
            .collect(),
        practices: v
            .practices
            .iter()
            .map(|p| ToolPracticeDto {
                id: p.id.0,
                title: p.title.clone(),
                trials: p.trials,
            })
            .collect(),
        practice_count: v.practice_count,
        challenges: v
            .challenges
            .by_category
            .iter()
            .map(|(c, n)| ToolChallengeDto {
                category: c.as_str().to_string(),
                reports: n.text(),
            })
            .collect(),
        challenges_total: v.challenges.total.text(),
    }))
}

/// A tool to add or the whole of a tool to replace.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ToolBody {
    pub name: String,
    pub vendor: String,
    /// An `https://` or `http://` address.
    pub url: String,
    /// What it does (plain text, paragraphs).
    pub description: String,
    /// Whole years, 3 to 18.
    pub min_age: i64,
    /// Whole years, `min_age` to 18; null or absent: from `min_age` up.
    #[serde(default)]
    pub max_age: Option<i64>,
    /// `free`, `freemium`, `paid_per_teacher`, `paid_per_school` or `unknown`.
    pub cost_model: String,
    /// `none_known` or `available` (whether an organisation *signed* one
    /// is its status's to say).
    pub privacy_agreement: String,
}

impl From<ToolBody> for ToolInput {
    fn from(b: ToolBody) -> Self {
        ToolInput {
            name: b.name,
            vendor: b.vendor,
            url: b.url,
            description: b.description,
            min_age: b.min_age.to_string(),
            max_age: b.max_age.map(|m| m.to_string()).unwrap_or_default(),
            cost_model: b.cost_model,
            privacy_agreement: b.privacy_agreement,
        }
    }
}

/// Adds a tool. Programme admins only (403 for anyone else); 422 names
/// the field (`name` — also when the registry has one of that name —,
/// `vendor`, `url`, `description`, `min_age`, `max_age`, `cost_model`,
/// `privacy_agreement`).
#[utoipa::path(post, path = "/api/v1/tools", tag = "registry",
    request_body = ToolBody,
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(b): ApiJson<ToolBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let user = ctx.require_user()?;
    let id = actions::create_tool(&state, user, &b.into())
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: id.0 })))
}

/// Replaces a tool's details. Programme admins only (403 for anyone
/// else, before the tool is looked for); 422 names the field.
#[utoipa::path(put, path = "/api/v1/tools/{tool_id}", tag = "registry",
    params(("tool_id" = i64, Path)),
    request_body = ToolBody,
    responses((status = 204, description = "Saved"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ToolBody>,
) -> Result<StatusCode, AppError> {
    let user = ctx.require_user()?;
    actions::update_tool(&state, user, ToolId(id), &b.into())
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A review: every criterion rated, some commented.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolReviewDto {
    /// Criterion → `does_not_meet`, `meets_with_reservations`, `meets` or
    /// `dont_know`; every criterion of the rubric.
    pub ratings: BTreeMap<String, String>,
    /// Criterion → comment, for those commented.
    pub comments: BTreeMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

impl From<&Stored> for ToolReviewDto {
    fn from(s: &Stored) -> Self {
        let input = s.review.to_input();
        ToolReviewDto {
            ratings: input.ratings,
            comments: input.comments,
            created_at: time(s.created_at),
            updated_at: time(s.updated_at),
        }
    }
}

/// Your review of a tool (404 when you have not reviewed it, or there is
/// no such tool).
#[utoipa::path(get, path = "/api/v1/tools/{tool_id}/review", tag = "registry",
    params(("tool_id" = i64, Path)),
    responses((status = 200, body = ToolReviewDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn own_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<ToolReviewDto>, AppError> {
    let (_, mine) = actions::own_review(&state, ctx.require_user()?, ToolId(id)).await?;
    Ok(Json(mine.as_ref().ok_or(AppError::NotFound)?.into()))
}

/// A review to write.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ToolReviewBody {
    /// Criterion → rating, for every criterion (`dont_know` where you
    /// cannot tell).
    pub ratings: BTreeMap<String, String>,
    /// Criterion → comment (each at most 1,000 characters); optional.
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ToolReviewWrittenDto {
    /// True when this was your first review of the tool; false when it
    /// replaced your earlier one.
    pub created: bool,
}

/// Writes your review of a tool; a second replaces the first (one review
/// per person per tool). 404 for a tool the registry does not have; 422
/// names each field (`ratings-<criterion>`: missing, or a rating outside
/// the scale; `comments-<criterion>`: too long; `ratings`/`comments`: a
/// criterion the rubric does not have). Nothing is saved unless all is.
#[utoipa::path(put, path = "/api/v1/tools/{tool_id}/review", tag = "registry",
    params(("tool_id" = i64, Path)),
    request_body = ToolReviewBody,
    responses((status = 200, body = ToolReviewWrittenDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn write_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ToolReviewBody>,
) -> Result<Json<ToolReviewWrittenDto>, AppError> {
    let input = ReviewInput {
        ratings: b.ratings,
        comments: b.comments,
    };
    let w = actions::write_review(&state, ctx.require_user()?, ToolId(id), &input)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(ToolReviewWrittenDto {
        created: w == Written::New,
    }))
}

/// Withdraws your review of a tool: it is deleted, and the tool's counts
/// move back as if it had never been written. 404 when you have not
/// reviewed it, or there is no such tool.
#[utoipa::path(delete, path = "/api/v1/tools/{tool_id}/review", tag = "registry",
    params(("tool_id" = i64, Path)),
    responses((status = 204, description = "Withdrawn"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn withdraw_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    match actions::withdraw_review(&state, ctx.require_user()?, ToolId(id)).await? {
        true => Ok(StatusCode::NO_CONTENT),
        false => Err(AppError::NotFound),
    }
}

/// Every review of a tool as CSV (RFC 4180; a field a spreadsheet would
/// run as a formula starts with `'`), newest first: `updated_on` (the
/// date of its last change, on your calendar), then for each criterion of
/// the rubric `<criterion>_rating` and `<criterion>_comment`. For the
/// programme team only, `reviewer_id` and `reviewer_name` come first; for
/// anyone else reviewers are not in it at all. 404 for an unknown tool.
#[utoipa::path(get, path = "/api/v1/tools/{tool_id}/reviews.csv", tag = "registry",
    params(("tool_id" = i64, Path)),
    responses((status = 200, content_type = "text/csv", description = "One review a line (RFC 4180)"),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reviews_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<axum::response::Response, AppError> {
    actions::reviews_csv(&state, ctx.require_user()?, ToolId(id)).await
}

/// An organisation's decision on a tool.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ToolStatusBody {
    /// `approved`, `under_review` or `not_approved`.
    pub status: String,
    #[serde(default)]
    pub note: String,
    /// `YYYY-MM-DD`, not after today.
    pub decided_on: String,
    /// The organisation has signed the vendor's privacy agreement.
    #[serde(default)]
    pub privacy_agreement_signed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgStatusDto {
    pub org_id: i64,
    pub tool_id: i64,
    pub status: String,
    pub note: String,
    pub decided_on: String,
    pub privacy_agreement_signed: bool,
}

/// Sets the organisation's own status for a tool, which its people and
/// those below inherit unless a lower organisation sets its own. Admins
/// of the organisation or above it only (403 otherwise); 404 for an
/// unknown tool; 422 names the field (`status`, `note`, `decided_on`).
#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/tools/{tool_id}/status", tag = "registry",
    params(("org_id" = i64, Path), ("tool_id" = i64, Path)),
    request_body = ToolStatusBody,
    responses((status = 200, body = OrgStatusDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, tool)): Path<(i64, i64)>,
    ApiJson(b): ApiJson<ToolStatusBody>,
) -> Result<Json<OrgStatusDto>, AppError> {
    let user = ctx.require_user()?;
    let input = DecisionInput {
        status: b.status,
        note: b.note,
        decided_on: b.decided_on,
        privacy_agreement_signed: b.privacy_agreement_signed,
    };
    let tool = ToolId(tool);
    actions::set_status(&state, user, tool, scope.id, &input)
        .await?
        .map_err(AppError::Invalid)?;
    let d = actions::own_status(&state, tool, scope.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(OrgStatusDto {
        org_id: scope.id.0,
        tool_id: tool.0,
        status: d.status.as_str().into(),
        note: d.note,
        decided_on: d.decided_on.to_string(),
        privacy_agreement_signed: d.privacy_agreement_signed,
    }))
}

/// Clears the organisation's own status for a tool, so the nearest
/// decision above it is in force again (204 also when it had none).
/// Admins of the organisation or above it only; 404 for an unknown tool.
#[utoipa::path(delete, path = "/api/v1/orgs/{org_id}/tools/{tool_id}/status", tag = "registry",
    params(("org_id" = i64, Path), ("tool_id" = i64, Path)),
    responses((status = 204, description = "Cleared"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn clear_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, tool)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    let user = ctx.require_user()?;
    actions::clear_status(&state, user, ToolId(tool), scope.id)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}
