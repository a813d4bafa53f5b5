//! An organisation admin's daily work over the API, through the same
//! functions as the pages (`crate::admin_views`, `crate::org_actions`):
//! the overview's counts, one person's record (only inside the
//! organisation), the PD requests decided, and sending an invitation again.

use crate::admin_views;
use crate::api::credit::PdRequestDto;
use crate::api::dto::{ErrorBody, PersonDto};
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::org_actions;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use lyceum_db::orgs;
use lyceum_domain::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// Work waiting in an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewDto {
    /// Outside PD requests here or below that you may decide.
    pub pd_requests_waiting: i64,
    /// Invitations sent here not yet answered, withdrawn or expired.
    pub invitations_waiting: i64,
    /// When a roster was last imported here (absent: never).
    pub last_roster_import: Option<String>,
}

/// What is waiting for the organisation's admins. Admins only.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/overview", tag = "orgs",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = OverviewDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Json<OverviewDto>, AppError> {
    let o = admin_views::overview(&state, &ctx.require_user()?.actor, &scope).await?;
    Ok(Json(OverviewDto {
        pd_requests_waiting: i64::try_from(o.pd_requests_waiting).unwrap_or(i64::MAX),
        invitations_waiting: o.invitations_waiting,
        last_roster_import: o.last_roster_import.map(time),
    }))
}

/// A course a person follows.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordCourseDto {
    pub slug: String,
    pub title: String,
    pub language: String,
    pub lessons: i64,
    pub lessons_finished: i64,
    pub completed_at: Option<String>,
}

/// A certificate on a person's record (not revoked).
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordCertificateDto {
    pub code: String,
    pub course_title: String,
    pub issued_at: String,
}

/// One person as an admin of the organisation sees them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonRecordDto {
    /// Roles in this organisation and below only.
    pub person: PersonDto,
    pub courses: Vec<RecordCourseDto>,
    /// PD hours on their transcript, and how many entries.
    pub pd_hours: f64,
    pub transcript_entries: i64,
    pub certificates: Vec<RecordCertificateDto>,
}

/// One person's record: roles here and below, courses and progress, the
/// transcript in short. 404 for anyone without a role here or below.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/people/{user_id}", tag = "orgs",
    params(("org_id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 200, body = PersonRecordDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn person(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, user_id)): Path<(i64, i64)>,
) -> Result<Json<PersonRecordDto>, AppError> {
    let me = ctx.require_user()?;
    let r = admin_views::record(&state, &me.actor, &scope, user_id).await?;
    Ok(Json(PersonRecordDto {
        person: PersonDto::from(&r.person),
        courses: r
            .courses
            .into_iter()
            .map(|p| RecordCourseDto {
                slug: p.slug,
                title: p.title,
                language: p.language,
                lessons: p.lessons,
                lessons_finished: p.done,
                completed_at: p.completed_at.map(time),
            })
            .collect(),
        pd_hours: r.quarter_hours as f64 / 4.0,
        transcript_entries: i64::try_from(r.entries).unwrap_or(i64::MAX),
        certificates: r
            .certificates
            .into_iter()
            .map(|c| RecordCertificateDto {
                code: c.code,
                course_title: c.course_title,
                issued_at: time(c.issued_at),
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DecidedQuery {
    /// From 1.
    #[param(minimum = 1)]
    pub page: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecidedRequestDto {
    pub request: PdRequestDto,
    pub requester: String,
    pub org_name: String,
    /// Who decided (absent once their account is gone).
    pub decider: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecidedPageDto {
    pub requests: Vec<DecidedRequestDto>,
    /// The page after this one, if any.
    pub next_page: Option<u32>,
}

/// Outside PD requests to this organisation or below that were decided,
/// the most recent decision first, 20 a page. Admins only.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/pd-requests/decided", tag = "credit",
    params(("org_id" = i64, Path), DecidedQuery),
    responses((status = 200, body = DecidedPageDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn decided(
    State(state): State<AppState>,
    Extension(scope): Extension<ScopedOrg>,
    Query(query): Query<DecidedQuery>,
) -> Result<Json<DecidedPageDto>, AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let (rows, more) = admin_views::decided(&state, &scope, page).await?;
    let path = scope.path.clone();
    let zone = state.db.read(move |c| orgs::zone_of(c, &path)).await?;
    Ok(Json(DecidedPageDto {
        requests: rows
            .into_iter()
            .map(|d| DecidedRequestDto {
                request: PdRequestDto::new(d.request, &zone),
                requester: d.requester,
                org_name: d.org_name,
                decider: d.decider,
            })
            .collect(),
        next_page: more.then_some(page + 1),
    }))
}

/// An invitation as sent again.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResentDto {
    pub id: i64,
    pub email: String,
    pub expires_at: String,
    pub resent_at: Option<String>,
}

/// Sends an invitation again with a new link (the old one stops working).
/// At most once every 10 minutes: sooner is a 422 on `invitation`. 404 when
/// it is not this organisation's or no longer waits for an answer.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/invitations/{invitation_id}/resend", tag = "orgs",
    params(("org_id" = i64, Path), ("invitation_id" = i64, Path)),
    responses((status = 200, body = ResentDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn resend(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, invitation_id)): Path<(i64, i64)>,
) -> Result<Json<ResentDto>, AppError> {
    let row = org_actions::resend_invitation(
        &state,
        ctx.require_user()?,
        &scope,
        invitation_id,
        ctx.lang,
    )
    .await?;
    Ok(Json(ResentDto {
        id: row.id,
        email: row.email,
        expires_at: time(row.expires_at),
        resent_at: row.resent_at.map(time),
    }))
}
