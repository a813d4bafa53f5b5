//! Calendars over the API: whether one has a feed address and making it
//! anew (`/calendar` on pages), and an offering's sessions as iCalendar.

use crate::api::dto::ErrorBody;
use crate::calendar_actions as actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::Access::SignedIn;
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::OfferingId;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(show, reset, offering_file))]
pub struct Doc;

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/v1/me/calendar", SignedIn, show)
        .add(POST, "/v1/me/calendar/reset", SignedIn, reset)
        .add(
            GET,
            "/v1/offerings/{offering_id}/calendar.ics",
            SignedIn,
            offering_file,
        )
}

/// Your calendar feed. Its address is shown only when made (only a
/// fingerprint of it is kept).
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeedDto {
    /// Whether you have a feed address.
    pub has_feed: bool,
    /// When the address in use was made (RFC 3339).
    pub made_at: Option<String>,
}

/// A feed address just made: the old one no longer works.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewCalendarFeedDto {
    /// The secret address calendars subscribe to; shown this once.
    pub url: String,
    pub made_at: String,
}

/// Whether you have a calendar feed, and since when.
#[utoipa::path(get, path = "/api/v1/me/calendar", tag = "workshops",
    responses((status = 200, body = CalendarFeedDto), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<CalendarFeedDto>, AppError> {
    let me = ctx.require_user()?.user.id();
    let made = actions::feed_made(&state, me).await?;
    Ok(Json(CalendarFeedDto {
        has_feed: made.is_some(),
        made_at: made.map(|t| t.to_rfc3339()),
    }))
}

/// Makes your calendar feed's address anew (the first, or a replacement:
/// the old address stops at once).
#[utoipa::path(post, path = "/api/v1/me/calendar/reset", tag = "workshops",
    responses((status = 200, body = NewCalendarFeedDto), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<NewCalendarFeedDto>, AppError> {
    let me = ctx.require_user()?.user.id();
    let made = actions::reset_feed(&state, me).await?;
    Ok(Json(NewCalendarFeedDto {
        url: made.url,
        made_at: made.made_at.to_rfc3339(),
    }))
}

/// An offering's sessions as iCalendar (RFC 5545), for those who may see
/// it; the meeting link only for those holding a seat, its facilitators
/// and those who manage it.
#[utoipa::path(get, path = "/api/v1/offerings/{offering_id}/calendar.ics", tag = "workshops",
    params(("offering_id" = i64, Path)),
    responses((status = 200, content_type = "text/calendar", description = "The sessions as iCalendar"),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn offering_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<OfferingId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let body = actions::offering_ics(&state, me, id, None).await?;
    Ok(actions::ics_response(body, None))
}
