//! An author's course draft as its course file (`lyceum-course/1`, the
//! format `docs/course-format.md` describes): read it, and replace it.
//! Everything the page editor does (`pages::course_editor`) is one such
//! replacement, so the API edits a course by putting the whole file back,
//! naming the revision it read. Sending for review and publishing stay on
//! the pages.

use crate::context::Ctx;
use crate::draft_actions::{check, named};
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use lyceum_db::drafts::{self, DraftRow};
use lyceum_domain::OrgId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct DraftDto {
    pub id: i64,
    /// `draft`, `in-review`, `returned` or `published`.
    pub status: String,
    /// Counts saves; a replacement names the revision it was made on.
    pub revision: i64,
    pub slug: Option<String>,
    pub title: Option<String>,
    /// The course file as its text (it may not be valid yet).
    pub document: String,
    /// Every problem with the file, each with its place (`modules[0].title:
    /// missing`); empty when it may be sent for review.
    pub problems: Vec<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftBody {
    /// The whole course file, as text.
    pub document: String,
    /// The `revision` this replacement was made on.
    pub revision: i64,
}

async fn dto(state: &AppState, d: DraftRow) -> Result<DraftDto, AppError> {
    let problems = match check(state, &d.document).await? {
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    Ok(DraftDto {
        id: d.id,
        status: d.status.as_str().to_string(),
        revision: d.revision,
        slug: d.slug,
        title: d.title,
        document: d.document,
        problems,
    })
}

/// A draft with its problems: its author's, or a reviewer's while it
/// waits for their review.
#[utoipa::path(get, path = "/api/v1/drafts/{draft_id}", tag = "authoring",
    params(("draft_id" = i64, Path)),
    responses((status = 200, body = DraftDto), (status = 403, body = crate::api::dto::ErrorBody),
              (status = 404, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<DraftDto>, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let me = actor.user_id;
    let d = state
        .db
        .read(move |c| {
            let Some(d) = drafts::by_id(c, id)? else {
                return Ok(None);
            };
            let (_, path, _) = drafts::owner(c, d.slug.as_deref(), Some(OrgId(d.org_id)))?;
            let reviewing = d.status == lyceum_domain::course::DraftStatus::InReview
                && actor.reviews_draft(&path, d.author_id);
            Ok((d.author_id == me || reviewing).then_some(d))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(dto(&state, d).await?))
}

/// Replaces the course file of one's own draft while it may be changed
/// (not in review, not published). A file with problems is saved (they are
/// listed back); one naming a course its author may not write is refused
/// (422 on `document`), as is a replacement made on an older revision
/// (422 on `revision`, code `draft-changed`: read the draft again).
#[utoipa::path(put, path = "/api/v1/drafts/{draft_id}", tag = "authoring", request_body = DraftBody,
    params(("draft_id" = i64, Path)),
    responses((status = 200, body = DraftDto), (status = 400, body = crate::api::dto::ErrorBody),
              (status = 403, body = crate::api::dto::ErrorBody), (status = 404, body = crate::api::dto::ErrorBody),
              (status = 422, body = crate::api::dto::ErrorBody)),
    security(("bearer" = [])))]
pub async fn replace(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DraftBody>,
) -> Result<Json<DraftDto>, AppError> {
    let actor = ctx.require_user()?.actor.clone();
    let (slug, title) = named(&body.document);
    let now = state.clock.now();
    let document = body.document;
    let revision = body.revision;
    let d = state
        .db
        .write(move |c| {
            drafts::save(
                c,
                id,
                &actor,
                Some(revision),
                &document,
                (slug.as_deref(), title.as_deref()),
                false,
                now,
            )?;
            drafts::by_id(c, id)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(dto(&state, d).await?))
}
