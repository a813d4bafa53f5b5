//! Reflections and practice tasks over the API: writing a reflection,
//! handing in an artefact (JSON for text or a link; `multipart/form-data`
//! for a file, as the lesson page's form sends it), one's hand-ins with
//! their reviews, and the reviewer's queue and review — through the same
//! functions as the pages (`crate::practice_actions`), so a reviewer is
//! never the author and sees only hand-ins of learners they review.

use super::courses::CriterionDto;
use super::learning::FinishedDto;
use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, Upload};
use crate::practice_actions::{self as actions, Decided, WaitingItem};
use crate::state::AppState;
use axum::Json;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use lyceum_db::practice::{self, Submission};
use lyceum_domain::course::task::ArtefactKind;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{HandInId, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReflectionBody {
    /// The reflection (paragraphs of plain text).
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReflectedDto {
    /// What saving it finished, if it finished the lesson.
    pub finished: Option<FinishedDto>,
}

/// Writes (or rewrites) your reflection on a lesson; it finishes the lesson
/// when nothing else is left.
#[utoipa::path(post, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/reflection", tag = "learning",
    request_body = ReflectionBody,
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = ReflectedDto), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reflect(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    ApiJson(body): ApiJson<ReflectionBody>,
) -> Result<Json<ReflectedDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    let t = actions::target(&state, me, &slug, &key).await?;
    let finished = actions::reflect(&state, me, &t, &body.text)
        .await?
        .map_err(|invalid| AppError::Invalid(rename(invalid, "reflection", "text")))?;
    Ok(Json(ReflectedDto {
        finished: finished.map(FinishedDto::from),
    }))
}

/// The domain names fields as the page's form does; the API's body may
/// call them otherwise.
fn rename(mut invalid: Invalid, from: &str, to: &str) -> Invalid {
    for e in &mut invalid.0 {
        if e.field == from {
            e.field = to.to_string();
        }
    }
    invalid
}

/// A hand-in of text or a link.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandInBody {
    #[serde(default)]
    pub text: Option<String>,
    /// An `https://` address.
    #[serde(default)]
    pub link: Option<String>,
}

/// A hand-in as the lesson page's form sends it, with a file.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct HandInForm {
    pub artefact_text: Option<String>,
    pub artefact_url: Option<String>,
    /// PDF, image, Office document or text, at most 10 MB.
    #[schema(value_type = Option<String>, format = Binary)]
    pub artefact_file: Option<Vec<u8>>,
}

/// Hands in an artefact for a lesson's practice task, for a facilitator to
/// review: JSON for text or a link, `multipart/form-data` (the page's
/// fields) for a file. Refused (422) in a form the task does not take, or
/// while one hand-in waits or was accepted.
#[utoipa::path(post, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/hand-ins", tag = "learning",
    request_body(content((HandInBody = "application/json"), (HandInForm = "multipart/form-data"))),
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn hand_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    req: Request,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (text, link, file) = if multipart {
        let form = Upload::from_request(req, &state).await?;
        (
            form.text("artefact_text"),
            form.text("artefact_url"),
            form.file("artefact_file"),
        )
    } else {
        let ApiJson(b) = ApiJson::<HandInBody>::from_request(req, &state).await?;
        (b.text.unwrap_or_default(), b.link.unwrap_or_default(), None)
    };
    let me = &ctx.require_user()?.actor;
    let t = actions::target(&state, me, &slug, &key).await?;
    let file = file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice()));
    let id = actions::hand_in(&state, me, &t, &text, &link, file)
        .await?
        .map_err(|invalid| {
            let invalid = if multipart {
                invalid
            } else {
                rename(
                    rename(invalid, "artefact_text", "text"),
                    "artefact_url",
                    "link",
                )
            };
            AppError::Invalid(invalid)
        })?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: id.0 })))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HandInDto {
    pub id: i64,
    /// `submitted` (waiting for review), `accepted` or `returned`.
    pub status: String,
    /// `text`, `link` or `file`.
    pub kind: String,
    pub text: Option<String>,
    pub link: Option<String>,
    pub file_name: Option<String>,
    pub submitted_at: String,
    pub reviewed_at: Option<String>,
    /// Keys of the rubric's criteria the review found met.
    pub met: Vec<String>,
    /// The reviewer's comment.
    pub comment: Option<String>,
}

impl From<Submission> for HandInDto {
    fn from(s: Submission) -> Self {
        let (text, link) = match s.artefact_kind {
            ArtefactKind::Text => (s.artefact_text.clone(), None),
            ArtefactKind::Link => (None, s.artefact_text.clone()),
            ArtefactKind::File => (None, None),
        };
        HandInDto {
            id: s.id.0,
            met: s.met().iter().map(|m| (*m).to_string()).collect(),
            status: s.status.as_str().into(),
            kind: s.artefact_kind.as_str().into(),
            text,
            link,
            file_name: s.file_name.clone(),
            submitted_at: time(s.submitted_at),
            reviewed_at: s.reviewed_at.map(time),
            comment: s.review_comment,
        }
    }
}

/// Your hand-ins for a lesson's task, newest first, with their reviews
/// (404 when you are not enrolled or the lesson has no task).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/hand-ins", tag = "learning",
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = Vec<HandInDto>), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn hand_ins(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Json<Vec<HandInDto>>, AppError> {
    let me = &ctx.require_user()?.actor;
    let t = actions::target(&state, me, &slug, &key)
        .await
        .map_err(|e| match e {
            AppError::Forbidden => AppError::NotFound,
            e => e,
        })?;
    if t.lesson.task.is_none() {
        return Err(AppError::NotFound);
    }
    let (u, course) = (me.user_id, t.f.row.id);
    let mine = state
        .db
        .read(move |c| practice::submissions(c, u, course, &key))
        .await?;
    Ok(Json(mine.into_iter().map(HandInDto::from).collect()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitingDto {
    pub hand_in: HandInDto,
    pub learner: String,
    pub course_slug: String,
    pub course_title: String,
    pub lesson_key: String,
    pub lesson_title: String,
    pub rubric: Vec<CriterionDto>,
    /// The learner's reflections in this course, for context.
    pub reflections: Vec<ReflectionDto>,
    /// Their earlier hand-ins of this task with the reviews they had
    /// (returned, with comments and criteria met), newest first.
    pub earlier: Vec<HandInDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReflectionDto {
    pub lesson_key: String,
    pub text: String,
}

/// Hand-ins waiting for your review (by learners in the organisations
/// where you facilitate or administer, never your own), oldest first, at
/// most 100; empty for someone who reviews nowhere.
#[utoipa::path(get, path = "/api/v1/review", tag = "learning",
    responses((status = 200, body = Vec<WaitingDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<WaitingDto>>, AppError> {
    let me = &ctx.require_user()?.actor;
    let mut out = Vec::new();
    for WaitingItem {
        waiting,
        row,
        content,
        reflections,
        earlier,
    } in actions::waiting(&state, me).await?
    {
        let Some(lesson) = content
            .lessons()
            .find(|l| l.key == waiting.submission.lesson_key)
        else {
            continue;
        };
        let Some(task) = &lesson.task else { continue };
        out.push(WaitingDto {
            learner: waiting.learner,
            course_slug: row.slug.clone(),
            course_title: row.title.clone(),
            lesson_key: lesson.key.clone(),
            lesson_title: lesson.title.clone(),
            rubric: task
                .rubric
                .iter()
                .map(|c| CriterionDto {
                    key: c.key.clone(),
                    text: c.text.clone(),
                })
                .collect(),
            reflections: reflections
                .into_iter()
                .map(|(lesson_key, text)| ReflectionDto { lesson_key, text })
                .collect(),
            hand_in: HandInDto::from(waiting.submission),
            earlier: earlier.into_iter().map(HandInDto::from).collect(),
        });
    }
    Ok(Json(out))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// `accepted` or `returned`.
    pub decision: String,
    /// Keys of the rubric's criteria met (all of them, to accept).
    #[serde(default)]
    pub met: Vec<String>,
    /// What to do next (required to return).
    #[serde(default)]
    pub comment: String,
}

/// Reviews a hand-in: accepts it (every criterion met) or returns it with
/// a comment. 404 for one that is not yours to review (your own never
/// is); 422 for one reviewed already, or criteria or comment refused.
#[utoipa::path(post, path = "/api/v1/review/{submission_id}", tag = "learning",
    request_body = ReviewBody,
    params(("submission_id" = i64, Path)),
    responses((status = 200, body = HandInDto), (status = 400, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<HandInId>,
    ApiJson(b): ApiJson<ReviewBody>,
) -> Result<Json<HandInDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    match actions::decide(&state, me, id, &b.decision, &b.met, &b.comment).await? {
        Decided::AlreadyReviewed => Err(AppError::Invalid(Invalid::one(
            "decision",
            "already-reviewed",
        ))),
        Decided::Refused(invalid) => Err(AppError::Invalid(invalid)),
        Decided::Done => Ok(Json(HandInDto::from(
            actions::reviewable(&state, me, id).await?,
        ))),
    }
}
