//! Programme analytics in the API: `GET /api/v1/analytics` (one
//! organisation's dashboard, every count as the reader may see it),
//! `GET /api/v1/analytics.csv` (the same numbers as CSV) and `GET/PUT
//! /api/v1/analytics/goal` — through the same functions as the pages
//! (`crate::analytics_actions`).

use crate::analytics_actions::{self as actions, Dashboard, DashboardQuery};
use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, HtmlQuery};
use crate::gate::Access::SignedIn;
use crate::routes::{GET, PUT, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use lyceum_domain::analytics::goal::{Goal, GoalInput};
use lyceum_domain::disclosure::Cell;
use lyceum_domain::policy::AnalyticsView;
use lyceum_domain::validation::{FieldError, Invalid};
use serde::Serialize;
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(show, csv, goal, set_goal),
    tags((name = "analytics", description = "Programme reach, the learning funnel and equity, \
        from stored rollups; small counts suppressed outside the programme team"))
)]
pub struct Doc;

/// Registered relative to `/api`. Signed in at the gate; who reads which
/// organisation is asked by `analytics_actions` (403 for anyone who reads
/// none).
pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/analytics", SignedIn, show)
        .add(GET, "/v1/analytics.csv", SignedIn, csv)
        .add(GET, "/v1/analytics/goal", SignedIn, goal)
        .add(PUT, "/v1/analytics/goal", SignedIn, set_goal)
}

/// A count as published: `n` is null when it is not (`text` says `<10` for
/// a count under ten, `suppressed` for one withheld so that no small count
/// can be worked out).
#[derive(Debug, Serialize, ToSchema)]
pub struct CountDto {
    pub n: Option<u64>,
    pub text: String,
}

impl From<Cell> for CountDto {
    fn from(c: Cell) -> Self {
        CountDto {
            n: match c {
                Cell::Shown(n) => Some(n),
                _ => None,
            },
            text: c.text(),
        }
    }
}

/// One step of the funnel: people who took it first in each school year
/// (as `years`), and to date.
#[derive(Debug, Serialize, ToSchema)]
pub struct FunnelStepDto {
    /// `registered`, `started`, `completed`, `certified`, `shared` (and the
    /// goal's measure when it is none of these: `attended`, `pd-hours`).
    pub step: String,
    pub by_year: Vec<CountDto>,
    pub to_date: CountDto,
}

/// One segment: its educators, those reached, and the share in percent
/// (null unless both are published).
#[derive(Debug, Serialize, ToSchema)]
pub struct SegmentDto {
    pub value: String,
    pub educators: CountDto,
    pub reached: CountDto,
    pub rate: Option<f64>,
}

/// The widest gap of one dimension: the least reached known segment's
/// rate as a percentage of the best's.
#[derive(Debug, Serialize, ToSchema)]
pub struct GapDto {
    pub worst: String,
    pub best: String,
    pub ratio: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DimensionDto {
    /// `locale`, `title-i`, `poverty`, `experience`.
    pub dimension: String,
    pub segments: Vec<SegmentDto>,
    pub gap: Option<GapDto>,
}

/// An organisation directly below, with its own dashboard when `opens`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BelowDto {
    pub org_id: i64,
    pub name: String,
    pub educators: CountDto,
    pub reached: CountDto,
    pub rate: Option<f64>,
    pub opens: bool,
}

/// The goal as set (or the default), and how the programme stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalDto {
    pub target: u32,
    pub first_year: i32,
    /// Educators reached in total by the end of each school year from `first_year`.
    pub milestones: Vec<u32>,
    /// `completed`, `certified`, `attended` or `pd-hours`.
    pub reached_by: String,
    /// Set by a programme admin (false: the default).
    pub set: bool,
}

impl GoalDto {
    fn of(g: &Goal, set: bool) -> Self {
        GoalDto {
            target: g.target,
            first_year: g.first_year,
            milestones: g.milestones.clone(),
            reached_by: g.reached_by.as_str().into(),
            set,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoalProgressDto {
    pub goal: GoalDto,
    pub reached: CountDto,
    /// Null before the first year or after the last, or when not published.
    pub on_track: Option<bool>,
    /// `YYYY-MM` the goal is reached at the last twelve months' pace
    /// (`reached` when it is, null when no date can be projected or for
    /// readers outside the programme team).
    pub projected: Option<String>,
}

/// One organisation's dashboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardDto {
    pub org_id: i64,
    pub name: String,
    /// `exact` (the programme team) or `suppressed`.
    pub view: String,
    pub reached_by: String,
    /// School years, by the year each starts (2026 is July 2026 to June 2027).
    pub years: Vec<i32>,
    pub funnel: Vec<FunnelStepDto>,
    pub dimensions: Vec<DimensionDto>,
    pub below: Vec<BelowDto>,
    /// People at the organisation itself, not at one below: educators, reached.
    pub here: Option<Vec<CountDto>>,
    pub goal: Option<GoalProgressDto>,
    /// When the counts were read (UTC, RFC 3339).
    pub as_of: String,
    /// Changes since then are still being counted; null when none wait.
    pub waiting_since: Option<String>,
}

impl From<&Dashboard> for DashboardDto {
    fn from(d: &Dashboard) -> Self {
        use lyceum_domain::analytics::goal::Projection;
        DashboardDto {
            org_id: d.org.0,
            name: d.org_name.clone(),
            view: match d.view {
                AnalyticsView::Exact => "exact",
                AnalyticsView::Suppressed => "suppressed",
            }
            .into(),
            reached_by: d.reached_by.as_str().into(),
            years: d.years.clone(),
            funnel: d
                .funnel
                .iter()
                .map(|f| FunnelStepDto {
                    step: f.milestone.as_str().into(),
                    by_year: f.years.iter().map(|c| (*c).into()).collect(),
                    to_date: f.to_date.into(),
                })
                .collect(),
            dimensions: d
                .segments
                .iter()
                .map(|t| DimensionDto {
                    dimension: t.dimension.as_str().into(),
                    segments: t
                        .rows
                        .iter()
                        .map(|r| SegmentDto {
                            value: r.value.into(),
                            educators: r.educators.into(),
                            reached: r.reached.into(),
                            rate: r.rate,
                        })
                        .collect(),
                    gap: t.gap.map(|(w, b, ratio)| GapDto {
                        worst: w.into(),
                        best: b.into(),
                        ratio,
                    }),
                })
                .collect(),
            below: d
                .children
                .iter()
                .map(|c| BelowDto {
                    org_id: c.id.0,
                    name: c.name.clone(),
                    educators: c.educators.into(),
                    reached: c.reached.into(),
                    rate: c.rate,
                    opens: c.opens,
                })
                .collect(),
            here: d.here.map(|(e, r)| vec![e.into(), r.into()]),
            goal: d.goal.as_ref().map(|g| GoalProgressDto {
                goal: GoalDto::of(&g.goal, g.set),
                reached: g.reached.into(),
                on_track: g.on_track,
                projected: match &g.projection {
                    Some(Projection::At(m)) => Some(m.clone()),
                    Some(Projection::Reached) => Some("reached".into()),
                    _ => None,
                },
            }),
            as_of: d.as_of.to_rfc3339(),
            waiting_since: d.waiting_since.map(|t| t.to_rfc3339()),
        }
    }
}

/// One organisation's dashboard: the goal (the programme's only), the
/// funnel by school year, reach by segment, the organisations below.
/// Programme admins see every count; organisation admins (their subtrees)
/// and researchers (the programme and its states) see counts under ten as
/// `<10`, with complementary suppression. 403 for anyone else; 422 on
/// `org` for an organisation one may not read, or none.
#[utoipa::path(get, path = "/api/v1/analytics", tag = "analytics",
    params(DashboardQuery),
    responses((status = 200, body = DashboardDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<DashboardQuery>,
) -> Result<Json<DashboardDto>, AppError> {
    let user = ctx.require_user()?;
    let d = actions::dashboard(&state, user, &q)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json((&d).into()))
}

/// The dashboard's numbers as CSV (section, dimension, label, school year,
/// count), published as in the JSON.
#[utoipa::path(get, path = "/api/v1/analytics.csv", tag = "analytics",
    params(DashboardQuery),
    responses((status = 200, content_type = "text/csv", body = String),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<DashboardQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let d = actions::dashboard(&state, user, &q)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(actions::csv_response(&d))
}

/// The programme's goal (as set, or the default). Those who read any
/// analytics; 403 for anyone else.
#[utoipa::path(get, path = "/api/v1/analytics/goal", tag = "analytics",
    responses((status = 200, body = GoalDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn goal(State(state): State<AppState>, ctx: Ctx) -> Result<Json<GoalDto>, AppError> {
    let user = ctx.require_user()?;
    let (g, set) = actions::goal(&state, user).await?;
    Ok(Json(GoalDto::of(&g, set)))
}

/// The goal as a body sends it: every field required, nothing else.
#[derive(Debug, serde::Deserialize, ToSchema)]
// The body's schema for the document: `parse_body` reads it by hand.
#[allow(dead_code)]
pub struct GoalBody {
    pub target: u32,
    pub first_year: i32,
    pub milestones: Vec<u32>,
    /// `completed`, `certified`, `attended` or `pd-hours`.
    pub reached_by: String,
}

/// The body read into the goal's form: numbers as numbers, the
/// definition as a string; a wrong type or an unknown field refused by name.
pub fn parse_body(v: &Value) -> Result<GoalInput, Invalid> {
    let Some(obj) = v.as_object() else {
        return Err(Invalid::one("body", "not-an-object"));
    };
    let mut inv = Invalid::new();
    for key in obj.keys() {
        if !["target", "first_year", "milestones", "reached_by"].contains(&key.as_str()) {
            inv.push(FieldError::new(key.as_str(), "unknown-field").with_arg("field", key));
        }
    }
    let number = |inv: &mut Invalid, field: &str, v: Option<&Value>| -> String {
        match v {
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => {
                inv.add(field, "not-a-number");
                String::new()
            }
            None => {
                inv.add(field, "required");
                String::new()
            }
        }
    };
    let target = number(&mut inv, "target", obj.get("target"));
    let first_year = number(&mut inv, "first_year", obj.get("first_year"));
    let milestones = match obj.get("milestones") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, m)| number(&mut inv, &format!("milestones-{}", i + 1), Some(m)))
            .collect(),
        Some(_) => {
            inv.add("milestones", "not-a-list");
            Vec::new()
        }
        None => {
            inv.add("milestones", "required");
            Vec::new()
        }
    };
    let reached_by = match obj.get("reached_by") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            inv.add("reached_by", "choose-one");
            String::new()
        }
        None => {
            inv.add("reached_by", "required");
            String::new()
        }
    };
    inv.into_result()?;
    Ok(GoalInput {
        target,
        first_year,
        milestones,
        reached_by,
    })
}

/// Sets the programme's goal and answers with it. Programme admins only
/// (403 for anyone else, before the body is looked at). 422 names each
/// field wrong: `target`, `first_year`, `milestones` or `milestones-<n>`
/// (from 1), `reached_by`, any field not listed. Audited with old and new.
#[utoipa::path(put, path = "/api/v1/analytics/goal", tag = "analytics",
    request_body = GoalBody,
    responses((status = 200, body = GoalDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<GoalDto>, AppError> {
    let user = ctx.require_user()?;
    if !crate::programme_settings_actions::manages(&user.actor) {
        return Err(AppError::Forbidden);
    }
    let input = parse_body(&body).map_err(AppError::Invalid)?;
    actions::set_goal(&state, user, &input)
        .await?
        .map_err(AppError::Invalid)?;
    let (g, set) = actions::goal(&state, user).await?;
    Ok(Json(GoalDto::of(&g, set)))
}
