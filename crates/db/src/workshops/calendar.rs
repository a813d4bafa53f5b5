//! Calendars and reminders: each person's secret feed address (only its
//! SHA-256 kept; a reset replaces it, so the old address stops at once),
//! the sessions the feed lists, and the sweep that emails reminders before
//! sessions — each reminder once, whatever number of workers sweep at the
//! same time: the row recording it is inserted first, under its primary
//! key, and the email is queued in the same transaction only when that
//! insert took.

use super::{OfferingRow, SessionRow};
use crate::schema::{
    calendar_feeds, offering_facilitators, offering_sessions, offerings, registrations,
    session_reminders, users,
};
use crate::{DbConn, DbError, jobs};
use diesel::prelude::*;
use lyceum_domain::i18n::{Lang, human_datetime};
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::workshop::offering::MAX_REMINDER_MINUTES;
use lyceum_domain::workshop::{News, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};
use std::time::Duration;

/// When the person's feed address was made, if they have one.
pub fn feed_of(conn: &mut DbConn, user: UserId) -> Result<Option<Timestamp>, DbError> {
    Ok(calendar_feeds::table
        .find(user.0)
        .select(calendar_feeds::created_at)
        .first::<i64>(conn)
        .optional()?
        .map(Timestamp::from_micros))
}

/// Gives the person a new feed address (by its token's hash), replacing
/// any they had.
pub fn reset_feed(
    conn: &mut DbConn,
    user: UserId,
    token_hash: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    diesel::delete(calendar_feeds::table.find(user.0)).execute(conn)?;
    diesel::insert_into(calendar_feeds::table)
        .values((
            calendar_feeds::user_id.eq(user.0),
            calendar_feeds::token_hash.eq(token_hash),
            calendar_feeds::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whose feed a token's hash opens (never a deleted account's).
pub fn feed_owner(conn: &mut DbConn, token_hash: &str) -> Result<Option<UserId>, DbError> {
    Ok(calendar_feeds::table
        .inner_join(users::table.on(users::id.eq(calendar_feeds::user_id)))
        .filter(calendar_feeds::token_hash.eq(token_hash))
        .filter(users::deleted_at.is_null())
        .select(calendar_feeds::user_id)
        .first::<i64>(conn)
        .optional()?
        .map(UserId))
}

/// A session as a calendar lists it, with its offering.
#[derive(Debug, Clone)]
pub struct CalendarEntry {
    pub offering: OfferingRow,
    pub session: SessionRow,
}

impl CalendarEntry {
    /// Cancelled on its own or with its whole offering.
    pub fn cancelled(&self) -> bool {
        self.session.cancelled_at.is_some() || self.offering.cancelled_at.is_some()
    }
}

/// How far back a feed goes: calendars keep what they already have.
pub const FEED_PAST: Duration = Duration::from_secs(366 * 24 * 3600);

/// Most sessions one feed lists.
pub const FEED_MAX: i64 = 2_000;

/// The sessions of every offering `user` holds a seat in or facilitates,
/// ending after `since`, in order of start (cancelled ones too, so
/// calendars mark them).
pub fn feed_sessions(
    conn: &mut DbConn,
    user: UserId,
    since: Timestamp,
) -> Result<Vec<CalendarEntry>, DbError> {
    let seated = registrations::table
        .filter(registrations::user_id.eq(user.0))
        .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .select(registrations::offering_id);
    let led = offering_facilitators::table
        .filter(offering_facilitators::user_id.eq(user.0))
        .select(offering_facilitators::offering_id);
    let rows: Vec<(OfferingRow, SessionRow)> = offering_sessions::table
        .inner_join(offerings::table.on(offerings::id.eq(offering_sessions::offering_id)))
        .filter(
            offering_sessions::offering_id
                .eq_any(seated)
                .or(offering_sessions::offering_id.eq_any(led)),
        )
        .filter(offering_sessions::ends_at.gt(since.micros()))
        .order((offering_sessions::starts_at, offering_sessions::id))
        .limit(FEED_MAX)
        .select((OfferingRow::as_select(), SessionRow::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(offering, session)| CalendarEntry { offering, session })
        .collect())
}

/// Links a reminder carries: the offering's page and the session's
/// calendar file.
pub struct ReminderLinks<'a> {
    pub offering: &'a dyn Fn(OfferingId) -> String,
    pub session_ics: &'a dyn Fn(OfferingId, SessionId) -> String,
}

/// Which reminder: the first (a day before by default) or the second (an
/// hour before).
fn due_reminder(offering: &OfferingRow, starts_at: i64, now: Timestamp) -> Option<i32> {
    let minutes_before = |m: i32| Duration::from_secs(u64::try_from(m).unwrap_or(0) * 60);
    // The one due that is nearest the start: a worker that was away sends
    // the hour-before reminder alone, not both at once.
    [
        (1i32, offering.remind_first_minutes),
        (2i32, offering.remind_second_minutes),
    ]
    .into_iter()
    .filter(|&(_, m)| m > 0)
    .filter(|&(_, m)| Timestamp::from_micros(starts_at).minus(minutes_before(m)) <= now)
    .min_by_key(|&(_, m)| m)
    .map(|(which, _)| which)
}

/// Emails the reminders due at `now` to the people holding a seat, each in
/// their language with the start on their calendar; returns how many. A
/// cancelled session or offering, a cancelled registration and a reminder
/// of 0 minutes send nothing; a session already started is not reminded.
pub fn send_reminders(
    conn: &mut DbConn,
    now: Timestamp,
    links: &ReminderLinks<'_>,
) -> Result<usize, DbError> {
    let horizon = now.plus(Duration::from_secs(u64::from(MAX_REMINDER_MINUTES) * 60));
    let upcoming: Vec<(OfferingRow, SessionRow)> = offering_sessions::table
        .inner_join(offerings::table.on(offerings::id.eq(offering_sessions::offering_id)))
        .filter(offering_sessions::starts_at.gt(now.micros()))
        .filter(offering_sessions::starts_at.le(horizon.micros()))
        .filter(offering_sessions::cancelled_at.is_null())
        .filter(offerings::cancelled_at.is_null())
        .order(offering_sessions::starts_at)
        .select((OfferingRow::as_select(), SessionRow::as_select()))
        .load(conn)?;
    let mut sent = 0;
    for (offering, session) in upcoming {
        let Some(which) = due_reminder(&offering, session.starts_at, now) else {
            continue;
        };
        type Seat = (i64, String, Option<String>, String);
        let seats: Vec<Seat> = registrations::table
            .inner_join(users::table.on(users::id.eq(registrations::user_id)))
            .filter(registrations::offering_id.eq(offering.id.0))
            .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
            .filter(users::deleted_at.is_null())
            .filter(diesel::dsl::not(diesel::dsl::exists(
                session_reminders::table
                    .filter(session_reminders::session_id.eq(session.id.0))
                    .filter(session_reminders::user_id.eq(registrations::user_id))
                    .filter(session_reminders::which.eq(which)),
            )))
            .select((
                users::id,
                users::display_name,
                users::email,
                users::preferred_language,
            ))
            .load(conn)?;
        for (user, name, email, lang) in seats {
            if !claim(conn, session.id, UserId(user), which, now)? {
                continue;
            }
            let Some(to) = email else { continue };
            let lang = Lang::parse(&lang).unwrap_or(Lang::En);
            let zone = crate::orgs::zone_of_user(conn, UserId(user))?;
            let message = EmailMessage::Workshop {
                name,
                about: News::Reminder,
                offering: offering.title.clone(),
                when: human_datetime(session.starts_at, &zone, lang),
                link: (links.offering)(offering.id),
                // A reminder's note is the session's calendar file.
                note: Some((links.session_ics)(offering.id, session.id)),
            };
            jobs::enqueue(conn, &Job::SendEmail(Email { to, lang, message }), now)?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Records that the reminder goes; false when another worker's sweep
/// already recorded it.
fn claim(
    conn: &mut DbConn,
    session: SessionId,
    user: UserId,
    which: i32,
    now: Timestamp,
) -> Result<bool, DbError> {
    let row = (
        session_reminders::session_id.eq(session.0),
        session_reminders::user_id.eq(user.0),
        session_reminders::which.eq(which),
        session_reminders::sent_at.eq(now.micros()),
    );
    // Per backend: diesel's multi-backend connection has no ON CONFLICT.
    let insert = diesel::insert_into(session_reminders::table).values(row);
    let n = crate::on_backend!(conn, |c| insert.on_conflict_do_nothing().execute(c))?;
    Ok(n == 1)
}
