//! Email digests of unread community notifications: each person's choice
//! (daily, weekly — the default — or never), and the sweep that enqueues
//! the digests that are due, marking each sent in the same transaction so
//! that several workers never send one twice.

use crate::schema::{digest_settings, notifications, topics, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::DigestFrequency;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::{Timestamp, UserId};

/// Someone's choice, the default if they never made one.
pub fn frequency(conn: &mut DbConn, user: UserId) -> Result<DigestFrequency, DbError> {
    Ok(digest_settings::table
        .find(user.0)
        .select(digest_settings::frequency)
        .first::<String>(conn)
        .optional()?
        .and_then(|f| DigestFrequency::parse(&f))
        .unwrap_or(DigestFrequency::DEFAULT))
}

/// The person's settings row, made with its unsubscribe token if missing:
/// (frequency, last sent, token).
fn settings(
    conn: &mut DbConn,
    user: UserId,
) -> Result<(DigestFrequency, Option<i64>, String), DbError> {
    let row: Option<(String, Option<i64>, String)> = digest_settings::table
        .find(user.0)
        .select((
            digest_settings::frequency,
            digest_settings::last_sent_at,
            digest_settings::unsubscribe_token,
        ))
        .first(conn)
        .optional()?;
    if let Some((f, last, token)) = row {
        return Ok((
            DigestFrequency::parse(&f).unwrap_or(DigestFrequency::DEFAULT),
            last,
            token,
        ));
    }
    let token = lyceum_domain::token::new_public_id().map_err(|e| DbError::Task(e.to_string()))?;
    diesel::insert_into(digest_settings::table)
        .values((
            digest_settings::user_id.eq(user.0),
            digest_settings::frequency.eq(DigestFrequency::DEFAULT.as_str()),
            digest_settings::unsubscribe_token.eq(&token),
        ))
        .execute(conn)?;
    Ok((DigestFrequency::DEFAULT, None, token))
}

pub fn set_frequency(conn: &mut DbConn, user: UserId, f: DigestFrequency) -> Result<(), DbError> {
    settings(conn, user)?;
    diesel::update(digest_settings::table.find(user.0))
        .set(digest_settings::frequency.eq(f.as_str()))
        .execute(conn)?;
    Ok(())
}

/// Turns digests off for the holder of `token`; false if no one holds it.
pub fn unsubscribe(conn: &mut DbConn, token: &str) -> Result<bool, DbError> {
    Ok(
        diesel::update(digest_settings::table.filter(digest_settings::unsubscribe_token.eq(token)))
            .set(digest_settings::frequency.eq(DigestFrequency::Off.as_str()))
            .execute(conn)?
            > 0,
    )
}

/// Most digests one sweep enqueues (the next sweep takes the rest).
const PER_SWEEP: i64 = 1_000;
/// Topics named in one digest.
const TOPICS: i64 = 5;

/// Enqueues the digests that are due: for each person with notifications
/// unread and newer than their last digest, whose chosen period has
/// passed. `links` makes (notifications page, unsubscribe address from a
/// token). Returns how many.
pub fn send_due(
    conn: &mut DbConn,
    now: Timestamp,
    links: &dyn Fn(Option<&str>) -> String,
) -> Result<usize, DbError> {
    let week = now
        .minus(std::time::Duration::from_secs(7 * 86_400))
        .micros();
    let waiting: Vec<i64> = notifications::table
        .filter(notifications::read_at.is_null())
        .filter(notifications::created_at.gt(week))
        .select(notifications::user_id)
        .distinct()
        .limit(PER_SWEEP)
        .load(conn)?;
    let mut sent = 0;
    for id in waiting {
        let user = UserId(id);
        let (f, last, token) = settings(conn, user)?;
        let Some(period) = f.period() else { continue };
        if last.is_some_and(|l| l > now.minus(period).micros()) {
            continue;
        }
        let since = last.unwrap_or(0).max(week);
        let new: Vec<String> = notifications::table
            .inner_join(topics::table)
            .filter(notifications::user_id.eq(id))
            .filter(notifications::read_at.is_null())
            .filter(notifications::created_at.gt(since))
            .order(notifications::id.desc())
            .select(topics::title)
            .load(conn)?;
        if new.is_empty() {
            continue;
        }
        let person: Option<(Option<String>, String, String)> = users::table
            .find(id)
            .filter(users::deleted_at.is_null())
            .select((users::email, users::display_name, users::preferred_language))
            .first(conn)
            .optional()?;
        let Some((Some(to), name, lang)) = person else {
            continue;
        };
        let mut topics: Vec<String> = Vec::new();
        for t in &new {
            if !topics.contains(t) && topics.len() < TOPICS as usize {
                topics.push(t.clone());
            }
        }
        // Only if no other worker sent it meanwhile.
        let unchanged = digest_settings::table.find(id);
        let set = digest_settings::last_sent_at.eq(now.micros());
        let marked = match last {
            Some(l) => diesel::update(unchanged.filter(digest_settings::last_sent_at.eq(l)))
                .set(set)
                .execute(conn)?,
            None => diesel::update(unchanged.filter(digest_settings::last_sent_at.is_null()))
                .set(set)
                .execute(conn)?,
        };
        if marked != 1 {
            continue;
        }
        let job = Job::SendEmail(Email {
            to,
            lang: Lang::parse(&lang).unwrap_or(Lang::En),
            message: EmailMessage::Digest {
                name,
                count: i64::try_from(new.len()).unwrap_or(i64::MAX),
                topics,
                link: links(None),
                unsubscribe: links(Some(&token)),
            },
        });
        crate::jobs::enqueue(conn, &job, now)?;
        sent += 1;
    }
    Ok(sent)
}
