//! Reacting to a post, and accepting a reply as a question's answer.

use super::topic_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::spaces::readable_topic;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::community;
use lyceum_domain::community::Reaction;
use lyceum_domain::{PostId, TopicId};
use serde::Deserialize;

/// A reaction to add (`add=<kind>`, the topic page's buttons) or take back
/// (`remove=<kind>`); or `kind` with `on=yes` to add, anything else to take
/// it back. Either way it says what to do, so sending it twice changes
/// nothing more.
#[derive(Debug, Default, Deserialize)]
pub struct ReactForm {
    #[serde(default)]
    add: String,
    #[serde(default)]
    remove: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    on: String,
}

impl ReactForm {
    /// (kind as typed, add it?)
    fn asked(&self) -> (&str, bool) {
        match (self.add.trim(), self.remove.trim()) {
            ("", "") => (self.kind.trim(), self.on == "yes"),
            ("", kind) => (kind, false),
            (kind, _) => (kind, true),
        }
    }
}

/// `POST /posts/{post_id}/react`: adds or takes back a reaction.
pub async fn react(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PostId>,
    HtmlForm(form): HtmlForm<ReactForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (kind, on) = form.asked();
    let kind = Reaction::parse(kind)
        .ok_or_else(|| AppError::BadRequest("kind: helpful, thanks or insightful".into()))?;
    let post = state
        .db
        .read(move |c| community::post(c, id))
        .await?
        .filter(|p| p.deleted_at.is_none() && p.hidden_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (_, space) = readable_topic(&state, me, post.topic_id).await?;
    crate::spaces::require_poster(me, &space, state.clock.now())?;
    let (user, now) = (me.user.id(), state.clock.now());
    state
        .db
        .write(move |c| community::react(c, id, user, kind, on, now))
        .await?;
    Ok(crate::flash::redirect(&format!(
        "{}#post-{id}",
        topic_path(post.topic_id)
    )))
}

#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    post: String,
}

/// `POST /topics/{topic_id}/accept`: the question's author accepts a reply
/// as the answer; its author is told.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    HtmlForm(form): HtmlForm<AcceptForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    readable_topic(&state, me, id).await?;
    let post = PostId(
        form.post
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest("post: not a post id".into()))?,
    );
    let (by, now) = (me.user.id(), state.clock.now());
    match state
        .db
        .write(move |c| community::accept(c, id, by, post, now))
        .await
    {
        Ok(()) => Ok(redirect_with(
            &format!("{}#post-{post}", topic_path(id)),
            Flash::AnswerAccepted,
            state.config.secure_cookies(),
        )),
        Err(DbError::NotFound) => Err(AppError::Forbidden),
        Err(e) => Err(e.into()),
    }
}
