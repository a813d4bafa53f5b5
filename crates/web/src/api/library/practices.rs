//! Classroom practices over the API: starting one, reading it and its
//! versions, its draft (read and saved with the revision it was read at),
//! submitting, the curators' queue, the submitted draft as its curators
//! read it, publishing and returning it (with the revision read),
//! following,
//! and one's own practices — through the same functions as the pages
//! (`crate::classroom_practice_actions`), with the same checks and errors.

use crate::api::dto::ErrorBody;
use crate::classroom_practice_actions::{self as actions, ContentInput, Shown};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::routes::{DELETE, GET, POST, PUT, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{PracticeId, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(
        start, show, version, draft, save, submit, withdraw, queue, review, publish, send_back,
        follow, unfollow, mine
    ),
    components(schemas(ContentInput, crate::classroom_practice_actions::MaterialInput))
)]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(POST, "/v1/practices", SignedIn, start)
        .add(GET, "/v1/practices/review", SignedIn, queue)
        .add(GET, "/v1/practices/{practice_id}", SignedIn, show)
        .add(
            GET,
            "/v1/practices/{practice_id}/versions/{version}",
            SignedIn,
            version,
        )
        .add(GET, "/v1/practices/{practice_id}/draft", SignedIn, draft)
        .add(PUT, "/v1/practices/{practice_id}/draft", SignedIn, save)
        .add(POST, "/v1/practices/{practice_id}/submit", SignedIn, submit)
        .add(
            POST,
            "/v1/practices/{practice_id}/withdraw",
            SignedIn,
            withdraw,
        )
        .add(GET, "/v1/practices/{practice_id}/review", SignedIn, review)
        .add(
            POST,
            "/v1/practices/{practice_id}/publish",
            SignedIn,
            publish,
        )
        .add(
            POST,
            "/v1/practices/{practice_id}/return",
            SignedIn,
            send_back,
        )
        .add(PUT, "/v1/practices/{practice_id}/follow", SignedIn, follow)
        .add(
            DELETE,
            "/v1/practices/{practice_id}/follow",
            SignedIn,
            unfollow,
        )
        .add(GET, "/v1/me/practices", SignedIn, mine)
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// Starting a practice: its owner (one of your organisations; your school
/// when null) and its content.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartDto {
    #[serde(default)]
    pub org_id: Option<i64>,
    pub content: ContentInput,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StartedDto {
    pub id: i64,
    /// The draft's revision: send it back when saving.
    pub revision: i32,
}

/// Starts a practice owned by one of your organisations, as a draft only
/// you see. Refused (422) naming each field that is wrong.
#[utoipa::path(post, path = "/api/v1/practices", tag = "library",
    request_body = StartDto,
    responses((status = 201, body = StartedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<StartDto>,
) -> Result<(StatusCode, Json<StartedDto>), AppError> {
    let me = ctx.require_user()?;
    let content = body.content.content(ctx.lang);
    let id = actions::start(&state, me, body.org_id, content, Vec::new(), Invalid::new())
        .await?
        .map_err(AppError::Invalid)?;
    Ok((
        StatusCode::CREATED,
        Json(StartedDto {
            id: id.0,
            revision: 1,
        }),
    ))
}

/// A practice as published (or, before it is, its draft for its author and
/// curators).
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeDto {
    pub id: i64,
    /// The version shown; 0 for a draft not yet published.
    pub version: i32,
    /// The newest published version (0: none yet).
    pub current_version: i32,
    pub author: Option<String>,
    pub owner: String,
    pub org_id: i64,
    pub content: ContentInput,
    /// The licence's deed.
    pub licence_url: String,
    pub published_at: Option<String>,
    /// Its discussion topic's page.
    pub topic: Option<String>,
    pub following: bool,
    /// Your draft's status (`draft`, `submitted`, `returned`) when you
    /// wrote or curate it and it has one.
    pub draft_status: Option<String>,
}

fn dto(s: Shown) -> PracticeDto {
    let p = &s.view.practice;
    PracticeDto {
        id: p.id.0,
        version: s.version,
        current_version: p.version,
        author: s.author,
        owner: s.owner,
        org_id: p.org_id.0,
        licence_url: s.content.licence.url().into(),
        content: ContentInput::from_content(&s.content),
        published_at: p.published_at.map(time),
        topic: p.topic_id.map(|t| format!("/topics/{}", t.0)),
        following: s.following,
        draft_status: s.draft_status.map(|d| d.as_str().into()),
    }
}

/// A practice: 404 unless it is published or you wrote or curate it.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = PracticeDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<PracticeDto>, AppError> {
    let s = actions::show(&state, ctx.require_user()?, PracticeId(id), None).await?;
    Ok(Json(dto(s)))
}

/// One published version, as it was published.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/versions/{version}", tag = "library",
    params(("practice_id" = i64, Path), ("version" = i32, Path)),
    responses((status = 200, body = PracticeDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, v)): Path<(i64, i32)>,
) -> Result<Json<PracticeDto>, AppError> {
    let s = actions::show(&state, ctx.require_user()?, PracticeId(id), Some(v)).await?;
    Ok(Json(dto(s)))
}

/// The draft you edit.
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeDraftDto {
    /// `draft`, `submitted` or `returned`.
    pub status: String,
    /// Send it back when saving; 0 while a published practice has no
    /// draft yet (the first save starts the next version).
    pub revision: i32,
    /// The curator's comments when returned.
    pub comments: Option<String>,
    pub content: ContentInput,
}

/// Your practice's draft (or its published version at revision 0): its
/// author only (403 for others who see it).
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/draft", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = PracticeDraftDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn draft(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<PracticeDraftDto>, AppError> {
    let (_, d) = actions::editing(&state, ctx.require_user()?, PracticeId(id)).await?;
    Ok(Json(PracticeDraftDto {
        status: d.status.as_str().into(),
        revision: d.revision,
        comments: d.comments,
        content: ContentInput::from_content(&d.content),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveDto {
    /// The revision the draft was read at.
    pub revision: i32,
    pub content: ContentInput,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DraftSavedDto {
    pub revision: i32,
}

/// Saves your draft if nobody saved it since `revision` (else 422 on
/// `revision`, `draft-changed`, nothing saved); refused while it waits for
/// a curator (`practice`, `practice-waiting`).
#[utoipa::path(put, path = "/api/v1/practices/{practice_id}/draft", tag = "library",
    params(("practice_id" = i64, Path)), request_body = SaveDto,
    responses((status = 200, body = DraftSavedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<SaveDto>,
) -> Result<Json<DraftSavedDto>, AppError> {
    let me = ctx.require_user()?;
    let content = body.content.content(ctx.lang);
    let revision = actions::save(
        &state,
        me,
        PracticeId(id),
        content,
        Vec::new(),
        body.revision,
        Invalid::new(),
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(Json(DraftSavedDto { revision }))
}

/// Sends your draft to the curators (checked again; they are told).
#[utoipa::path(post, path = "/api/v1/practices/{practice_id}/submit", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::submit(&state, ctx.require_user()?, PracticeId(id))
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes your draft back from review, a draft again; 422 on `practice`
/// (`practice-not-waiting`) unless it is waiting for a curator.
#[utoipa::path(post, path = "/api/v1/practices/{practice_id}/withdraw", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::withdraw(&state, ctx.require_user()?, PracticeId(id))
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeWaitingDto {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub author: Option<String>,
    /// The version publishing it makes (1: a first publication).
    pub next_version: i32,
    pub submitted_at: Option<String>,
}

/// Submitted practices owned where you curate, never your own, oldest
/// first; 403 when you curate nowhere.
#[utoipa::path(get, path = "/api/v1/practices/review", tag = "library",
    responses((status = 200, body = [PracticeWaitingDto]), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<PracticeWaitingDto>>, AppError> {
    let list = actions::queue(&state, ctx.require_user()?).await?;
    Ok(Json(
        list.into_iter()
            .map(|w| PracticeWaitingDto {
                id: w.id.0,
                title: w.title,
                owner: w.owner,
                author: w.author,
                next_version: w.next_version,
                submitted_at: w.submitted_at.map(time),
            })
            .collect(),
    ))
}

/// A submitted draft as its curators read it before deciding.
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeReviewDto {
    pub id: i64,
    /// The revision read: send it with the decision (publish or return).
    pub revision: i32,
    /// `submitted` while it waits for a decision (`draft` or `returned`
    /// otherwise: nothing to decide).
    pub status: String,
    /// Its author's name; null once the account is deleted.
    pub author: Option<String>,
    /// The owning organisation's name.
    pub owner: String,
    /// The version publishing it makes (1: a first publication).
    pub next_version: i32,
    pub content: ContentInput,
}

/// The practice's draft for its curators (and an author who curates there
/// and wrote it, who reads but never decides): 403 for others who see the
/// practice, 404 for those who do not or when it has no draft.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/review", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = PracticeReviewDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<PracticeReviewDto>, AppError> {
    let r = actions::under_review(&state, ctx.require_user()?, PracticeId(id)).await?;
    Ok(Json(PracticeReviewDto {
        id: r.view.practice.id.0,
        revision: r.draft.revision,
        status: r.draft.status.as_str().into(),
        author: r.author,
        owner: r.owner,
        next_version: r.view.practice.version + 1,
        content: ContentInput::from_content(&r.draft.content),
    }))
}

/// Publishing: the draft's revision you read
/// (`GET /api/v1/practices/{practice_id}/review`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticePublishDto {
    /// The revision read.
    pub revision: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedDto {
    pub version: i32,
}

/// Publishes the submitted draft at the revision you read: its curators
/// only, never its author (403). Decided already by another curator: 422
/// on `practice`, `already-decided`. Changed since you read it (taken
/// back, rewritten, sent again): 422 on `revision`,
/// `practice-changed-since-read`, nothing published — read it again.
#[utoipa::path(post, path = "/api/v1/practices/{practice_id}/publish", tag = "library",
    params(("practice_id" = i64, Path)), request_body = PracticePublishDto,
    responses((status = 200, body = PublishedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "Refused: `practice` (`already-decided`) or `revision` (`practice-changed-since-read`: read the draft again)")),
    security(("bearer" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PracticePublishDto>,
) -> Result<Json<PublishedDto>, AppError> {
    let version = actions::decide(
        &state,
        ctx.require_user()?,
        PracticeId(id),
        true,
        String::new(),
        body.revision,
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(Json(PublishedDto { version }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnDto {
    /// Required: what should change.
    pub comments: String,
    /// The draft's revision you read
    /// (`GET /api/v1/practices/{practice_id}/review`).
    pub revision: i32,
}

/// Returns the submitted draft at the revision you read to its author with
/// comments (required). Refused (422) as publishing is, and on `comments`.
#[utoipa::path(post, path = "/api/v1/practices/{practice_id}/return", tag = "library",
    params(("practice_id" = i64, Path)), request_body = ReturnDto,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "Refused: `practice` (`already-decided`), `revision` (`practice-changed-since-read`: read the draft again) or `comments`")),
    security(("bearer" = [])))]
pub async fn send_back(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ReturnDto>,
) -> Result<StatusCode, AppError> {
    actions::decide(
        &state,
        ctx.require_user()?,
        PracticeId(id),
        false,
        body.comments,
        body.revision,
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Follows a published practice (you hear of new trial reports).
#[utoipa::path(put, path = "/api/v1/practices/{practice_id}/follow", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::follow(&state, ctx.require_user()?, PracticeId(id), true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stops following it.
#[utoipa::path(delete, path = "/api/v1/practices/{practice_id}/follow", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn unfollow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::follow(&state, ctx.require_user()?, PracticeId(id), false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MineDto {
    pub id: i64,
    pub title: String,
    /// The published version (0: none yet).
    pub version: i32,
    pub owner: String,
    /// Its draft's status; null when it has none.
    pub draft_status: Option<String>,
    /// The curator's comments when returned.
    pub comments: Option<String>,
    pub updated_at: String,
}

/// Your practices, drafts included, newest change first.
#[utoipa::path(get, path = "/api/v1/me/practices", tag = "library",
    responses((status = 200, body = [MineDto]), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<MineDto>>, AppError> {
    let list = actions::mine(&state, ctx.require_user()?).await?;
    Ok(Json(
        list.into_iter()
            .map(|m| MineDto {
                id: m.id.0,
                title: m.title,
                version: m.version,
                owner: m.owner,
                draft_status: m.status.map(|s| s.as_str().into()),
                comments: m.comments,
                updated_at: time(m.updated_at),
            })
            .collect(),
    ))
}
