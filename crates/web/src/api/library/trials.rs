//! The practice library in the API: trial reports — a practice's reports
//! (paged), its summary, your own report, and filing or updating it —
//! through the same functions and checks as the pages
//! (`crate::trial_actions`). Errors name the field as the form does.

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::routes::{GET, PUT, Routes};
use crate::state::AppState;
use crate::trial_actions::{self as actions, PER_PAGE};
use axum::Json;
use axum::extract::{Path, Query, State};
use lyceum_db::library::trials::{Filed, ReportRow};
use lyceum_domain::PracticeId;
use lyceum_domain::library::trial::{TrialInput, effect_size_text};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(list, summary, mine, put_mine))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/practices/{practice_id}/trials", SignedIn, list)
        .add(
            GET,
            "/v1/practices/{practice_id}/trials/summary",
            SignedIn,
            summary,
        )
        .add(
            GET,
            "/v1/practices/{practice_id}/trials/mine",
            SignedIn,
            mine,
        )
        .add(
            PUT,
            "/v1/practices/{practice_id}/trials/mine",
            SignedIn,
            put_mine,
        )
}

/// One trial report.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrialDto {
    pub id: i64,
    pub practice_id: i64,
    /// The practice's version it was filed on.
    pub version: i32,
    /// The reporter's display name; null once their account is gone.
    pub reporter: Option<String>,
    /// It is yours.
    pub mine: bool,
    /// `subject` code (`math`, `ela`, …).
    pub subject: String,
    /// `grade_band` code (`k-2`, `3-5`, `6-8`, `9-12`, …).
    pub grade_band: String,
    /// The school's NCES locale (`city`, `suburb`, `town`, `rural`); null if unknown.
    pub locale: Option<String>,
    pub title_i: Option<bool>,
    pub students: u32,
    pub periods: u32,
    /// `as_written`, `adapted` or `loosely`.
    pub fidelity: String,
    pub happened: String,
    pub would_change: String,
    pub use_again: bool,
    /// `none`, `pre_post`, `correlational`, `comparison` or `randomised`.
    pub design: String,
    pub controls_for_selection: bool,
    pub sample_size: Option<u32>,
    pub comparison_size: Option<u32>,
    pub sites: Option<u32>,
    pub measure: Option<String>,
    /// `positive`, `none` or `negative`.
    pub effect_direction: Option<String>,
    /// A standardised effect size, as a decimal string (`0.25`).
    pub effect_size: Option<String>,
    pub significant: Option<bool>,
    pub created_at: String,
    pub updated_at: String,
}

fn dto(r: &ReportRow, me: lyceum_domain::UserId) -> TrialDto {
    let rep = &r.report;
    let e = &rep.evidence;
    TrialDto {
        id: r.id.0,
        practice_id: r.practice.0,
        version: r.version,
        reporter: r.reporter_name.clone(),
        mine: r.reporter == Some(me),
        subject: rep.context.subject.as_str().into(),
        grade_band: rep.context.grade_band.as_str().into(),
        locale: rep.context.locale.map(|l| l.as_str().into()),
        title_i: rep.context.title_i,
        students: rep.students,
        periods: rep.periods,
        fidelity: rep.fidelity.as_str().into(),
        happened: rep.happened.clone(),
        would_change: rep.would_change.clone(),
        use_again: rep.use_again,
        design: e.design.as_str().into(),
        controls_for_selection: e.controls_for_selection,
        sample_size: e.sample_size,
        comparison_size: e.comparison_size,
        sites: e.sites,
        measure: e.measure.clone(),
        effect_direction: e.effect_direction.map(|d| d.as_str().into()),
        effect_size: e.effect_size_centi.map(effect_size_text),
        significant: e.significant,
        created_at: r.created_at.to_rfc3339(),
        updated_at: r.updated_at.to_rfc3339(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrialPageDto {
    pub reports: Vec<TrialDto>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<i64>,
}

/// A published practice's trial reports, newest first, paged.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/trials", tag = "library",
    params(("practice_id" = i64, Path), ("page" = Option<i64>, Query, description = "From 1")),
    responses((status = 200, body = TrialPageDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    Query(q): Query<PageQuery>,
) -> Result<Json<TrialPageDto>, AppError> {
    let me = ctx.require_user()?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let (_, rows, total) = actions::list(&state, me, id, page).await?;
    let who = me.user.id();
    Ok(Json(TrialPageDto {
        reports: rows.iter().map(|r| dto(r, who)).collect(),
        page,
        per_page: PER_PAGE,
        total,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrialSummaryDto {
    pub classrooms: i64,
    pub states: i64,
    pub rural: i64,
    pub title_i: i64,
    pub use_again: i64,
    /// The sentence pages show, in the language of `Accept-Language`.
    pub sentence: String,
    /// The latest three.
    pub latest: Vec<TrialDto>,
}

/// A published practice's reports in a few numbers, and the latest three.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/trials/summary", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = TrialSummaryDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn summary(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
) -> Result<Json<TrialSummaryDto>, AppError> {
    let me = ctx.require_user()?;
    let view = actions::published(&state, me, id).await?;
    let s = actions::summary(&state, &view.practice).await?;
    let who = me.user.id();
    Ok(Json(TrialSummaryDto {
        classrooms: s.classrooms,
        states: s.states,
        rural: s.rural,
        title_i: s.title_i,
        use_again: s.use_again,
        sentence: actions::summary_sentence(&s, ctx.lang),
        latest: s.latest.iter().map(|r| dto(r, who)).collect(),
    }))
}

/// Your report on the practice's current version; 404 if you filed none.
#[utoipa::path(get, path = "/api/v1/practices/{practice_id}/trials/mine", tag = "library",
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = TrialDto), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
) -> Result<Json<TrialDto>, AppError> {
    let me = ctx.require_user()?;
    let (_, row) = actions::mine(&state, me, id).await?;
    let row = row.ok_or(AppError::NotFound)?;
    Ok(Json(dto(&row, me.user.id())))
}

/// A report as sent: your classroom's school, state, locale and Title I
/// come from your profile and school, never from the body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrialBody {
    /// One of your profile's subjects (any, when your profile has none).
    pub subject: String,
    pub grade_band: String,
    pub students: i64,
    pub periods: i64,
    /// `as_written`, `adapted` or `loosely`.
    pub fidelity: String,
    pub happened: String,
    #[serde(default)]
    pub would_change: Option<String>,
    pub use_again: bool,
    /// `none` (the default), `pre_post`, `correlational`, `comparison` or `randomised`.
    #[serde(default)]
    pub design: Option<String>,
    #[serde(default)]
    pub controls_for_selection: Option<bool>,
    #[serde(default)]
    pub sample_size: Option<i64>,
    #[serde(default)]
    pub comparison_size: Option<i64>,
    #[serde(default)]
    pub sites: Option<i64>,
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(default)]
    pub effect_direction: Option<String>,
    /// From -5.00 to 5.00, in hundredths at most.
    #[serde(default)]
    pub effect_size: Option<f64>,
    #[serde(default)]
    pub significant: Option<bool>,
}

impl TrialBody {
    fn input(self) -> TrialInput {
        let n = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
        TrialInput {
            subject: self.subject,
            grade_band: self.grade_band,
            students: self.students.to_string(),
            periods: self.periods.to_string(),
            fidelity: self.fidelity,
            happened: self.happened,
            would_change: self.would_change.unwrap_or_default(),
            use_again: yn(self.use_again),
            design: self.design.unwrap_or_else(|| "none".into()),
            controls_for_selection: self
                .controls_for_selection
                .filter(|c| *c)
                .map(|_| "on".into()),
            sample_size: n(self.sample_size),
            comparison_size: n(self.comparison_size),
            sites: n(self.sites),
            measure: self.measure.unwrap_or_default(),
            effect_direction: self.effect_direction.unwrap_or_default(),
            effect_size: self.effect_size.map(|f| f.to_string()).unwrap_or_default(),
            significant: self.significant.map(yn).unwrap_or_default(),
        }
    }
}

/// Files your report on the practice's current version, or updates yours
/// on it; answers with the report as stored.
#[utoipa::path(put, path = "/api/v1/practices/{practice_id}/trials/mine", tag = "library",
    request_body = TrialBody,
    params(("practice_id" = i64, Path)),
    responses((status = 200, body = TrialDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody, description = "Refused: each field at fault named")),
    security(("bearer" = [])))]
pub async fn put_mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PracticeId>,
    ApiJson(body): ApiJson<TrialBody>,
) -> Result<Json<TrialDto>, AppError> {
    let me = ctx.require_user()?;
    match actions::file(&state, me, id, body.input()).await? {
        Ok(Filed::New(_) | Filed::Updated(_)) => {
            let (_, row) = actions::mine(&state, me, id).await?;
            let row = row.ok_or(AppError::NotFound)?;
            Ok(Json(dto(&row, me.user.id())))
        }
        Err(invalid) => Err(AppError::Invalid(invalid)),
    }
}
