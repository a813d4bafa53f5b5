//! Email digests of unread notifications (community ones; decisions for
//! those who chose to have them here): each person's choice
//! (daily, weekly — the default — or never), and the sweep that enqueues
//! the digests that are due, marking each sent in the same transaction so
//! that several workers never send one twice.

use crate::codes::Code;
use crate::schema::{digest_settings, notifications, spaces, topics, unsubscribe_links, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::community::{DecisionEmail, DigestFrequency, NotificationKind};
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::{Timestamp, UserId};
use std::time::Duration;

/// Someone's choice, the default if they never made one.
pub fn frequency(conn: &mut DbConn, user: UserId) -> Result<DigestFrequency, DbError> {
    Ok(digest_settings::table
        .find(user.0)
        .select(digest_settings::frequency)
        .first::<Code<DigestFrequency>>(conn)
        .optional()?
        .map_or(DigestFrequency::DEFAULT, DigestFrequency::from))
}

/// The person's settings row, made with the default if missing:
/// (frequency, last sent).
fn settings(conn: &mut DbConn, user: UserId) -> Result<(DigestFrequency, Option<i64>), DbError> {
    let row: Option<(Code<DigestFrequency>, Option<i64>)> = digest_settings::table
        .find(user.0)
        .select((digest_settings::frequency, digest_settings::last_sent_at))
        .first(conn)
        .optional()?;
    if let Some((f, last)) = row {
        return Ok((f.into(), last));
    }
    diesel::insert_into(digest_settings::table)
        .values((
            digest_settings::user_id.eq(user.0),
            digest_settings::frequency.eq(DigestFrequency::DEFAULT.as_str()),
        ))
        .execute(conn)?;
    Ok((DigestFrequency::DEFAULT, None))
}

/// How someone wants decisions and work waiting emailed, the default if
/// they never chose.
pub fn decisions(conn: &mut DbConn, user: UserId) -> Result<DecisionEmail, DbError> {
    Ok(digest_settings::table
        .find(user.0)
        .select(digest_settings::decisions)
        .first::<Code<DecisionEmail>>(conn)
        .optional()?
        .map_or(DecisionEmail::DEFAULT, DecisionEmail::from))
}

pub fn set_decisions(conn: &mut DbConn, user: UserId, d: DecisionEmail) -> Result<(), DbError> {
    settings(conn, user)?;
    diesel::update(digest_settings::table.find(user.0))
        .set(digest_settings::decisions.eq(d.as_str()))
        .execute(conn)?;
    Ok(())
}

pub fn set_frequency(conn: &mut DbConn, user: UserId, f: DigestFrequency) -> Result<(), DbError> {
    settings(conn, user)?;
    diesel::update(digest_settings::table.find(user.0))
        .set(digest_settings::frequency.eq(f.as_str()))
        .execute(conn)?;
    Ok(())
}

/// How long the unsubscribe link of a digest works.
pub const LINK_KEPT: Duration = Duration::from_secs(180 * 24 * 3600);

/// A new unsubscribe link's token for `user`, of which only the hash is
/// kept: each digest carries its own.
fn new_link(conn: &mut DbConn, user: UserId, now: Timestamp) -> Result<String, DbError> {
    let (token, hash) = new_token().map_err(|e| DbError::task_from("unsubscribe link", e))?;
    diesel::insert_into(unsubscribe_links::table)
        .values((
            unsubscribe_links::token_hash.eq(hash),
            unsubscribe_links::user_id.eq(user.0),
            unsubscribe_links::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Turns digests off for whoever a (live) unsubscribe link was sent to;
/// false if the link is not known.
pub fn unsubscribe(conn: &mut DbConn, token: &str, now: Timestamp) -> Result<bool, DbError> {
    let user: Option<i64> = unsubscribe_links::table
        .find(hash_token(token))
        .filter(unsubscribe_links::created_at.gt(now.minus(LINK_KEPT).micros()))
        .select(unsubscribe_links::user_id)
        .first(conn)
        .optional()?;
    let Some(user) = user else {
        return Ok(false);
    };
    set_frequency(conn, UserId(user), DigestFrequency::Off)?;
    Ok(true)
}

/// Forgets unsubscribe links older than [`LINK_KEPT`]. Returns how many.
pub fn forget_links(conn: &mut DbConn, now: Timestamp) -> Result<usize, DbError> {
    Ok(diesel::delete(
        unsubscribe_links::table
            .filter(unsubscribe_links::created_at.le(now.minus(LINK_KEPT).micros())),
    )
    .execute(conn)?)
}

/// A deleted account's links go with it.
pub fn delete_for_user(conn: &mut DbConn, user: UserId) -> Result<(), DbError> {
    diesel::delete(unsubscribe_links::table.filter(unsubscribe_links::user_id.eq(user.0)))
        .execute(conn)?;
    diesel::delete(digest_settings::table.find(user.0)).execute(conn)?;
    Ok(())
}

/// Most digests one sweep enqueues (the next sweep takes the rest).
const PER_SWEEP: i64 = 1_000;
/// Topics named in one digest.
const TOPICS: i64 = 5;
/// Notifications one digest takes at most (the oldest first; the rest wait
/// for the next), so the ids fit in one statement on either database.
const PENDING: i64 = 1_000;

/// Enqueues the digests that are due: for each person with notifications
/// unread and in no digest yet (from the last week), whose chosen period
/// has passed. Each notification is taken once, whenever it was written:
/// fan-out jobs date theirs when the event happened, which can be before
/// a digest that ran while the job waited. `links` makes (notifications
/// page, unsubscribe address from a token). Returns how many.
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
        .filter(notifications::digested.eq(false))
        .filter(notifications::created_at.gt(week))
        .select(notifications::user_id)
        .distinct()
        .limit(PER_SWEEP)
        .load(conn)?;
    let mut sent = 0;
    for id in waiting {
        let user = UserId(id);
        let (f, last) = settings(conn, user)?;
        let Some(period) = f.period() else { continue };
        if last.is_some_and(|l| l > now.minus(period).micros()) {
            continue;
        }
        // What this digest takes, and marks as taken when it is sent.
        let pending: Vec<i64> = notifications::table
            .filter(notifications::user_id.eq(id))
            .filter(notifications::read_at.is_null())
            .filter(notifications::digested.eq(false))
            .filter(notifications::created_at.gt(week))
            .order(notifications::id)
            .limit(PENDING)
            .select(notifications::id)
            .load(conn)?;
        let new: Vec<(NotificationKind, String, String)> = notifications::table
            .inner_join(topics::table.inner_join(spaces::table))
            .filter(notifications::id.eq_any(&pending))
            .order(notifications::id.desc())
            .select((notifications::kind, topics::title, spaces::title))
            .load::<(Code<NotificationKind>, String, String)>(conn)?
            .into_iter()
            .map(|(kind, topic, space)| (kind.into(), topic, space))
            .collect();
        // Decisions and work waiting, for those who want them here.
        let decided: Vec<(NotificationKind, String, String)> =
            if decisions(conn, user)? == DecisionEmail::Digest {
                notifications::table
                    .inner_join(users::table.on(users::id.eq(notifications::actor_id)))
                    .filter(notifications::id.eq_any(&pending))
                    .filter(notifications::topic_id.is_null())
                    .order(notifications::id.desc())
                    .limit(TOPICS * 2)
                    .select((
                        notifications::kind,
                        users::display_name,
                        notifications::subject,
                    ))
                    .load::<(Code<NotificationKind>, String, Option<String>)>(conn)?
                    .into_iter()
                    .map(|(kind, who, about)| (kind.into(), who, about.unwrap_or_default()))
                    .collect()
            } else {
                Vec::new()
            };
        if new.is_empty() && decided.is_empty() {
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
        // Topics started in followed spaces are named with their space.
        let (mut topics, mut new_topics): (Vec<String>, Vec<(String, String)>) = Default::default();
        for (kind, t, space) in &new {
            if *kind == NotificationKind::NewTopic {
                let line = (space.clone(), t.clone());
                if !new_topics.contains(&line) && new_topics.len() < TOPICS as usize {
                    new_topics.push(line);
                }
            } else if !topics.contains(t) && topics.len() < TOPICS as usize {
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
        diesel::update(notifications::table.filter(notifications::id.eq_any(&pending)))
            .set(notifications::digested.eq(true))
            .execute(conn)?;
        let token = new_link(conn, user, now)?;
        let job = Job::SendEmail(Email {
            to,
            lang: Lang::parse(&lang).unwrap_or(Lang::En),
            message: EmailMessage::Digest {
                name,
                count: i64::try_from(new.len() + decided.len()).unwrap_or(i64::MAX),
                topics,
                new_topics,
                decisions: decided,
                link: links(None),
                unsubscribe: links(Some(&token)),
            },
        });
        crate::jobs::enqueue(conn, &job, now)?;
        sent += 1;
    }
    Ok(sent)
}
