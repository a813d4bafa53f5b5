//! The practice library in the API: the resources linked from a practice
//! or from a course's lesson, and the registry tools linked from a
//! practice — listed for whoever sees the practice or the lesson, linked
//! and unlinked by the practice's author and curators or the course's
//! writers — through the same functions as the pages
//! (`crate::resource_actions`, `crate::tool_links`).

use super::resources::ResourceSummaryDto;
use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::Access::SignedIn;
use crate::learning_actions::following;
use crate::resource_actions::{self as actions, LinkForm};
use crate::routes::{DELETE, GET, PUT, Routes};
use crate::state::AppState;
use crate::tool_links;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_domain::PracticeId;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(
    of_practice,
    link_practice,
    unlink_practice,
    tools_of_practice,
    link_tool,
    unlink_tool,
    of_lesson,
    link_lesson,
    unlink_lesson
))]
pub struct Doc;

const PRACTICE: &str = "/v1/practices/{practice_id}/resources";
const PRACTICE_ONE: &str = "/v1/practices/{practice_id}/resources/{resource_id}";
const TOOLS: &str = "/v1/practices/{practice_id}/tools";
const TOOL_ONE: &str = "/v1/practices/{practice_id}/tools/{tool_id}";
const LESSON: &str = "/v1/courses/{slug}/lessons/{lesson_key}/resources";
const LESSON_ONE: &str = "/v1/courses/{slug}/lessons/{lesson_key}/resources/{resource_id}";

pub fn routes(r: Routes) -> Routes {
    r.add(GET, PRACTICE, SignedIn, of_practice)
        .add(PUT, PRACTICE_ONE, SignedIn, link_practice)
        .add(DELETE, PRACTICE_ONE, SignedIn, unlink_practice)
        .add(GET, TOOLS, SignedIn, tools_of_practice)
        .add(PUT, TOOL_ONE, SignedIn, link_tool)
        .add(DELETE, TOOL_ONE, SignedIn, unlink_tool)
        .add(GET, LESSON, SignedIn, of_lesson)
        .add(PUT, LESSON_ONE, SignedIn, link_lesson)
        .add(DELETE, LESSON_ONE, SignedIn, unlink_lesson)
}

/// The link form the pages post, for one resource of the path.
fn form(resource: i64, add: bool) -> LinkForm {
    LinkForm {
        resource_id: resource.to_string(),
        action: if add { "add" } else { "remove" }.into(),
    }
}

/// The resources linked from a practice, in order (404 for a practice you
/// do not see).
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/resources", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = Vec<ResourceSummaryDto>), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn of_practice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<ResourceSummaryDto>>, AppError> {
    let user = ctx.require_user()?;
    let view = crate::library_access::load(&state, user, PracticeId(id)).await?;
    let id = view.practice.id;
    let rows = state
        .db
        .read(move |c| lyceum_db::library::resources::of_practice(c, id))
        .await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

async fn practice(
    state: AppState,
    ctx: Ctx,
    id: i64,
    resource: i64,
    add: bool,
) -> Result<StatusCode, AppError> {
    let user = ctx.require_user()?;
    actions::link_practice(&state, user, PracticeId(id), &form(resource, add))
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links a resource from a practice (its author and curators; 403 for
/// others who see it). Linking one already linked changes nothing. 422 on
/// `resource_id` for a resource that does not exist.
#[utoipa::path(put, path = "/api/v1/practices/{practice_id}/resources/{resource_id}", tag = "library",
    params(("practice_id" = i64, Path), ("resource_id" = i64, Path)),
    responses((status = 204, description = "Linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_practice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, resource)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    practice(state, ctx, id, resource, true).await
}

/// Unlinks a resource from a practice (its author and curators).
#[utoipa::path(delete, path = "/api/v1/practices/{practice_id}/resources/{resource_id}", tag = "library",
    params(("practice_id" = i64, Path), ("resource_id" = i64, Path)),
    responses((status = 204, description = "Not linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn unlink_practice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, resource)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    practice(state, ctx, id, resource, false).await
}

/// A registry tool linked from a practice.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedToolDto {
    pub id: i64,
    pub name: String,
    pub vendor: String,
    /// Its page.
    pub href: String,
}

/// The registry tools linked from a practice, by name (404 for a practice
/// you do not see).
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/tools", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = Vec<LinkedToolDto>), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn tools_of_practice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<LinkedToolDto>>, AppError> {
    let rows = tool_links::of_practice(&state, ctx.require_user()?, PracticeId(id)).await?;
    Ok(Json(
        rows.into_iter()
            .map(|t| LinkedToolDto {
                id: t.id.0,
                href: tool_links::href(t.id),
                name: t.name,
                vendor: t.vendor,
            })
            .collect(),
    ))
}

async fn tool(
    state: AppState,
    ctx: Ctx,
    id: i64,
    tool: i64,
    add: bool,
) -> Result<StatusCode, AppError> {
    let form = tool_links::ToolLinkForm {
        tool_id: tool.to_string(),
        action: if add { "add" } else { "remove" }.into(),
    };
    tool_links::link(&state, ctx.require_user()?, PracticeId(id), &form)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links a registry tool from a practice (its author and curators; 403 for
/// others who see it). Linking one already linked changes nothing. 422 on
/// `tool_id` for a tool not in the registry.
#[utoipa::path(put, path = "/api/v1/practices/{practice_id}/tools/{tool_id}", tag = "library",
    params(("practice_id" = i64, Path), ("tool_id" = i64, Path)),
    responses((status = 204, description = "Linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_tool(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, t)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    tool(state, ctx, id, t, true).await
}

/// Unlinks a registry tool from a practice (its author and curators).
#[utoipa::path(delete, path = "/api/v1/practices/{practice_id}/tools/{tool_id}", tag = "library",
    params(("practice_id" = i64, Path), ("tool_id" = i64, Path)),
    responses((status = 204, description = "Not linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn unlink_tool(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, t)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    tool(state, ctx, id, t, false).await
}

/// The resources linked from a lesson of the version you follow, in order
/// (404 for a course you do not see or a lesson it does not have).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/resources", tag = "library",
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = Vec<ResourceSummaryDto>), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn of_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Json<Vec<ResourceSummaryDto>>, AppError> {
    let user = ctx.require_user()?;
    let f = following(&state, Some(&user.actor), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    f.course.lessons_around(&key).ok_or(AppError::NotFound)?;
    let course = f.row.id;
    let rows = state
        .db
        .read(move |c| lyceum_db::library::resources::of_lesson(c, course, &key))
        .await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

async fn lesson(
    state: AppState,
    ctx: Ctx,
    (slug, key, resource): (String, String, i64),
    add: bool,
) -> Result<StatusCode, AppError> {
    let user = ctx.require_user()?;
    actions::link_lesson(&state, user, slug, key, &form(resource, add))
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links a resource from a lesson of the course learners start now (its
/// writers; 403 for others who see it). 422 on `lesson_key` for a lesson
/// that version does not have, on `resource_id` for a resource that does
/// not exist.
#[utoipa::path(put, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/resources/{resource_id}", tag = "library",
    params(("slug" = String, Path), ("lesson_key" = String, Path), ("resource_id" = i64, Path)),
    responses((status = 204, description = "Linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(p): Path<(String, String, i64)>,
) -> Result<StatusCode, AppError> {
    lesson(state, ctx, p, true).await
}

/// Unlinks a resource from a lesson (its course's writers; a lesson a
/// later version dropped too).
#[utoipa::path(delete, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/resources/{resource_id}", tag = "library",
    params(("slug" = String, Path), ("lesson_key" = String, Path), ("resource_id" = i64, Path)),
    responses((status = 204, description = "Not linked"), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn unlink_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(p): Path<(String, String, i64)>,
) -> Result<StatusCode, AppError> {
    lesson(state, ctx, p, false).await
}
