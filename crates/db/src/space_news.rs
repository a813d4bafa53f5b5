//! New topics told to a space's followers: the worker's `TopicStarted` job
//! runs [`tell_followers`] a batch at a time (each batch its own
//! transaction), so starting a topic in a space with thousands of
//! followers costs the request one queued job.
//!
//! A follower hears of it unless they muted the space, started the topic
//! themselves, or can no longer read the space (it is members-only and they
//! left its organisation): the same rule as every page,
//! `Actor::reads_space`, on the grants they hold now. A batch skips those
//! already told, so a retried job tells nobody twice.

use crate::schema::{memberships, notifications, orgs, space_follows, topics, users};
use crate::{DbConn, DbError, community};
use diesel::prelude::*;
use lyceum_domain::community::{Circle, NotificationKind};
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Actor, Grant};
use lyceum_domain::role::Role;
use lyceum_domain::{SpaceId, TopicId, UserId};
use std::collections::{HashMap, HashSet};

/// Followers looked at per transaction.
pub const BATCH: i64 = 500;

/// Tells the next batch of the topic's space's followers (those with ids
/// above `after`). Returns where the next batch starts, or `None` when
/// every follower has been looked at (or the topic is gone).
pub fn tell_followers(
    conn: &mut DbConn,
    topic: TopicId,
    after: i64,
) -> Result<Option<i64>, DbError> {
    let found: Option<(i64, i64, i64)> = topics::table
        .find(topic.0)
        .select((topics::space_id, topics::author_id, topics::created_at))
        .first(conn)
        .optional()?;
    let Some((space_id, author, started_at)) = found else {
        return Ok(None);
    };
    let Some(space) = community::space(conn, SpaceId(space_id))? else {
        return Ok(None);
    };
    let visibility = space.row.visibility;
    let followers: Vec<i64> = space_follows::table
        .inner_join(users::table.on(users::id.eq(space_follows::user_id)))
        .filter(space_follows::space_id.eq(space_id))
        .filter(space_follows::user_id.gt(after))
        .filter(space_follows::user_id.ne(author))
        .filter(space_follows::muted_at.is_null())
        .filter(users::deleted_at.is_null())
        .filter(users::deactivated_at.is_null())
        .order(space_follows::user_id)
        .limit(BATCH)
        .select(space_follows::user_id)
        .load(conn)?;
    let Some(&last) = followers.last() else {
        return Ok(None);
    };
    let grants = grants_of_many(conn, &followers)?;
    let circle = match space.row.offering_id {
        Some(o) => community::offering_people(conn, o)?,
        None => HashSet::new(),
    };
    let told: HashSet<i64> = notifications::table
        .filter(notifications::topic_id.eq(topic.0))
        .filter(notifications::kind.eq(NotificationKind::NewTopic.as_str()))
        .filter(notifications::user_id.eq_any(&followers))
        .select(notifications::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let rows: Vec<_> = followers
        .iter()
        .filter(|id| !told.contains(id))
        .filter(|&&id| {
            let actor = Actor {
                user_id: UserId(id),
                grants: grants.get(&id).cloned().unwrap_or_default(),
            };
            // Member or facilitator: either reads an offering's space.
            let inside = match circle.contains(&id) {
                true => Circle::Member,
                false => Circle::Outside,
            };
            actor.reads_space(&space.path, visibility, inside)
        })
        .map(|&id| {
            (
                notifications::user_id.eq(id),
                notifications::kind.eq(NotificationKind::NewTopic.as_str()),
                notifications::actor_id.eq(author),
                notifications::topic_id.eq(topic.0),
                notifications::post_id.eq(None::<i64>),
                notifications::note.eq(None::<String>),
                // When it happened, not when the worker got to it.
                notifications::created_at.eq(started_at),
            )
        })
        .collect();
    if !rows.is_empty() {
        // One statement for the batch.
        crate::on_backend!(conn, |c| diesel::insert_into(notifications::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok((followers.len() as i64 == BATCH).then_some(last))
}

/// Every role each of `users` holds, where.
fn grants_of_many(conn: &mut DbConn, users: &[i64]) -> Result<HashMap<i64, Vec<Grant>>, DbError> {
    let rows: Vec<(i64, String, String)> = memberships::table
        .inner_join(orgs::table)
        .filter(memberships::user_id.eq_any(users))
        .select((memberships::user_id, memberships::role, orgs::path))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<Grant>> = HashMap::new();
    for (user, role, path) in rows {
        if let (Some(role), Some(scope)) = (Role::parse(&role), OrgPath::parse(&path)) {
            out.entry(user).or_default().push(Grant { role, scope });
        }
    }
    Ok(out)
}
