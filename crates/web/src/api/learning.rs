//! Following a course over the API: enrolling, one's enrolments with their
//! progress, finishing a lesson, quiz attempts and moving to a new version.
//! Each does what its page does, through the same functions
//! (`crate::learning_actions`); an enrolment is only ever its learner's:
//! the routes name a course and act on the caller's own enrolment in it.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::learning_actions::{self as actions, Answers, Attempted, Following};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_db::{credit, learning};
use lyceum_domain::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// Where a learner stands in a course they are enrolled in.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressDto {
    pub course_slug: String,
    pub course_title: String,
    /// The version you follow.
    pub version: i32,
    /// The version learners start now.
    pub current_version: i32,
    pub enrolled_at: String,
    pub completed_at: Option<String>,
    pub lessons_done: i64,
    pub lessons_total: i64,
    /// Keys of the lessons you finished, in course order.
    pub done: Vec<String>,
    /// The first lesson not finished yet.
    pub next_lesson: Option<String>,
    /// The code of the certificate the completion issued.
    pub certificate: Option<String>,
    /// A newer version is out and you have not completed yours:
    /// `POST …/move` moves you onto it.
    pub can_move: bool,
}

pub fn progress(
    f: &Following,
    e: &learning::Enrolment,
    certificate: Option<String>,
) -> ProgressDto {
    let keys: Vec<&str> = f.course.lessons().map(|l| l.key.as_str()).collect();
    let done: Vec<String> = keys
        .iter()
        .filter(|k| f.done.contains(**k))
        .map(|k| (*k).to_string())
        .collect();
    ProgressDto {
        course_slug: f.row.slug.clone(),
        course_title: f.row.title.clone(),
        version: e.version,
        current_version: f.row.version,
        enrolled_at: time(e.enrolled_at),
        completed_at: e.completed_at.map(time),
        lessons_done: i64::try_from(done.len()).unwrap_or(i64::MAX),
        lessons_total: i64::try_from(keys.len()).unwrap_or(i64::MAX),
        next_lesson: keys
            .iter()
            .find(|k| !f.done.contains(**k))
            .map(|k| (*k).to_string()),
        done,
        certificate,
        can_move: e.version < f.row.version && e.completed_at.is_none(),
    }
}

/// Your progress in a course, read afresh; 404 when you are not enrolled.
async fn progress_of(state: &AppState, ctx: &Ctx, slug: String) -> Result<ProgressDto, AppError> {
    let me = &ctx.require_user()?.actor;
    let f = actions::followed_by(state, me, slug).await?;
    let e = f.enrolment.as_ref().ok_or(AppError::NotFound)?;
    let certificate = if e.completed_at.is_some() {
        let (u, course) = (me.user_id, f.row.id);
        state
            .db
            .read(move |c| credit::for_course(c, u, course))
            .await?
            .map(|c| c.code)
    } else {
        None
    };
    Ok(progress(&f, e, certificate))
}

/// Enrols you in the version learners start now (201; 200 if you were
/// enrolled already, changing nothing).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/enrol", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 201, body = ProgressDto), (status = 200, body = ProgressDto),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<(StatusCode, Json<ProgressDto>), AppError> {
    let me = &ctx.require_user()?.actor;
    let (row, _, new) = actions::enrol(&state, me, slug).await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(progress_of(&state, &ctx, row.slug).await?)))
}

/// Your progress in one course you are enrolled in (404 when you are not).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/progress", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 200, body = ProgressDto), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show_progress(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Json<ProgressDto>, AppError> {
    Ok(Json(progress_of(&state, &ctx, slug).await?))
}

/// Every course you are enrolled in, most recently active first, with your
/// progress (one person's enrolments: not paged).
#[utoipa::path(get, path = "/api/v1/enrolments", tag = "learning",
    responses((status = 200, body = Vec<ProgressDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn enrolments(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<ProgressDto>>, AppError> {
    let user = ctx.require_user()?.user.id();
    let rows = state
        .db
        .read(move |c| {
            let mut out = Vec::new();
            for (row, e) in learning::courses_of(c, user)? {
                let done = learning::done(c, user, row.id)?;
                let certificate = match e.completed_at {
                    Some(_) => credit::for_course(c, user, row.id)?.map(|c| c.code),
                    None => None,
                };
                out.push((row, e, done, certificate));
            }
            Ok(out)
        })
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (row, e, done, certificate) in rows {
        // A version that cannot be read is left out rather than failing the list.
        let Some(course) = state.course_version(&row, e.version).await? else {
            continue;
        };
        let f = Following {
            row,
            course,
            enrolment: None,
            done,
        };
        out.push(progress(&f, &e, certificate));
    }
    Ok(Json(out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FinishedDto {
    /// False when the lesson was finished before (nothing recorded again).
    pub lesson_finished: bool,
    /// This completed the course.
    pub course_completed: bool,
    /// The certificate that completion issued.
    pub certificate: Option<String>,
}

impl From<learning::Finished> for FinishedDto {
    fn from(f: learning::Finished) -> Self {
        FinishedDto {
            lesson_finished: f.lesson,
            course_completed: f.course,
            certificate: f.certificate,
        }
    }
}

/// Marks a lesson finished that reading finishes (403 for one its
/// activities finish, or when you are not enrolled).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/finish", tag = "learning",
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = FinishedDto), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn finish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Json<FinishedDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    let f = actions::followed_by(&state, me, slug).await?;
    Ok(Json(actions::finish(&state, me, &f, &key).await?.into()))
}

/// Moves you onto the version learners start now; what you finished that
/// is in it keeps counting (403 when not enrolled; nothing changes when you
/// are on it already or completed your version).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/move", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 200, body = ProgressDto), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn move_to_current(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Json<ProgressDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    let (row, _) = actions::move_to_current(&state, me, slug).await?;
    Ok(Json(progress_of(&state, &ctx, row.slug).await?))
}

/// Continues the course in its other language (`translation` on the
/// course): enrols you there if you are not, and the lessons you finished,
/// your quiz attempts and your reflections count where lessons correspond
/// (by position). PD credit and the
/// certificate are earned once for the two. Your progress in the course
/// switched to (404 when the course has no other language, 403 when you
/// are not enrolled in it).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/switch", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 200, body = ProgressDto), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Json<ProgressDto>, AppError> {
    let me = &ctx.require_user()?.actor;
    let (row, _, _) = actions::switch_language(&state, me, slug, None).await?;
    Ok(Json(progress_of(&state, &ctx, row.slug).await?))
}

/// Answers to a quiz.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttemptBody {
    /// Question key → the keys of the options picked.
    #[schema(value_type = std::collections::HashMap<String, Vec<String>>)]
    pub answers: Answers,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedDto {
    pub question: String,
    pub right: bool,
    /// The feedback of the options picked.
    pub feedback: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptDto {
    /// 1 for the first.
    pub number: i32,
    /// The course version it was made in.
    pub version: i32,
    /// Percent.
    pub score: i32,
    pub passed: bool,
    pub created_at: String,
    #[schema(value_type = std::collections::HashMap<String, Vec<String>>)]
    pub answers: Answers,
    /// Each question marked (absent when the quiz changed since).
    pub marked: Option<Vec<MarkedDto>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptResultDto {
    pub attempt: AttemptDto,
    /// What it finished, if it passed and so finished the lesson.
    pub finished: Option<FinishedDto>,
}

/// Your attempts at a lesson's quiz, graded, first first.
async fn history(
    state: &AppState,
    f: &Following,
    user: lyceum_domain::UserId,
    key: &str,
) -> Result<Vec<AttemptDto>, AppError> {
    let quiz = f.lesson(key)?.quiz.clone().ok_or(AppError::NotFound)?;
    let (course, k) = (f.row.id, key.to_string());
    let rows = state
        .db
        .read(move |c| learning::attempt_history(c, user, course, &k))
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| {
            let answers: Answers = serde_json::from_str(&a.answers).unwrap_or_default();
            let marked = quiz.grade(&answers).ok().map(|g| {
                g.questions
                    .into_iter()
                    .map(|m| MarkedDto {
                        question: m.key,
                        right: m.right,
                        feedback: m.feedback,
                    })
                    .collect()
            });
            AttemptDto {
                number: a.attempt,
                version: a.version,
                score: a.score,
                passed: a.passed,
                created_at: time(a.created_at),
                answers,
                marked,
            }
        })
        .collect())
}

/// Your graded attempts at a lesson's quiz (404 when you are not enrolled
/// or the lesson has no quiz).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/attempts", tag = "learning",
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 200, body = Vec<AttemptDto>), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn attempts(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Json<Vec<AttemptDto>>, AppError> {
    let me = &ctx.require_user()?.actor;
    let f = actions::followed_by(&state, me, slug).await?;
    if f.enrolment.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(Json(history(&state, &f, me.user_id, &key).await?))
}

/// Answers a lesson's quiz: graded and recorded (a pass finishes the
/// lesson). Answers of the wrong shape are refused (422, naming the
/// question) and count as no attempt; 403 when you are not enrolled, the
/// lesson is finished, or no attempts are left.
#[utoipa::path(post, path = "/api/v1/courses/{slug}/lessons/{lesson_key}/attempts", tag = "learning",
    request_body = AttemptBody,
    params(("slug" = String, Path), ("lesson_key" = String, Path)),
    responses((status = 201, body = AttemptResultDto), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn attempt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, key)): Path<(String, String)>,
    ApiJson(body): ApiJson<AttemptBody>,
) -> Result<(StatusCode, Json<AttemptResultDto>), AppError> {
    let me = &ctx.require_user()?.actor;
    let f = actions::followed_by(&state, me, slug).await?;
    let finished = match actions::attempt(&state, me, &f, &key, &body.answers).await? {
        Attempted::AlreadyFinished => return Err(AppError::Forbidden),
        Attempted::Refused(invalid) => return Err(AppError::Invalid(invalid)),
        Attempted::Graded(_, finished) => finished,
    };
    let latest = history(&state, &f, me.user_id, &key)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("an attempt recorded but not found"))?;
    Ok((
        StatusCode::CREATED,
        Json(AttemptResultDto {
            attempt: latest,
            finished: finished.map(FinishedDto::from),
        }),
    ))
}
