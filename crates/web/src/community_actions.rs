//! What the community pages and the API both do, written once: following
//! a space, starting a topic, replying, flagging a post and searching
//! posts. Each checks who may (the space's audience, `spaces::require_poster`)
//! and writes (where `community::may_write` adds locks, suspensions and
//! posting limits); handlers turn the outcome into a page or JSON.
//! `Ok(Err(invalid))` is input refused, for the handler to show with what
//! was typed.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::spaces::{readable, readable_topic, require_poster};
use crate::state::AppState;
use lyceum_db::community;
use lyceum_db::{DbError, moderation};
use lyceum_domain::community::{TopicInput, body, reason};
use lyceum_domain::i18n::Lang;
use lyceum_domain::validation::Invalid;

/// Input refused (`Err`), or what was made.
pub type Outcome<T> = Result<Result<T, Invalid>, AppError>;

/// A refusal from the database's checks as input refused; anything else
/// stays an error.
fn refused<T>(r: Result<T, DbError>) -> Outcome<T> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(DbError::Invalid(invalid)) => Ok(Err(invalid)),
        Err(e) => Err(e.into()),
    }
}

/// Follows (or stops following) a space `me` may read. `muted`, while
/// following, mutes or unmutes it too (`None` leaves that as it is).
/// `following` is required; it is an `Option` so that a space one may
/// not read answers 404 whatever was asked.
pub async fn follow(
    state: &AppState,
    me: &CurrentUser,
    space: i64,
    following: Option<bool>,
    muted: Option<bool>,
) -> Result<(), AppError> {
    readable(state, me, space).await?;
    let following =
        following.ok_or_else(|| AppError::Invalid(Invalid::one("following", "required")))?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| {
            community::follow(c, user, space, following, now)?;
            if let (true, Some(m)) = (following, muted) {
                community::mute(c, user, space, m, now)?;
            }
            Ok(())
        })
        .await?;
    Ok(())
}

/// Mutes (or unmutes) a space `me` may read: its new topics stop reaching
/// their notifications and digest.
pub async fn mute(
    state: &AppState,
    me: &CurrentUser,
    space: i64,
    on: bool,
) -> Result<(), AppError> {
    readable(state, me, space).await?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::mute(c, user, space, on, now))
        .await?;
    Ok(())
}

/// Starts a topic in a space: its id. Competency tags are checked against
/// the frameworks, read only when one was chosen.
pub async fn start_topic(
    state: &AppState,
    me: &CurrentUser,
    lang: Lang,
    space: i64,
    input: &TopicInput,
) -> Outcome<i64> {
    let s = readable(state, me, space).await?;
    require_poster(me, &s)?;
    let known = match input.competency.trim() {
        "" => Vec::new(),
        _ => {
            state
                .db
                .read(move |c| crate::pages::named_competencies(c, lang))
                .await?
        }
    };
    let draft = match input.validate(|c| known.iter().any(|(id, _)| id == c)) {
        Ok(d) => d,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let (author, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| community::create_topic(c, space, author, &draft, now))
            .await,
    )
}

/// Replies to a topic: the new post's id.
pub async fn reply(state: &AppState, me: &CurrentUser, topic: i64, text: &str) -> Outcome<i64> {
    let (_, space) = readable_topic(state, me, topic).await?;
    require_poster(me, &space)?;
    let text = match body(text) {
        Ok(t) => t,
        Err(e) => return Ok(Err(Invalid(vec![e]))),
    };
    let (author, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| community::reply(c, topic, author, &text, now))
            .await,
    )
}

/// Where a post is, if `me` may read it: (topic id, the space's
/// organisation path, its org id).
pub async fn readable_post(
    state: &AppState,
    me: &CurrentUser,
    post: i64,
) -> Result<(i64, lyceum_domain::org::OrgPath, lyceum_domain::OrgId), AppError> {
    let (topic, space, path, org) = state
        .db
        .read(move |c| moderation::place_of_post(c, post))
        .await?
        .ok_or(AppError::NotFound)?;
    readable(state, me, space).await?;
    Ok((topic, path, lyceum_domain::OrgId(org)))
}

/// Flags a post `me` may read, with a reason, for the space's moderators:
/// the post's topic, and whether this flag is new (flagging twice counts once).
pub async fn flag(
    state: &AppState,
    me: &CurrentUser,
    post: i64,
    why: &str,
) -> Outcome<(i64, bool)> {
    let (topic, _, _) = readable_post(state, me, post).await?;
    let why = match reason(why) {
        Ok(r) => r,
        Err(e) => return Ok(Err(Invalid(vec![e]))),
    };
    let (reporter, now) = (me.user.id(), state.clock.now());
    let new = state
        .db
        .write(move |c| moderation::flag(c, post, reporter, &why, now))
        .await?;
    Ok(Ok((topic, new)))
}
