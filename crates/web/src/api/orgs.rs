use crate::api::dto::{
    CreatedDto, EmailRoleBody, ErrorBody, OrgBody, OrgDto, PeopleDto, PersonDto,
};
use crate::context::Ctx;
use crate::directory::PeopleQuery;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::ScopedOrg;
use crate::org_actions;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lyceum_db::{directory, orgs};
use lyceum_domain::OrgId;
use lyceum_domain::org::OrgInput;
use lyceum_domain::validation::{FieldError, Invalid};

/// One organisation.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}", tag = "orgs",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = OrgDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    Path(org_id): Path<i64>,
) -> Result<Json<OrgDto>, AppError> {
    let org = state.db.read(move |c| orgs::get(c, OrgId(org_id))).await?;
    Ok(Json(OrgDto::from(&org)))
}

/// The organisations directly below one.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/children", tag = "orgs",
    params(("org_id" = i64, Path)),
    responses((status = 200, body = Vec<OrgDto>), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn children(
    State(state): State<AppState>,
    Path(org_id): Path<i64>,
) -> Result<Json<Vec<OrgDto>>, AppError> {
    let children = state
        .db
        .read(move |c| {
            orgs::get(c, OrgId(org_id))?;
            orgs::children(c, OrgId(org_id))
        })
        .await?;
    Ok(Json(children.iter().map(OrgDto::from).collect()))
}

/// Changes an organisation's name, its own IANA time zone (`time_zone`;
/// null inherits the parent's, an unknown name is a 422 on `time_zone`) and,
/// for a school, its equity attributes. Only its admins (and those above).
#[utoipa::path(put, path = "/api/v1/orgs/{org_id}", tag = "orgs", request_body = OrgBody,
    params(("org_id" = i64, Path)),
    responses((status = 200, body = OrgDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    ApiJson(body): ApiJson<OrgBody>,
) -> Result<Json<OrgDto>, AppError> {
    let org =
        org_actions::update(&state, ctx.require_user()?, &scope, &OrgInput::from(body)).await?;
    Ok(Json(OrgDto::from(&org)))
}

/// Creates an organisation below this one.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/children", tag = "orgs", request_body = OrgBody,
    params(("org_id" = i64, Path)),
    responses((status = 201, body = OrgDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_child(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    ApiJson(body): ApiJson<OrgBody>,
) -> Result<(StatusCode, Json<OrgDto>), AppError> {
    let child =
        org_actions::create_child(&state, ctx.require_user()?, &scope, &OrgInput::from(body))
            .await?;
    Ok((StatusCode::CREATED, Json(OrgDto::from(&child))))
}

/// People holding any role in this organisation or below it, in id order,
/// searched and filtered like the directory page.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/people", tag = "orgs",
    params(("org_id" = i64, Path), PeopleQuery),
    responses((status = 200, body = PeopleDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn people(
    State(state): State<AppState>,
    Extension(scope): Extension<ScopedOrg>,
    Query(query): Query<PeopleQuery>,
) -> Result<Json<PeopleDto>, AppError> {
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::Invalid(Invalid(vec![
            FieldError::new("limit", "number-range")
                .with_arg("min", 1)
                .with_arg("max", 500),
        ])));
    }
    let (filters, _) = query.filters(&state, &scope, limit + 1).await?;
    let mut people = state
        .db
        .read(move |c| directory::search(c, &filters))
        .await?;
    let more = people.len() as i64 > limit;
    people.truncate(limit as usize);
    Ok(Json(PeopleDto {
        next_after: if more {
            people.last().map(|p| p.id)
        } else {
            None
        },
        people: people.iter().map(PersonDto::from).collect(),
    }))
}

/// Gives an existing account a role at this organisation.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/memberships", tag = "orgs", request_body = EmailRoleBody,
    params(("org_id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    ApiJson(body): ApiJson<EmailRoleBody>,
) -> Result<StatusCode, AppError> {
    org_actions::grant_role(&state, ctx.require_user()?, &scope, &body.email, &body.role).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a role away.
#[utoipa::path(delete, path = "/api/v1/orgs/{org_id}/memberships/{membership_id}", tag = "orgs",
    params(("org_id" = i64, Path), ("membership_id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, membership_id)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    org_actions::remove_role(&state, ctx.require_user()?, &scope, membership_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invites an email address to this organisation with a role.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/invitations", tag = "orgs", request_body = EmailRoleBody,
    params(("org_id" = i64, Path)),
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    ApiJson(body): ApiJson<EmailRoleBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let id = org_actions::invite(
        &state,
        ctx.require_user()?,
        &scope,
        &body.email,
        &body.role,
        ctx.lang,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}
