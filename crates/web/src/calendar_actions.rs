//! Calendars, shared by pages and API: an offering's or one session's
//! `.ics` for those who may see the offering (the meeting link only for
//! those `workshop_access` lets see it), a person's feed at its secret
//! address, and making that address anew (the old one stops at once).

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::workshop_access;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use lyceum_db::workshops::calendar::{self, CalendarEntry};
use lyceum_db::workshops::{OfferingRow, SessionRow};
use lyceum_domain::i18n::Lang;
use lyceum_domain::time::TimeZone;
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::workshop::ical::{self, Event, Organizer};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId, paths};

/// The session as a calendar event; the meeting link only when `sees_link`,
/// the offering's page otherwise.
fn event(state: &AppState, offering: &OfferingRow, s: &SessionRow, sees_link: bool) -> Event {
    let page = state.config.link(&paths::offering(offering.id));
    let place: Vec<&str> = [s.venue.as_str(), s.room.as_str(), s.address.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let link = Some(s.meeting_url.clone()).filter(|u| sees_link && !u.is_empty());
    let description = match offering.description.trim() {
        "" => page.clone(),
        d => format!("{d}\n\n{page}"),
    };
    Event {
        uid: s.uid.clone(),
        sequence: u32::try_from(s.sequence).unwrap_or(0),
        starts_at: Timestamp::from_micros(s.starts_at),
        ends_at: Timestamp::from_micros(s.ends_at),
        zone: TimeZone::parse(&s.time_zone).unwrap_or_else(TimeZone::utc),
        summary: offering.title.clone(),
        description,
        location: place.join(", "),
        url: Some(link.unwrap_or(page)),
        cancelled: s.cancelled_at.is_some() || offering.cancelled_at.is_some(),
        organizer: Organizer::from_mailbox(&state.config.mail_from),
    }
}

/// An offering's sessions (all, or the one asked) as iCalendar, for a
/// reader who may see the offering; 404 otherwise, and for a session of
/// another offering.
pub async fn offering_ics(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
    session: Option<SessionId>,
) -> Result<String, AppError> {
    let view = workshop_access::load(state, user, id).await?;
    let offering = &view.standing.offering;
    let sees_link = view.sees_meeting_link();
    let events: Vec<Event> = offering
        .sessions
        .iter()
        .filter(|s| session.is_none_or(|want| s.id == want))
        .map(|s| event(state, &offering.offering, s, sees_link))
        .collect();
    if events.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(ical::calendar(
        &offering.offering.title,
        &events,
        state.clock.now(),
    ))
}

/// The feed a secret token opens: 404 for any other token.
pub async fn feed_ics(state: &AppState, token: &str) -> Result<String, AppError> {
    let hash = hash_token(token);
    let now = state.clock.now();
    let since = now.minus(calendar::FEED_PAST);
    let found = state
        .db
        .read(move |c| {
            let Some(owner) = calendar::feed_owner(c, &hash)? else {
                return Ok(None);
            };
            let lang = lyceum_db::users::by_id(c, owner)?
                .and_then(|u| Lang::parse(&u.preferred_language))
                .unwrap_or(Lang::En);
            Ok(Some((lang, calendar::feed_sessions(c, owner, since)?)))
        })
        .await?;
    let (lang, entries) = found.ok_or(AppError::NotFound)?;
    // The owner holds a seat in, or facilitates, each: the link is theirs.
    let events: Vec<Event> = entries
        .iter()
        .map(|CalendarEntry { offering, session }| event(state, offering, session, true))
        .collect();
    let name = lyceum_domain::i18n::catalogue().text(lang, "calendar-feed-name");
    Ok(ical::calendar(&name, &events, now))
}

/// The person's feed: when its address was made, if it was.
pub async fn feed_made(state: &AppState, user: UserId) -> Result<Option<Timestamp>, AppError> {
    Ok(state.db.read(move |c| calendar::feed_of(c, user)).await?)
}

/// A new feed address, shown this once (only its hash is kept).
pub struct NewFeed {
    pub url: String,
    pub made_at: Timestamp,
}

/// Makes the person's feed address anew; the old one stops at once.
pub async fn reset_feed(state: &AppState, user: UserId) -> Result<NewFeed, AppError> {
    let (token, hash) = new_token().map_err(AppError::internal)?;
    let now = state.clock.now();
    state
        .db
        .write(move |c| calendar::reset_feed(c, user, &hash, now))
        .await?;
    Ok(NewFeed {
        url: state.config.link(&paths::calendar_feed(&token)),
        made_at: now,
    })
}

/// An iCalendar body: `inline` for feeds calendars subscribe to, an
/// attachment named `filename` for files people download.
pub fn ics_response(body: String, filename: Option<&str>) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    // Personal: never kept by a shared cache.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Some(v) =
        filename.and_then(|f| HeaderValue::from_str(&format!("attachment; filename=\"{f}\"")).ok())
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}
