//! "My learning" over the API: what `/learning` shows.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::my_learning;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use lyceum_db::learning::Progress;
use lyceum_domain::{Timestamp, paths};
use serde::Serialize;
use utoipa::ToSchema;

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// A course you follow and how far you are.
#[derive(Debug, Serialize, ToSchema)]
pub struct CourseLineDto {
    pub course_slug: String,
    pub course_title: String,
    /// `en` or `es`.
    pub language: String,
    /// Lessons in the version you follow.
    pub lessons: i64,
    pub lessons_done: i64,
    /// The first lesson not finished yet, in the course's order.
    pub next_lesson: Option<String>,
    /// Your hand-ins waiting for review.
    pub hand_ins_waiting: i64,
    /// Tasks whose latest hand-in was sent back.
    pub hand_ins_returned: i64,
    pub completed_at: Option<String>,
}

impl From<&Progress> for CourseLineDto {
    fn from(p: &Progress) -> Self {
        CourseLineDto {
            course_slug: p.slug.clone(),
            course_title: p.title.clone(),
            language: p.language.clone(),
            lessons: p.lessons,
            lessons_done: p.done,
            next_lesson: p.next_key.clone(),
            hand_ins_waiting: p.waiting,
            hand_ins_returned: p.returned,
            completed_at: p.completed_at.map(time),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyCertificateDto {
    pub code: String,
    pub course_title: String,
    pub language: String,
    pub issued_at: String,
    /// Where anyone can verify it.
    pub verify_path: String,
    pub revoked: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyHandInDto {
    pub id: i64,
    pub course_slug: String,
    pub course_title: String,
    pub lesson_key: String,
    pub lesson_title: Option<String>,
    /// `submitted` (waiting for review), `accepted` or `returned`.
    pub status: String,
    pub submitted_at: String,
    pub reviewed_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyLearningDto {
    /// Most recently active first.
    pub in_progress: Vec<CourseLineDto>,
    pub completed: Vec<CourseLineDto>,
    /// Newest first.
    pub certificates: Vec<MyCertificateDto>,
    /// Newest first.
    pub hand_ins: Vec<MyHandInDto>,
}

/// Your courses in progress and completed, certificates and hand-ins.
#[utoipa::path(get, path = "/api/v1/me/learning", tag = "me",
    responses((status = 200, body = MyLearningDto), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<MyLearningDto>, AppError> {
    let me = ctx.require_user()?.user.id();
    let m = my_learning::of(&state, me).await?;
    Ok(Json(MyLearningDto {
        in_progress: m.in_progress.iter().map(CourseLineDto::from).collect(),
        completed: m.completed.iter().map(CourseLineDto::from).collect(),
        certificates: m
            .certificates
            .iter()
            .map(|c| MyCertificateDto {
                code: c.code.clone(),
                course_title: c.course_title.clone(),
                language: c.course_language.clone(),
                issued_at: time(c.issued_at),
                verify_path: paths::certificate(&c.code),
                revoked: c.revoked_at.is_some(),
            })
            .collect(),
        hand_ins: m
            .hand_ins
            .iter()
            .map(|h| MyHandInDto {
                id: h.id.0,
                course_slug: h.course_slug.clone(),
                course_title: h.course_title.clone(),
                lesson_key: h.lesson_key.clone(),
                lesson_title: h.lesson_title.clone(),
                status: h.status.as_str().into(),
                submitted_at: time(h.submitted_at),
                reviewed_at: h.reviewed_at.map(time),
            })
            .collect(),
    }))
}
