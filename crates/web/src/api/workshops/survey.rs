//! Surveys after sessions over the API: a session's survey as you may
//! answer it, answering it, and an offering's results for those who lead
//! it — through the same functions as the pages (`crate::survey_actions`).
//! Results never name anyone, and nothing is shown below the threshold.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use crate::survey_actions as actions;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_domain::i18n::{Lang, catalogue};
use lyceum_domain::workshop::survey::{MIN_ANSWERS, POINTS, Questions, Results};
use lyceum_domain::{OfferingId, SessionId, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(survey, answer, results))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(
        GET,
        "/v1/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
        survey,
    )
    .add(
        POST,
        "/v1/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
        answer,
    )
    .add(
        GET,
        "/v1/offerings/{offering_id}/survey-results",
        SignedIn,
        results,
    )
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// The statements and free-text question, in the language of
/// `Accept-Language` for the default ones.
fn texts(q: &Questions, lang: Lang) -> (Vec<String>, Option<String>) {
    q.texts(|k| catalogue().text(lang, k))
}

fn scale(lang: Lang) -> Vec<String> {
    (1..=POINTS)
        .map(|p| catalogue().text(lang, &format!("survey-point-{p}")))
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyDto {
    pub offering_id: i64,
    pub session_id: i64,
    pub session_starts_at: String,
    /// Each rated 1 (strongly disagree) to 5 (strongly agree), in order.
    pub statements: Vec<String>,
    /// The scale's five labels, 1 to 5.
    pub scale: Vec<String>,
    /// The free-text question; null for none.
    pub free_text: Option<String>,
    /// You may answer now.
    pub may_answer: bool,
    /// Why not, when you may not: `survey-not-yet` (the session has not
    /// ended), `survey-not-attended`, `survey-answered`, `survey-cancelled`.
    pub refusal: Option<String>,
}

/// A session's survey as you may answer it.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}/sessions/{session_id}/survey", tag = "workshops",
    params(("offering_id" = i64, Path), ("session_id" = i64, Path)),
    responses((status = 200, body = SurveyDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn survey(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((offering, session)): Path<(OfferingId, SessionId)>,
) -> Result<Json<SurveyDto>, AppError> {
    let me = ctx.require_user()?;
    let s = actions::session_survey(&state, me, offering, session).await?;
    let (statements, free_text) = texts(&s.questions, ctx.lang);
    Ok(Json(SurveyDto {
        offering_id: offering.0,
        session_id: session.0,
        session_starts_at: time(s.session.starts_at),
        statements,
        scale: scale(ctx.lang),
        free_text,
        may_answer: s.refusal.is_none(),
        refusal: s.refusal.map(|r| r.code().to_string()),
    }))
}

/// An answer: one point per statement, in order; the comment optional.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// 1 (strongly disagree) to 5 (strongly agree), one per statement.
    pub ratings: Vec<i64>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// Answers a session's survey, once, after it ended, if you attended it.
/// Stored without you: nobody can tie it to you.
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/sessions/{session_id}/survey", tag = "workshops",
    request_body = AnswerBody,
    params(("offering_id" = i64, Path), ("session_id" = i64, Path)),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "Refused: field `survey` says why, or a `rating-<n>` or `comment` is wrong")),
    security(("bearer" = [])))]
pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((offering, session)): Path<(OfferingId, SessionId)>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> Result<StatusCode, AppError> {
    let me = ctx.require_user()?;
    let ratings = body.ratings.iter().map(|r| Some(r.to_string())).collect();
    let comment = body.comment.unwrap_or_default();
    match actions::answer(&state, me, offering, session, ratings, comment).await? {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ItemResultDto {
    pub statement: String,
    /// People who chose each point, 1 to 5.
    pub counts: Vec<u32>,
    pub mean: f64,
}

/// One set of results. Below the threshold, `shown` is false and nothing
/// else is given, not even how many answered.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultSetDto {
    pub shown: bool,
    pub answers: Option<i64>,
    pub items: Vec<ItemResultDto>,
    /// The free-text answers that are not empty, in no meaningful order.
    pub comments: Vec<String>,
}

fn result_set(r: &Results, statements: &[String]) -> ResultSetDto {
    match r {
        Results::TooFew => ResultSetDto {
            shown: false,
            answers: None,
            items: Vec::new(),
            comments: Vec::new(),
        },
        Results::Shown {
            answers,
            items,
            comments,
        } => ResultSetDto {
            shown: true,
            answers: Some(*answers as i64),
            items: statements
                .iter()
                .zip(items)
                .map(|(s, i)| ItemResultDto {
                    statement: s.clone(),
                    counts: i.counts.to_vec(),
                    mean: (i.mean * 100.0).round() / 100.0,
                })
                .collect(),
            comments: comments.clone(),
        },
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResultsDto {
    pub session_id: i64,
    pub starts_at: String,
    pub results: ResultSetDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyResultsDto {
    pub offering_id: i64,
    /// Fewest answers whose results are shown.
    pub min_answers: i64,
    pub statements: Vec<String>,
    pub free_text: Option<String>,
    /// Over the sessions whose own results are shown (so no hidden
    /// session's answers can be worked out from the whole).
    pub overall: ResultSetDto,
    pub sessions: Vec<SessionResultsDto>,
}

/// An offering's survey results, per session and overall: for its
/// facilitators and those who manage it.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}/survey-results", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 200, body = SurveyResultsDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(offering): Path<OfferingId>,
) -> Result<Json<SurveyResultsDto>, AppError> {
    let me = ctx.require_user()?;
    let r = actions::results(&state, me, offering).await?;
    let (statements, free_text) = texts(&r.questions, ctx.lang);
    Ok(Json(SurveyResultsDto {
        offering_id: offering.0,
        min_answers: MIN_ANSWERS as i64,
        overall: result_set(&r.overall, &statements),
        sessions: r
            .sessions
            .iter()
            .map(|(s, res)| SessionResultsDto {
                session_id: s.id.0,
                starts_at: time(s.starts_at),
                results: result_set(res, &statements),
            })
            .collect(),
        statements,
        free_text,
    }))
}
