//! Registrations: a seat, a place on the waitlist, or a request waiting for
//! an admin. Seats are counted on the offering's row (`confirmed`), and
//! every registration first updates that row: the update takes its lock
//! (PostgreSQL) or runs on the one writer (SQLite), so whatever arrives at
//! the same instant, on any number of app servers, is served one at a time
//! — capacity is never exceeded, and the waitlist keeps arrival order
//! (`position`, the row's `queued` counter).

use super::OfferingRow;
use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{memberships, offering_sessions, offerings, orgs, registrations, users};
use crate::{DbConn, DbError, jobs};
use diesel::prelude::*;
use lyceum_domain::i18n::{Lang, human_datetime};
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::org::OrgPath;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::{News, RegistrationStatus};
use lyceum_domain::{OfferingId, Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = registrations)]
pub struct RegistrationRow {
    pub id: i64,
    #[diesel(deserialize_as = Id<OfferingId>)]
    pub offering_id: OfferingId,
    #[diesel(deserialize_as = Id<UserId>)]
    pub user_id: UserId,
    #[diesel(deserialize_as = Code<RegistrationStatus>)]
    pub status: RegistrationStatus,
    pub position: i32,
    pub registered_by: Option<i64>,
    pub decided_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Who registers whom.
#[derive(Debug, Clone, Copy)]
pub enum By {
    /// The person themselves: the audience, the window and approval apply.
    Themselves,
    /// An admin of the organising organisation (the caller checked): the
    /// window and approval do not apply, the audience does.
    Admin(UserId),
}

fn invalid(field: &str, code: &'static str) -> DbError {
    DbError::Invalid(Invalid::one(field, code))
}

/// Takes the offering's row (its lock, on PostgreSQL) and the next place in
/// its queue, in one statement: the row as the update left it, whose
/// `queued` is that place. Every change to seats starts here.
fn take_queue_number(conn: &mut DbConn, offering: OfferingId) -> Result<OfferingRow, DbError> {
    crate::on_backend!(conn, |c| diesel::update(offerings::table.find(offering.0))
        .set(offerings::queued.eq(offerings::queued + 1))
        .returning(OfferingRow::as_returning())
        .get_result(c))
    .optional()?
    .ok_or(DbError::NotFound)
}

/// Takes a seat if one is free; the condition is in the update itself.
/// `row` (the offering as locked) counts it.
fn take_seat(conn: &mut DbConn, row: &mut OfferingRow) -> Result<bool, DbError> {
    let n = diesel::update(
        offerings::table
            .find(row.id.0)
            .filter(offerings::confirmed.lt(offerings::capacity)),
    )
    .set(offerings::confirmed.eq(offerings::confirmed + 1))
    .execute(conn)?;
    if n == 1 {
        row.confirmed += 1;
    }
    Ok(n == 1)
}

/// Frees a seat; `row` (the offering as locked) counts it.
fn free_seat(conn: &mut DbConn, row: &mut OfferingRow) -> Result<(), DbError> {
    let n = diesel::update(
        offerings::table
            .find(row.id.0)
            .filter(offerings::confirmed.gt(0)),
    )
    .set(offerings::confirmed.eq(offerings::confirmed - 1))
    .execute(conn)?;
    if n == 1 {
        row.confirmed -= 1;
    }
    Ok(())
}

/// Whether `user` belongs to the audience's subtree.
fn in_audience(
    conn: &mut DbConn,
    audience: lyceum_domain::OrgId,
    user: UserId,
) -> Result<bool, DbError> {
    let Some(scope) = crate::orgs::path_of(conn, audience)? else {
        return Ok(false);
    };
    let paths: Vec<String> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq(user.0))
        .select(orgs::path)
        .load(conn)?;
    Ok(paths
        .iter()
        .filter_map(|p| OrgPath::parse(p))
        .any(|p| scope.contains(&p)))
}

/// One person's registration, if any (cancelled and declined ones too).
pub fn of(
    conn: &mut DbConn,
    offering: OfferingId,
    user: UserId,
) -> Result<Option<RegistrationRow>, DbError> {
    Ok(registrations::table
        .filter(registrations::offering_id.eq(offering.0))
        .filter(registrations::user_id.eq(user.0))
        .select(RegistrationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Registers `user`: a seat if one is free (and no approval is needed), else
/// the waitlist, in arrival order. Refused: twice, outside the audience, a
/// cancelled offering, and (for oneself) outside the registration window.
pub fn register(
    conn: &mut DbConn,
    offering: OfferingId,
    user: UserId,
    by: By,
    base: &str,
    now: Timestamp,
) -> Result<RegistrationStatus, DbError> {
    let mut row = take_queue_number(conn, offering)?;
    let position = row.queued;
    if row.is_cancelled() {
        return Err(invalid("offering", "offering-cancelled"));
    }
    if matches!(by, By::Themselves) {
        if now.micros() < row.registration_opens_at {
            return Err(invalid("offering", "registration-not-open"));
        }
        if now.micros() > row.registration_closes_at {
            return Err(invalid("offering", "registration-closed"));
        }
    }
    if let Some(audience) = row.audience_org_id
        && !in_audience(conn, audience, user)?
    {
        return Err(invalid("offering", "outside-audience"));
    }
    let existing = of(conn, offering, user)?;
    if existing.as_ref().is_some_and(|r| r.status.active()) {
        return Err(invalid("offering", "already-registered"));
    }
    let status = if row.needs_approval && matches!(by, By::Themselves) {
        RegistrationStatus::Pending
    } else if take_seat(conn, &mut row)? {
        RegistrationStatus::Confirmed
    } else {
        RegistrationStatus::Waitlisted
    };
    let registered_by = match by {
        By::Themselves => None,
        By::Admin(a) => Some(a.0),
    };
    match existing {
        Some(r) => {
            diesel::update(registrations::table.find(r.id))
                .set((
                    registrations::status.eq(status.as_str()),
                    registrations::position.eq(position),
                    registrations::registered_by.eq(registered_by),
                    registrations::decided_by.eq(None::<i64>),
                    registrations::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(registrations::table)
                .values((
                    registrations::offering_id.eq(offering.0),
                    registrations::user_id.eq(user.0),
                    registrations::status.eq(status.as_str()),
                    registrations::position.eq(position),
                    registrations::registered_by.eq(registered_by),
                    registrations::created_at.eq(now.micros()),
                    registrations::updated_at.eq(now.micros()),
                ))
                .execute(conn)?;
        }
    }
    if status == RegistrationStatus::Confirmed {
        tell_seat_confirmed(conn, &row, user, base, now)?;
    }
    Ok(status)
}

/// Cancels `user`'s registration (by themselves or an admin); a seat it
/// held goes to the first on the waitlist, who is emailed. Returns whom it
/// promoted.
pub fn cancel(
    conn: &mut DbConn,
    offering: OfferingId,
    user: UserId,
    base: &str,
    now: Timestamp,
) -> Result<Vec<UserId>, DbError> {
    let mut row = take_queue_number(conn, offering)?;
    let r = of(conn, offering, user)?
        .filter(|r| r.status.active())
        .ok_or_else(|| invalid("offering", "not-registered"))?;
    diesel::update(registrations::table.find(r.id))
        .set((
            registrations::status.eq(RegistrationStatus::Cancelled.as_str()),
            registrations::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if r.status == RegistrationStatus::Confirmed {
        free_seat(conn, &mut row)?;
    }
    fill_seats(conn, &mut row, base, now)
}

/// An admin's decision on a pending registration: approved takes a seat
/// if one is free, else the waitlist (in its arrival order); declined ends
/// it. The caller checked the admin may decide here and is not `user`.
pub fn decide(
    conn: &mut DbConn,
    offering: OfferingId,
    user: UserId,
    approve: bool,
    admin: UserId,
    base: &str,
    now: Timestamp,
) -> Result<RegistrationStatus, DbError> {
    let mut row = take_queue_number(conn, offering)?;
    let r = of(conn, offering, user)?
        .filter(|r| r.status == RegistrationStatus::Pending)
        .ok_or_else(|| invalid("registration", "not-pending"))?;
    let status = if !approve {
        RegistrationStatus::Declined
    } else if take_seat(conn, &mut row)? {
        RegistrationStatus::Confirmed
    } else {
        RegistrationStatus::Waitlisted
    };
    diesel::update(registrations::table.find(r.id))
        .set((
            registrations::status.eq(status.as_str()),
            registrations::decided_by.eq(admin.0),
            registrations::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    if status == RegistrationStatus::Confirmed {
        tell_seat_confirmed(conn, &row, user, base, now)?;
    }
    Ok(status)
}

/// Gives free seats to the waitlist, first come first served, and emails
/// each person promoted. Called after a seat frees and after capacity grows,
/// with the offering's row as the caller locked and changed it (no re-read).
pub fn fill_seats(
    conn: &mut DbConn,
    row: &mut OfferingRow,
    base: &str,
    now: Timestamp,
) -> Result<Vec<UserId>, DbError> {
    if row.is_cancelled() || row.seats_left() == 0 {
        return Ok(Vec::new());
    }
    let waiting: Vec<(i64, i64)> = registrations::table
        .filter(registrations::offering_id.eq(row.id.0))
        .filter(registrations::status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order((registrations::position, registrations::id))
        .limit(i64::from(row.seats_left()))
        .select((registrations::id, registrations::user_id))
        .load(conn)?;
    let mut promoted = Vec::new();
    for (id, user) in waiting {
        if !take_seat(conn, row)? {
            break;
        }
        diesel::update(registrations::table.find(id))
            .set((
                registrations::status.eq(RegistrationStatus::Confirmed.as_str()),
                registrations::updated_at.eq(now.micros()),
            ))
            .execute(conn)?;
        tell_seat_confirmed(conn, row, UserId(user), base, now)?;
        promoted.push(UserId(user));
    }
    Ok(promoted)
}

/// Changes the capacity: never below the seats already taken (named in the
/// error); a larger one fills from the waitlist.
pub fn set_capacity(
    conn: &mut DbConn,
    offering: OfferingId,
    capacity: u32,
    base: &str,
    now: Timestamp,
) -> Result<Vec<UserId>, DbError> {
    let mut row = take_queue_number(conn, offering)?;
    let capacity = i32::try_from(capacity).unwrap_or(i32::MAX);
    if capacity < row.confirmed {
        return Err(DbError::Invalid(Invalid(vec![
            FieldError::new("capacity", "capacity-below-confirmed")
                .with_arg("count", row.confirmed),
        ])));
    }
    diesel::update(offerings::table.find(offering.0))
        .set(offerings::capacity.eq(capacity))
        .execute(conn)?;
    row.capacity = capacity;
    fill_seats(conn, &mut row, base, now)
}

/// Registrations of an offering in queue order, with each person's name
/// and email: the roster and the waitlist.
pub fn list(
    conn: &mut DbConn,
    offering: OfferingId,
) -> Result<Vec<(RegistrationRow, String, Option<String>)>, DbError> {
    Ok(crate::on_backend!(conn, |c| registrations::table
        .inner_join(users::table.on(users::id.eq(registrations::user_id)))
        .filter(registrations::offering_id.eq(offering.0))
        .order((registrations::position, registrations::id))
        .select((
            RegistrationRow::as_select(),
            users::display_name,
            users::email
        ))
        .load(c))?)
}

/// Emails `user` that a seat in `offering` is theirs, in their language,
/// with the next session's start on their school's calendar.
fn tell_seat_confirmed(
    conn: &mut DbConn,
    offering: &OfferingRow,
    user: UserId,
    base: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let next: Option<i64> = offering_sessions::table
        .filter(offering_sessions::offering_id.eq(offering.id.0))
        .filter(offering_sessions::cancelled_at.is_null())
        .filter(offering_sessions::ends_at.gt(now.micros()))
        .select(diesel::dsl::min(offering_sessions::starts_at))
        .first(conn)?;
    tell(
        conn,
        offering,
        user,
        News::SeatConfirmed,
        None,
        next,
        base,
        now,
    )
}

/// Emails `user` news of `offering` through the job queue, in their
/// language, `when` (a session's start) on their school's calendar, with
/// the organiser's note if any.
#[allow(clippy::too_many_arguments)]
pub fn tell(
    conn: &mut DbConn,
    offering: &OfferingRow,
    user: UserId,
    about: News,
    note: Option<&str>,
    when: Option<i64>,
    base: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let (name, email, lang): (String, Option<String>, String) = users::table
        .find(user.0)
        .select((users::display_name, users::email, users::preferred_language))
        .first(conn)?;
    let Some(to) = email else { return Ok(()) };
    let lang = Lang::parse(&lang).unwrap_or(Lang::En);
    let zone = crate::orgs::zone_of_user(conn, user)?;
    let when = when.map_or_else(String::new, |at| human_datetime(at, &zone, lang));
    let message = EmailMessage::Workshop {
        name,
        about,
        offering: offering.title.clone(),
        when,
        link: format!("{base}{}", lyceum_domain::paths::offering(offering.id)),
        note: note.filter(|n| !n.trim().is_empty()).map(str::to_string),
    };
    jobs::enqueue(conn, &Job::SendEmail(Email { to, lang, message }), now)?;
    Ok(())
}
