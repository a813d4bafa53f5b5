//! Calendars on pages: an offering's sessions, or one session, as an
//! `.ics` file; one's feed at its secret address (public: the token is the
//! credential, and the logs leave it out); and `/calendar`, where one makes
//! the feed's address, copies it and makes it anew (the old one stops).

use crate::calendar_actions as actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::Access::{Public, SignedIn};
use crate::page::{Page, render};
use crate::routes::{GET, POST, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::{OfferingId, SessionId, paths};

pub fn routes(r: Routes) -> Routes {
    r.add(
        GET,
        "/offerings/{offering_id}/calendar.ics",
        SignedIn,
        offering_file,
    )
    .add(
        GET,
        "/offerings/{offering_id}/sessions/{session_id}/calendar.ics",
        SignedIn,
        session_file,
    )
    .add(GET, paths::CALENDAR, SignedIn, show)
    .add(POST, "/calendar/reset", SignedIn, reset)
    .add(GET, "/calendar/{token}", Public, feed)
}

async fn offering_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<OfferingId>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let body = actions::offering_ics(&state, me, id, None).await?;
    Ok(actions::ics_response(
        body,
        Some(&format!("workshop-{id}.ics")),
    ))
}

async fn session_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(OfferingId, SessionId)>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let body = actions::offering_ics(&state, me, id, Some(session)).await?;
    Ok(actions::ics_response(
        body,
        Some(&format!("workshop-{id}-session-{session}.ics")),
    ))
}

/// `/calendar/<token>.ics`: what calendars subscribe to.
async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let body = actions::feed_ics(&state, token).await?;
    Ok(actions::ics_response(body, None))
}

#[derive(Template)]
#[template(path = "calendar_feed.html")]
pub struct CalendarPage {
    page: Page,
    /// When the address in use was made.
    made_at: Option<i64>,
    /// The address just made: shown this once, never again.
    created: Option<String>,
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let made_at = actions::feed_made(&state, me).await?.map(|t| t.micros());
    Ok(render(&CalendarPage {
        page: Page::new(&ctx, "calendar-title"),
        made_at,
        created: None,
    }))
}

/// Answers with the page itself, so the new address is shown once and
/// kept nowhere (as new API tokens are).
async fn reset(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?.user.id();
    let made = actions::reset_feed(&state, me).await?;
    Ok(render(&CalendarPage {
        page: Page::new(&ctx, "calendar-title"),
        made_at: Some(made.made_at.micros()),
        created: Some(made.url),
    }))
}
