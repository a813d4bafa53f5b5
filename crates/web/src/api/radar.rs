//! The challenge radar in the API: filing a report, one's own reports, the
//! triage queue, one report, triage, merging, and the radar's counts
//! (suppressed as on the page) — through the same functions as the pages
//! (`crate::radar_actions`). An anonymous report's reporter is never in
//! an answer but a programme admin's.

use crate::api::dto::{CreatedDto, ErrorBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{ApiJson, HtmlQuery};
use crate::gate::Access::{Public, SignedIn};
use crate::radar_actions::{self as actions, AnswerShown, QueueQuery, RadarQuery, ReportView, Who};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_db::radar::{Report, Reporter};
use lyceum_domain::ChallengeId;
use lyceum_domain::radar::{ReportInput, TriageInput};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(file, mine, queue, show, triage, merge, radar, radar_csv),
    tags((name = "radar", description = "The challenge radar: reports of problems met with AI in class, their triage, and counts by month"))
)]
pub struct Doc;

/// Registered relative to `/api`, like the rest of the API.
pub fn routes(r: Routes) -> Routes {
    r.add(POST, "/v1/challenges", SignedIn, file)
        .add(GET, "/v1/challenges/mine", SignedIn, mine)
        .add(GET, "/v1/challenges/triage", SignedIn, queue)
        .add(GET, "/v1/challenges/{challenge_id}", SignedIn, show)
        .add(
            POST,
            "/v1/challenges/{challenge_id}/triage",
            SignedIn,
            triage,
        )
        .add(POST, "/v1/challenges/{challenge_id}/merge", SignedIn, merge)
        // Public to the gate: `radar_actions::radar_reader` lets in anyone
        // with a token, and anyone else only while the programme publishes
        // the radar (401 otherwise, as before).
        .add(GET, "/v1/radar", Public, radar)
        .add(GET, "/v1/radar.csv", Public, radar_csv)
}

/// Who filed a report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeReporterDto {
    pub id: i64,
    pub name: String,
}

/// What answered a report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeAnswerDto {
    /// `course`, `lesson`, `practice`, `resource` or `guidance`.
    pub kind: String,
    /// The course's (a lesson's course's), practice's or resource's id.
    pub id: Option<i64>,
    /// A lesson's key.
    pub lesson: Option<String>,
    /// Guidance written on the report.
    pub guidance: Option<String>,
    /// Where it is on the site.
    pub url: Option<String>,
    pub title: Option<String>,
}

impl From<AnswerShown> for ChallengeAnswerDto {
    fn from(a: AnswerShown) -> Self {
        ChallengeAnswerDto {
            kind: a.kind.as_str().into(),
            id: a.id,
            lesson: a.lesson,
            guidance: a.guidance,
            url: a.href,
            title: a.title,
        }
    }
}

/// A challenge report as you may read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeDto {
    pub id: i64,
    /// `academic-integrity`, `student-privacy`, `bias`, `wrong-answers`,
    /// `access-equity`, `workload`, `unclear-policy`, `student-wellbeing`, `other`.
    pub category: String,
    /// `nuisance`, `harms-learning`, `harms-student`.
    pub severity: String,
    /// The registry tool it names.
    pub tool_id: Option<i64>,
    pub subject: String,
    pub grade_band: String,
    pub happened: String,
    pub tried: String,
    /// `new`, `triaged`, `addressed`, `declined`.
    pub status: String,
    pub tags: Vec<String>,
    /// The month it counts in, `YYYY-MM`.
    pub month: String,
    /// The report it was merged into, as a duplicate.
    pub merged_into: Option<i64>,
    pub anonymous: bool,
    /// Who filed it: null when anonymous (programme admins alone see who)
    /// or when the account is gone.
    pub reporter: Option<ChallengeReporterDto>,
    /// Where it came from as you may know it: the school, or for an
    /// anonymous report the district above it. Null in lists.
    pub place: Option<String>,
    pub answer: Option<ChallengeAnswerDto>,
    /// You filed it.
    pub you_filed: bool,
    /// You triage it.
    pub you_triage: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl ChallengeDto {
    /// From a report in a list (one's own, or the queue): never an
    /// anonymous reporter.
    fn of(r: Report, you_filed: bool, you_triage: bool) -> Self {
        let (anonymous, reporter) = match &r.by {
            Reporter::Anonymous => (true, None),
            Reporter::Named { id, name } => (
                false,
                Some(ChallengeReporterDto {
                    id: id.0,
                    name: name.clone(),
                }),
            ),
            Reporter::Gone => (false, None),
        };
        ChallengeDto {
            id: r.id.0,
            category: r.category.as_str().into(),
            severity: r.severity.as_str().into(),
            tool_id: r.tool.map(|t| t.0),
            subject: r.subject.as_str().into(),
            grade_band: r.grade_band.as_str().into(),
            status: r.status.as_str().into(),
            merged_into: r.merged_into.map(|m| m.0),
            answer: r.answer.as_ref().map(|a| {
                let (kind, id, text) = a.parts();
                let lesson = matches!(a, lyceum_domain::radar::Answer::Lesson { .. });
                ChallengeAnswerDto {
                    kind: kind.as_str().into(),
                    id,
                    lesson: text.filter(|_| lesson).map(str::to_string),
                    guidance: text.filter(|_| !lesson).map(str::to_string),
                    url: None,
                    title: None,
                }
            }),
            created_at: r.created_at.to_rfc3339(),
            updated_at: r.updated_at.to_rfc3339(),
            month: r.month,
            tags: r.tags,
            happened: r.happened,
            tried: r.tried,
            anonymous,
            reporter,
            place: None,
            you_filed,
            you_triage,
        }
    }

    fn of_view(v: ReportView) -> Self {
        let reporter = match &v.who {
            Who::Named { id, name } | Who::AnonymousKnown { id, name } => {
                Some(ChallengeReporterDto {
                    id: id.0,
                    name: name.clone(),
                })
            }
            Who::Anonymous | Who::Gone => None,
        };
        let anonymous = matches!(v.who, Who::Anonymous | Who::AnonymousKnown { .. });
        let mut dto = ChallengeDto::of(v.report, v.own, v.triages);
        dto.anonymous = anonymous;
        dto.reporter = reporter;
        dto.place = v.place;
        dto.answer = v.answer.map(Into::into);
        dto
    }
}

/// A report to file.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengeBody {
    /// A category code (see `ChallengeDto.category`).
    pub category: String,
    /// `nuisance`, `harms-learning` or `harms-student`.
    pub severity: String,
    /// A registry tool's id, if it is about one.
    #[serde(default)]
    pub tool_id: Option<i64>,
    /// A subject code (`math`, `ela`, …).
    pub subject: String,
    /// `k-2`, `3-5`, `6-8` or `9-12`.
    pub grade_band: String,
    /// What happened, up to 5,000 characters.
    pub happened: String,
    /// What you tried, up to 5,000 characters.
    #[serde(default)]
    pub tried: Option<String>,
    /// Anonymous: only programme admins can ever learn who filed it.
    #[serde(default)]
    pub anonymous: bool,
}

/// Files a challenge report. 422 names the field (`category`, `severity`,
/// `tool` — `unknown-tool` for a tool not in the registry —, `subject`,
/// `grade_band`, `happened`, `tried`); nothing is saved then.
#[utoipa::path(post, path = "/api/v1/challenges", tag = "radar",
    request_body = ChallengeBody,
    responses((status = 201, body = CreatedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(b): ApiJson<ChallengeBody>,
) -> Result<(StatusCode, Json<CreatedDto>), AppError> {
    let user = ctx.require_user()?;
    let input = ReportInput {
        category: b.category,
        severity: b.severity,
        tool: b.tool_id.map(|t| t.to_string()).unwrap_or_default(),
        subject: b.subject,
        grade_band: b.grade_band,
        happened: b.happened,
        tried: b.tried.unwrap_or_default(),
        anonymous: b.anonymous.then(|| "on".to_string()),
    };
    let id = actions::file(&state, user, &input)
        .await?
        .map_err(AppError::Invalid)?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: id.0 })))
}

/// Your own reports, newest first (anonymous ones too: they are yours).
#[utoipa::path(get, path = "/api/v1/challenges/mine", tag = "radar",
    responses((status = 200, body = Vec<ChallengeDto>), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<ChallengeDto>>, AppError> {
    let user = ctx.require_user()?;
    let rows = actions::mine(&state, user).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ChallengeDto::of(r, true, false))
            .collect(),
    ))
}

/// A page of the triage queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeQueueDto {
    pub items: Vec<ChallengeDto>,
    /// Pass as `before` for the next page; null on the last.
    pub next_before: Option<i64>,
}

/// The reports you triage, newest first, 50 a page: everything for
/// programme admins, your subtrees' for org admins, nothing for anyone
/// else. Never an anonymous reporter. 422 on an unknown `status`,
/// `category` or `before`.
#[utoipa::path(get, path = "/api/v1/challenges/triage", tag = "radar",
    params(QueueQuery),
    responses((status = 200, body = ChallengeQueueDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<QueueQuery>,
) -> Result<Json<ChallengeQueueDto>, AppError> {
    let user = ctx.require_user()?;
    let (rows, next) = actions::queue(&state, user, &q)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(ChallengeQueueDto {
        items: rows
            .into_iter()
            .map(|r| ChallengeDto::of(r, false, true))
            .collect(),
        next_before: next.map(|n| n.0),
    }))
}

/// One report: 404 unless you filed it or triage it.
#[utoipa::path(get, path = "/api/v1/challenges/{challenge_id}", tag = "radar",
    params(("challenge_id" = i64, Path)),
    responses((status = 200, body = ChallengeDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<ChallengeDto>, AppError> {
    let v = actions::load(&state, ctx.require_user()?, ChallengeId(id)).await?;
    Ok(Json(ChallengeDto::of_view(v)))
}

/// A triage decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengeTriageBody {
    /// `new`, `triaged`, `addressed` or `declined` (new → triaged or
    /// declined; triaged → addressed or declined; addressed or declined →
    /// triaged).
    pub status: String,
    /// At most 5 tags of at most 40 characters; they replace the old ones.
    #[serde(default)]
    pub tags: Vec<String>,
    /// What answered it: `course`, `lesson`, `practice`, `resource`,
    /// `guidance`; required for `addressed`.
    #[serde(default)]
    pub answer: Option<String>,
    /// The course's (a lesson's course's), practice's or resource's id.
    #[serde(default)]
    pub answer_id: Option<i64>,
    /// The lesson's key, for `lesson`.
    #[serde(default)]
    pub lesson: Option<String>,
    /// The guidance, for `guidance`.
    #[serde(default)]
    pub guidance: Option<String>,
}

/// Triages a report: its status, tags and what answered it. Addressing it
/// tells its reporter in the app. 404 unless you triage it; 422 names the
/// field (`status` — `challenge-status-not-allowed` —, `tags`, `answer`,
/// `answer_id` — `unknown-answer` —, `lesson`, `guidance`).
#[utoipa::path(post, path = "/api/v1/challenges/{challenge_id}/triage", tag = "radar",
    params(("challenge_id" = i64, Path)), request_body = ChallengeTriageBody,
    responses((status = 200, body = ChallengeDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn triage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ChallengeTriageBody>,
) -> Result<Json<ChallengeDto>, AppError> {
    let user = ctx.require_user()?;
    let id = ChallengeId(id);
    let input = TriageInput {
        status: b.status,
        tags: b.tags.join(","),
        answer: b.answer.unwrap_or_default(),
        answer_id: b.answer_id.map(|i| i.to_string()).unwrap_or_default(),
        lesson: b.lesson.unwrap_or_default(),
        guidance: b.guidance.unwrap_or_default(),
    };
    actions::triage(&state, user, id, &input)
        .await?
        .map_err(AppError::Invalid)?;
    let v = actions::load(&state, user, id).await?;
    Ok(Json(ChallengeDto::of_view(v)))
}

/// The report a duplicate is merged into.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengeMergeBody {
    /// The report's id.
    pub into: i64,
}

/// Merges a report into another as its duplicate: it leaves the queue and
/// stops counting on the radar. 404 unless you triage it; 422 on `into`
/// (`challenge-merge-itself`, `challenge-merged-already`,
/// `unknown-challenge`) or `report` (already merged).
#[utoipa::path(post, path = "/api/v1/challenges/{challenge_id}/merge", tag = "radar",
    params(("challenge_id" = i64, Path)), request_body = ChallengeMergeBody,
    responses((status = 204, description = "Merged"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ChallengeMergeBody>,
) -> Result<StatusCode, AppError> {
    actions::merge(
        &state,
        ctx.require_user()?,
        ChallengeId(id),
        &b.into.to_string(),
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// One dimension's counts by month.
#[derive(Debug, Serialize, ToSchema)]
pub struct RadarTableDto {
    /// `category`, `grade-band`, `locale` or `title-i`.
    pub dimension: String,
    /// The values' codes, one per row.
    pub rows: Vec<String>,
    /// `cells[row][month]`: a count, `<10` (under ten, zero included) or
    /// `suppressed` (ten or more, hidden so no small count can be worked
    /// out from the totals). Exact for programme admins.
    pub cells: Vec<Vec<String>>,
    pub row_totals: Vec<String>,
    pub month_totals: Vec<String>,
    pub total: String,
}

/// An addressed report as the radar lists it (never who filed it).
#[derive(Debug, Serialize, ToSchema)]
pub struct RadarAddressedDto {
    pub category: String,
    pub month: String,
    pub answer: Option<ChallengeAnswerDto>,
}

/// The radar of one scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct RadarDto {
    pub org_id: i64,
    pub org_name: String,
    /// Exact counts (programme admins); otherwise suppressed.
    pub exact: bool,
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    pub tables: Vec<RadarTableDto>,
    pub addressed: Vec<RadarAddressedDto>,
}

/// The radar: reports by category, grade band, school locale and Title I
/// status, by month, from the stored counts; and the newest addressed
/// reports with what answered them. Every count under ten is `<10` outside
/// the programme team, and no total lets one be worked out. `org`: a
/// subtree you administer (programme admins: any); 422 otherwise.
///
/// Without a token: the programme-wide radar, suppressed, with no `url`
/// in answers — only while a programme admin publishes the radar
/// (`GET /api/v1/programme/settings`, `public_radar`); 401 otherwise.
#[utoipa::path(get, path = "/api/v1/radar", tag = "radar",
    params(RadarQuery),
    responses((status = 200, body = RadarDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security((), ("bearer" = [])))]
pub async fn radar(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<RadarQuery>,
) -> Result<Json<RadarDto>, AppError> {
    let reader = actions::radar_reader(&state, &ctx).await?;
    let r = actions::radar(&state, reader, &q)
        .await?
        .map_err(AppError::Invalid)?;
    let text = |c: lyceum_domain::disclosure::Cell| c.text();
    Ok(Json(RadarDto {
        org_id: r.org.0,
        org_name: r.org_name,
        exact: r.exact,
        months: r.months,
        tables: r
            .tables
            .into_iter()
            .map(|t| RadarTableDto {
                dimension: t.dimension.as_str().into(),
                rows: t.rows,
                cells: t
                    .table
                    .cells
                    .iter()
                    .map(|row| row.iter().map(|c| text(*c)).collect())
                    .collect(),
                row_totals: t.table.row_totals.iter().map(|c| text(*c)).collect(),
                month_totals: t.table.column_totals.iter().map(|c| text(*c)).collect(),
                total: text(t.table.total),
            })
            .collect(),
        addressed: r
            .addressed
            .into_iter()
            .map(|(a, s)| RadarAddressedDto {
                category: a.category.as_str().into(),
                month: a.month,
                answer: s.map(Into::into),
            })
            .collect(),
    }))
}

/// The radar's counts as CSV: dimension, value, month, count — one line
/// per published count, with the totals (`total`), suppressed as in
/// `GET /api/v1/radar`; headed in the language of `Accept-Language`.
/// Without a token only while the radar is published, as there.
#[utoipa::path(get, path = "/api/v1/radar.csv", tag = "radar",
    params(RadarQuery),
    responses((status = 200, content_type = "text/csv", description = "One published count a line (RFC 4180)"),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security((), ("bearer" = [])))]
pub async fn radar_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<RadarQuery>,
) -> Result<axum::response::Response, AppError> {
    let reader = actions::radar_reader(&state, &ctx).await?;
    let r = actions::radar(&state, reader, &q)
        .await?
        .map_err(AppError::Invalid)?;
    let t = |k: &str| lyceum_domain::i18n::catalogue().text(ctx.lang, k);
    Ok(actions::csv(&r, t))
}
