//! Who may see which space, for pages and the API alike: a space (or a
//! topic in it) the reader may not read does not exist for them.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::community::{self, Space, TopicRow};
use lyceum_db::{DbConn, DbError};
use lyceum_domain::community::Visibility;
use lyceum_domain::{SpaceId, TopicId};

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
    let (space, extra) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                let Some(space) = community::space(c, id)? else {
                    return Ok(None);
                };
                let extra = more(c, &space)?;
                Ok(Some((space, extra)))
            })
        })
        .await?
        .ok_or(AppError::NotFound)?;
    if me.actor.reads_space(&space.path, visibility(&space)) {
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
pub fn require_poster(me: &CurrentUser, space: &Space) -> Result<(), AppError> {
    match me.actor.posts_in_space(&space.path) {
        true => Ok(()),
        false => Err(AppError::Forbidden),
    }
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
    let (topic, space, extra) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                let Some((topic, space)) = community::topic_in_space(c, id)? else {
                    return Ok(None);
                };
                let extra = more(c, &topic)?;
                Ok(Some((topic, space, extra)))
            })
        })
        .await?
        .ok_or(AppError::NotFound)?;
    if me.actor.reads_space(&space.path, visibility(&space)) {
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
    let all = state.db.read(community::spaces).await?;
    Ok(all
        .into_iter()
        .filter(|s| me.actor.reads_space(&s.path, visibility(s)))
        .collect())
}
