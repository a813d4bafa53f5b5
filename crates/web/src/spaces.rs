//! Who may see which space, for pages and the API alike: a space (or a
//! topic in it) the reader may not read does not exist for them. An
//! offering's space is read with where the reader stands in the offering
//! (`Space::reader`), so the policy decides it like any other.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::community::{self, Space, TopicRow};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::community::Visibility;
use lyceum_domain::policy::Actor;
use lyceum_domain::{SpaceId, Timestamp, TopicId};

/// The space, if this person may read it (else it does not exist).
pub async fn readable(state: &AppState, me: &CurrentUser, id: SpaceId) -> Result<Space, AppError> {
    let (space, ()) = readable_with(state, me, id, |_, _| Ok(())).await?;
    Ok(space)
}

/// [`readable`], with whatever else `more` reads about the space in the
/// same trip to the database — read before the check, handed back only
/// after it. A brief read (`Db::read_brief`): `more` reads by key, a page
/// at most.
pub async fn readable_with<T, F>(
    state: &AppState,
    me: &CurrentUser,
    id: SpaceId,
    more: F,
) -> Result<(Space, T), AppError>
where
    F: FnOnce(&mut DbConn, &Space) -> Result<T, DbError> + Send + 'static,
    T: Send + 'static,
{
    let user = me.actor.user_id;
    let (space, extra) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                let Some(mut space) = community::space(c, id)? else {
                    return Ok(None);
                };
                space.reader = community::circle_of(c, &space, user)?;
                let extra = more(c, &space)?;
                Ok(Some((space, extra)))
            })
        })
        .await?
        .ok_or(AppError::NotFound)?;
    if reads(me, &space) {
        Ok((space, extra))
    } else {
        Err(AppError::NotFound)
    }
}

/// The topic and its space, if this person may read them.
/// May `me` write in this space — start a topic, reply, react, edit
/// their own post? Its audience and its moderators (`Actor::posts_in_space`). The
/// rest of "may this person write this now" (suspension, lock, hourly and
/// link limits) is `lyceum_db::community::may_write`, asked inside the
/// write by every way of writing.
pub fn require_poster(me: &CurrentUser, space: &Space, now: Timestamp) -> Result<(), AppError> {
    match posts(me, space, now) {
        true => Ok(()),
        false => Err(AppError::Forbidden),
    }
}

/// May `me` read `space` (read with `me`'s place in it: `Space::reader`)?
pub fn reads(me: &CurrentUser, space: &Space) -> bool {
    me.actor
        .reads_space(&space.path, visibility(space), space.reader)
}

/// May `me` post in `space`? Nobody may once it is archived (an
/// offering's, a month after its last session): it is read-only, and
/// `community::may_write` refuses the same inside every write.
pub fn posts(me: &CurrentUser, space: &Space, now: Timestamp) -> bool {
    posts_as(&me.actor, space, now)
}

/// [`posts`], for an actor.
pub fn posts_as(actor: &Actor, space: &Space, now: Timestamp) -> bool {
    actor.posts_in_space(&space.path, visibility(space), space.reader) && !space.archived(now)
}

/// Does `me` moderate `space` (an offering's facilitators moderate its space)?
pub fn moderates(me: &CurrentUser, space: &Space) -> bool {
    me.actor.moderates_in(&space.path, space.reader)
}

pub async fn readable_topic(
    state: &AppState,
    me: &CurrentUser,
    id: TopicId,
) -> Result<(TopicRow, Space), AppError> {
    let (topic, space, ()) = readable_topic_with(state, me, id, |_, _| Ok(())).await?;
    Ok((topic, space))
}

/// [`readable_topic`], with whatever else `more` reads about the topic in
/// the same trip to the database — read before the check, handed back only
/// after it. A brief read (`Db::read_brief`): `more` reads by key, a page
/// at most.
pub async fn readable_topic_with<T, F>(
    state: &AppState,
    me: &CurrentUser,
    id: TopicId,
    more: F,
) -> Result<(TopicRow, Space, T), AppError>
where
    F: FnOnce(&mut DbConn, &TopicRow) -> Result<T, DbError> + Send + 'static,
    T: Send + 'static,
{
    let user = me.actor.user_id;
    let (topic, space, extra) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                let Some((topic, mut space)) = community::topic_in_space(c, id)? else {
                    return Ok(None);
                };
                space.reader = community::circle_of(c, &space, user)?;
                let extra = more(c, &topic)?;
                Ok(Some((topic, space, extra)))
            })
        })
        .await?
        .ok_or(AppError::NotFound)?;
    if reads(me, &space) {
        Ok((topic, space, extra))
    } else {
        Err(AppError::NotFound)
    }
}

/// A stored space's visibility (read into `Visibility` by `db`).
pub fn visibility(space: &Space) -> Visibility {
    space.row.visibility
}

/// Every space this person may read.
pub async fn all_readable(state: &AppState, me: &CurrentUser) -> Result<Vec<Space>, AppError> {
    let user = me.actor.user_id;
    let (all, circles) = state
        .db
        .read(move |c| Ok((community::spaces(c)?, community::circles_of(c, user)?)))
        .await?;
    Ok(with_circles(all, &circles)
        .filter(|s| reads(me, s))
        .collect())
}

/// `spaces`, each with the reader's place in it from `circles`.
pub fn with_circles(
    spaces: Vec<Space>,
    circles: &std::collections::HashMap<SpaceId, lyceum_domain::community::Circle>,
) -> impl Iterator<Item = Space> + '_ {
    spaces.into_iter().map(|mut s| {
        s.reader = circles.get(&s.row.id).copied().unwrap_or_default();
        s
    })
}
