//! Attendance in the API: an offering's roster, a session's marks (read
//! and set, for those who lead the offering), and checking oneself in with
//! a session's code. The pages do the same through `attendance_actions`.

use crate::api::dto::ErrorBody;
use crate::attendance_actions as actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::ApiJson;
use crate::gate::Access::SignedIn;
use crate::ratelimit::ClientIp;
use crate::routes::{GET, POST, PUT, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use lyceum_domain::workshop::Mark;
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(roster, session_attendance, set_attendance, check_in),
    components(schemas(
        RosterDto,
        RosterSessionDto,
        RosterPersonDto,
        SheetDto,
        SheetLineDto,
        MarksBody,
        MarkBody,
        MarkDto,
        MarksSavedDto,
        CheckInBody,
        CheckInDto
    ))
)]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/offerings/{offering_id}/roster", SignedIn, roster)
        .add(
            GET,
            "/v1/offerings/{offering_id}/sessions/{session_id}/attendance",
            SignedIn,
            session_attendance,
        )
        .add(
            PUT,
            "/v1/offerings/{offering_id}/sessions/{session_id}/attendance",
            SignedIn,
            set_attendance,
        )
        .add(
            POST,
            "/v1/offerings/{offering_id}/sessions/{session_id}/check-in",
            SignedIn,
            check_in,
        )
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

/// An attendance mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkDto {
    Present,
    Late,
    LeftEarly,
    Absent,
    Excused,
}

impl From<Mark> for MarkDto {
    fn from(m: Mark) -> Self {
        match m {
            Mark::Present => MarkDto::Present,
            Mark::Late => MarkDto::Late,
            Mark::LeftEarly => MarkDto::LeftEarly,
            Mark::Absent => MarkDto::Absent,
            Mark::Excused => MarkDto::Excused,
        }
    }
}

impl From<MarkDto> for Mark {
    fn from(m: MarkDto) -> Self {
        match m {
            MarkDto::Present => Mark::Present,
            MarkDto::Late => Mark::Late,
            MarkDto::LeftEarly => Mark::LeftEarly,
            MarkDto::Absent => Mark::Absent,
            MarkDto::Excused => Mark::Excused,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterSessionDto {
    pub id: i64,
    pub starts_at: String,
    pub ends_at: String,
    pub cancelled: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterPersonDto {
    pub user_id: i64,
    pub name: String,
    pub email: Option<String>,
    /// confirmed, waitlisted or pending.
    pub status: String,
    /// Arrival order: the waitlist's order.
    pub position: i32,
    /// The mark at each of the roster's sessions, in their order (null: none).
    pub marks: Vec<Option<MarkDto>>,
    /// The offering's credit is in their ledger.
    pub credited: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterDto {
    pub offering_id: i64,
    /// The credit rule: the share of sessions (not cancelled) to attend.
    pub credit_min_percent: i32,
    /// The credit rule: the cohort's course must be completed too.
    pub credit_needs_course: bool,
    pub sessions: Vec<RosterSessionDto>,
    /// Confirmed first, then the waitlist in order, then pending requests.
    pub people: Vec<RosterPersonDto>,
}

/// The roster of an offering you facilitate or manage: people with a
/// seat, the waitlist in order and pending requests, with each one's marks.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}/roster", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 200, body = RosterDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn roster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<RosterDto>, AppError> {
    let (view, roster) = actions::roster(&state, ctx.require_user()?, OfferingId(id)).await?;
    let o = &view.standing.offering.offering;
    Ok(Json(RosterDto {
        offering_id: o.id.0,
        credit_min_percent: o.credit_min_percent,
        credit_needs_course: o.credit_needs_course,
        sessions: roster
            .sessions
            .iter()
            .map(|s| RosterSessionDto {
                id: s.id.0,
                starts_at: time(s.starts_at),
                ends_at: time(s.ends_at),
                cancelled: s.cancelled_at.is_some(),
            })
            .collect(),
        people: roster
            .people
            .into_iter()
            .map(|p| RosterPersonDto {
                user_id: p.user_id.0,
                name: p.name,
                email: p.email,
                status: p.status.as_str().to_string(),
                position: p.position,
                marks: p.marks.into_iter().map(|m| m.map(MarkDto::from)).collect(),
                credited: p.credited,
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SheetLineDto {
    pub user_id: i64,
    pub name: String,
    pub mark: Option<MarkDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SheetDto {
    pub session_id: i64,
    pub starts_at: String,
    pub ends_at: String,
    pub cancelled: bool,
    /// The code attendees type to check themselves in.
    pub checkin_code: String,
    /// People with a seat, and anyone marked here before.
    pub people: Vec<SheetLineDto>,
}

/// A session's marks, for those who lead the offering.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}/sessions/{session_id}/attendance", tag = "workshops",
    params(("offering_id" = i64, Path), ("session_id" = i64, Path)),
    responses((status = 200, body = SheetDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn session_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
) -> Result<Json<SheetDto>, AppError> {
    let (_, row, lines) = actions::sheet(
        &state,
        ctx.require_user()?,
        OfferingId(id),
        SessionId(session),
    )
    .await?;
    Ok(Json(SheetDto {
        session_id: row.id.0,
        starts_at: time(row.starts_at),
        ends_at: time(row.ends_at),
        cancelled: row.cancelled_at.is_some(),
        checkin_code: row.checkin_code,
        people: lines
            .into_iter()
            .map(|l| SheetLineDto {
                user_id: l.user_id.0,
                name: l.name,
                mark: l.mark.map(MarkDto::from),
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkBody {
    pub user_id: i64,
    pub mark: MarkDto,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarksBody {
    /// Marks to set; people not named keep theirs.
    pub marks: Vec<MarkBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarksSavedDto {
    /// Marks that changed.
    pub changed: usize,
    /// People whose credit these marks wrote.
    pub earned: Vec<i64>,
    /// People whose credit these marks took back.
    pub reversed: Vec<i64>,
}

/// Sets marks at a session (all or, on any error, none). Every change is
/// audited and re-evaluates that person's credit.
#[utoipa::path(put, path = "/api/v1/offerings/{offering_id}/sessions/{session_id}/attendance", tag = "workshops",
    params(("offering_id" = i64, Path), ("session_id" = i64, Path)),
    request_body = MarksBody,
    responses((status = 200, body = MarksSavedDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<MarksBody>,
) -> Result<Json<MarksSavedDto>, AppError> {
    let marks = body
        .marks
        .into_iter()
        .map(|m| (UserId(m.user_id), Mark::from(m.mark)))
        .collect();
    let saved = actions::save_marks(
        &state,
        ctx.require_user()?,
        OfferingId(id),
        SessionId(session),
        marks,
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(Json(MarksSavedDto {
        changed: saved.changed,
        earned: saved.earned.iter().map(|u| u.0).collect(),
        reversed: saved.reversed.iter().map(|u| u.0).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    /// The code shown in the room (case and spaces do not matter).
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInDto {
    pub session_id: i64,
    pub mark: MarkDto,
    /// False when you were marked already: that mark stands.
    pub new: bool,
}

/// Checks you in to a session with its code: only with a confirmed seat,
/// for that session, from 30 minutes before its start to its end. Wrong
/// codes are limited per person and network (422 `checkin-wait`).
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/sessions/{session_id}/check-in", tag = "workshops",
    params(("offering_id" = i64, Path), ("session_id" = i64, Path)),
    request_body = CheckInBody,
    responses((status = 200, body = CheckInDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    Path((id, session)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<CheckInBody>,
) -> Result<Json<CheckInDto>, AppError> {
    let done = actions::check_in(
        &state,
        ctx.require_user()?,
        ip,
        OfferingId(id),
        Some(SessionId(session)),
        body.code,
        &ctx.zone(),
        ctx.lang,
    )
    .await?
    .map_err(AppError::Invalid)?;
    Ok(Json(CheckInDto {
        session_id: done.session.id.0,
        mark: done.mark.into(),
        new: done.new,
    }))
}
