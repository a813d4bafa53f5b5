//! Offerings over the API for educators: finding them (the page's filters),
//! one offering with its sessions (the meeting link only for those who may
//! see it), registering and cancelling, and one's own sessions and history
//! — through the same functions as the pages (`crate::workshop_actions`).

use crate::api::dto::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::Access::SignedIn;
use crate::routes::{DELETE, GET, POST, Routes};
use crate::state::AppState;
use crate::workshop_actions::{self as actions, FindQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use lyceum_db::workshops::SessionRow;
use lyceum_db::workshops::listing::Listed;
use lyceum_domain::{OfferingId, Timestamp};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(list, show, register, cancel, mine))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/offerings", SignedIn, list)
        .add(GET, "/v1/offerings/{offering_id}", SignedIn, show)
        .add(
            POST,
            "/v1/offerings/{offering_id}/registration",
            SignedIn,
            register,
        )
        .add(
            DELETE,
            "/v1/offerings/{offering_id}/registration",
            SignedIn,
            cancel,
        )
        .add(GET, "/v1/me/offerings", SignedIn, mine)
}

fn time(micros: i64) -> String {
    Timestamp::from_micros(micros).to_rfc3339()
}

fn hours(quarter_hours: u32) -> f64 {
    f64::from(quarter_hours) / 4.0
}

/// An offering as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferingSummaryDto {
    pub id: i64,
    pub title: String,
    /// `en` or `es`.
    pub language: String,
    /// The organising organisation's name.
    pub organiser: String,
    /// The course this is a cohort run of (its slug); null for a workshop.
    pub course_slug: Option<String>,
    pub course_title: Option<String>,
    /// The first session's start and the last one's end (RFC 3339, UTC).
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub pd_hours: f64,
    pub capacity: i32,
    pub seats_left: u32,
    /// People on the waitlist.
    pub waitlisted: i64,
    /// Some session is online (virtual, or in a room and online).
    pub online: bool,
    /// Some session is in a room.
    pub in_person: bool,
    /// Your registration: `pending`, `confirmed` or `waitlisted`; null for none.
    pub your_status: Option<String>,
}

impl From<Listed> for OfferingSummaryDto {
    fn from(l: Listed) -> Self {
        let o = l.offering;
        OfferingSummaryDto {
            id: o.id.0,
            language: o.language.as_str().into(),
            course_slug: l.course.as_ref().map(|(s, _)| s.clone()),
            course_title: l.course.map(|(_, t)| t),
            starts_at: o.starts_at.map(time),
            ends_at: o.ends_at.map(time),
            pd_hours: hours(o.hours()),
            capacity: o.capacity,
            seats_left: o.seats_left(),
            waitlisted: l.waitlisted,
            online: l.has_online,
            in_person: l.has_room,
            your_status: l.mine.map(|s| s.as_str().into()),
            organiser: l.organiser,
            title: o.title,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferingsPageDto {
    /// Soonest first.
    pub offerings: Vec<OfferingSummaryDto>,
    /// Pass as `after` for the next page; null on the last.
    pub next_after: Option<String>,
}

/// Offerings you may see that are not over, soonest first, 20 a page:
/// near you (`near=district|state`, or a `state` by id), online only
/// (`virtual=true`), by `course` id, starting between `from` and `to`
/// (days on your school's calendar), by `language`. A filter that cannot be
/// read is refused (422, naming it).
#[utoipa::path(get, path = "/api/v1/offerings", tag = "workshops",
    params(FindQuery),
    responses((status = 200, body = OfferingsPageDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlQuery(q): HtmlQuery<FindQuery>,
) -> Result<Json<OfferingsPageDto>, AppError> {
    let user = ctx.require_user()?;
    let upcoming = actions::upcoming(&state).await?;
    let found = actions::find(&state, &upcoming, user, &q)
        .await?
        .map_err(AppError::Invalid)?;
    Ok(Json(OfferingsPageDto {
        offerings: found.items.into_iter().map(Into::into).collect(),
        next_after: found.next,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDto {
    pub id: i64,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// The IANA zone it was planned in.
    pub time_zone: String,
    /// `in_person`, `virtual` or `both`.
    pub mode: String,
    pub venue: String,
    pub address: String,
    pub room: String,
    /// For people holding a seat, facilitators and organisers; null for
    /// the rest (and for sessions in a room only).
    pub meeting_url: Option<String>,
    pub cancelled: bool,
}

fn session(s: &SessionRow, sees_link: bool) -> SessionDto {
    SessionDto {
        id: s.id.0,
        starts_at: time(s.starts_at),
        ends_at: time(s.ends_at),
        time_zone: s.time_zone.clone(),
        mode: s.mode.as_str().into(),
        venue: s.venue.clone(),
        address: s.address.clone(),
        room: s.room.clone(),
        meeting_url: (sees_link && s.mode.virtual_() && !s.meeting_url.is_empty())
            .then(|| s.meeting_url.clone()),
        cancelled: s.cancelled_at.is_some(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationDto {
    /// `pending` (waiting for an organiser's approval), `confirmed` (a
    /// seat) or `waitlisted`.
    pub status: String,
    /// On the waitlist: your place (1 is next); null otherwise.
    pub waitlist_place: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferingDto {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub language: String,
    pub organiser: String,
    pub course_slug: Option<String>,
    pub course_title: Option<String>,
    pub facilitators: Vec<String>,
    pub pd_hours: f64,
    /// Competency ids.
    pub competencies: Vec<String>,
    pub capacity: i32,
    pub seats_left: u32,
    pub waitlisted: i64,
    pub needs_approval: bool,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    /// Present (or late) at this share of sessions earns the hours…
    pub credit_min_percent: i32,
    /// …and the course completed, when true.
    pub credit_needs_course: bool,
    /// Set when the organiser cancelled it, with their message.
    pub cancelled_at: Option<String>,
    pub cancel_message: Option<String>,
    /// In order of start.
    pub sessions: Vec<SessionDto>,
    /// Yours, while in play; null for none.
    pub registration: Option<RegistrationDto>,
}

/// One offering you may see (404 otherwise), with its sessions.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 200, body = OfferingDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<OfferingDto>, AppError> {
    let shown = actions::show(&state, ctx.require_user()?, OfferingId(id)).await?;
    let (view, around) = (shown.view, shown.around);
    let sees_link = view.sees_meeting_link();
    let registration = view.status().map(|s| RegistrationDto {
        status: s.as_str().into(),
        waitlist_place: around.place,
    });
    let o = view.standing.offering.offering;
    Ok(Json(OfferingDto {
        id: o.id.0,
        language: o.language.as_str().into(),
        organiser: around.organiser,
        course_slug: around.course.as_ref().map(|(s, _)| s.clone()),
        course_title: around.course.map(|(_, t)| t),
        facilitators: around.facilitators,
        pd_hours: hours(o.hours()),
        competencies: around.competencies.into_iter().map(|c| c.0).collect(),
        capacity: o.capacity,
        seats_left: o.seats_left(),
        waitlisted: around.waitlisted,
        needs_approval: o.needs_approval,
        registration_opens_at: time(o.registration_opens_at),
        registration_closes_at: time(o.registration_closes_at),
        credit_min_percent: o.credit_min_percent,
        credit_needs_course: o.credit_needs_course,
        cancelled_at: o.cancelled_at.map(time),
        cancel_message: o.cancel_message,
        sessions: view
            .standing
            .offering
            .sessions
            .iter()
            .map(|s| session(s, sees_link))
            .collect(),
        registration,
        title: o.title,
        description: o.description,
    }))
}

/// Registers you: a seat if one is free (`confirmed`), else the waitlist
/// in arrival order (`waitlisted`, with your place), or a request an
/// organiser approves (`pending`). Refused (422 on field `offering`):
/// `already-registered`, `outside-audience`, `registration-not-open`,
/// `registration-closed`, `offering-cancelled`.
#[utoipa::path(post, path = "/api/v1/offerings/{offering_id}/registration", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 201, body = RegistrationDto), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<RegistrationDto>), AppError> {
    let r = actions::register(&state, ctx.require_user()?, OfferingId(id))
        .await?
        .map_err(AppError::Invalid)?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationDto {
            status: r.status.as_str().into(),
            waitlist_place: r.place,
        }),
    ))
}

/// Cancels your registration; a seat it held goes to the first on the
/// waitlist, who is emailed. 422 (`not-registered`) when you hold none.
#[utoipa::path(delete, path = "/api/v1/offerings/{offering_id}/registration", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 204, description = "Cancelled"), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::cancel(&state, ctx.require_user()?, OfferingId(id))
        .await?
        .map_err(AppError::Invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MySessionDto {
    pub session_id: i64,
    pub offering_id: i64,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub mode: String,
    pub venue: String,
    /// `confirmed`, `waitlisted` or `pending`.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyOfferingDto {
    pub offering_id: i64,
    pub title: String,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// The organiser cancelled it.
    pub cancelled: bool,
    /// Your registration: `confirmed`, `waitlisted`, `pending`, `cancelled`
    /// or `declined`.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyOfferingsDto {
    /// Sessions not over yet of offerings you registered for, soonest first.
    pub upcoming: Vec<MySessionDto>,
    /// Offerings over, cancelled, or that you left, newest first.
    pub history: Vec<MyOfferingDto>,
}

/// Your workshop sessions to come and your history.
#[utoipa::path(get, path = "/api/v1/me/offerings", tag = "workshops",
    responses((status = 200, body = MyOfferingsDto), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<MyOfferingsDto>, AppError> {
    let (upcoming, history) = actions::mine(&state, ctx.require_user()?).await?;
    Ok(Json(MyOfferingsDto {
        upcoming: upcoming
            .into_iter()
            .map(|s| MySessionDto {
                session_id: s.id.0,
                offering_id: s.offering.0,
                starts_at: time(s.starts_at),
                ends_at: time(s.ends_at),
                mode: s.mode.as_str().into(),
                status: s.status.as_str().into(),
                title: s.title,
                time_zone: s.time_zone,
                venue: s.venue,
            })
            .collect(),
        history: history
            .into_iter()
            .map(|h| MyOfferingDto {
                offering_id: h.offering.0,
                starts_at: h.starts_at.map(time),
                ends_at: h.ends_at.map(time),
                cancelled: h.cancelled,
                status: h.status.as_str().into(),
                title: h.title,
            })
            .collect(),
    }))
}
