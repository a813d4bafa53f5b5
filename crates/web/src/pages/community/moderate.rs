//! Moderators' decisions on a topic: lock, unlock, pin, unpin, move.

use super::topic::{Typed, refused};
use super::topic_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::spaces::{readable, readable_topic};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::community;
use lyceum_domain::community::TopicDecision;
use lyceum_domain::validation::Invalid;
use lyceum_domain::{OrgId, SpaceId, TopicId};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct ModerateForm {
    /// `lock`, `unlock`, `pin`, `unpin` or `move`.
    #[serde(default)]
    action: String,
    /// With `move`: the space's id.
    #[serde(default)]
    to: String,
    /// The reason, told to the author: needed to lock or move.
    #[serde(default)]
    why: String,
}

/// `POST /topics/{topic_id}/moderate`: moderators of the topic's space lock,
/// unlock, pin, unpin or move it (to a space they moderate too); each is
/// recorded in the audit log with its reason, and the topic's author is told.
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TopicId>,
    HtmlForm(form): HtmlForm<ModerateForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let (topic, space) = readable_topic(&state, me, id).await?;
    if !crate::spaces::moderates(me, &space) {
        return Err(AppError::Forbidden);
    }
    let Some(decision) = TopicDecision::parse(&form.action) else {
        return Err(AppError::BadRequest(
            "action: lock, unlock, pin, unpin or move".into(),
        ));
    };
    let to = match decision {
        TopicDecision::Move => {
            let to = SpaceId(
                form.to
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| AppError::BadRequest("to: a space's id".into()))?,
            );
            let target = readable(&state, me, to).await?;
            // An offering's space keeps its topics, and takes no others.
            let offering = space.row.offering_id.is_some() || target.row.offering_id.is_some();
            if offering || !me.actor.moves_topic(&space.path, &target.path) {
                return Err(AppError::Forbidden);
            }
            Some(to)
        }
        _ => None,
    };
    let why = match decision.reason(&form.why) {
        Ok(why) => why,
        Err(e) => {
            let typed = Typed {
                why: form.why,
                ..Typed::default()
            };
            return refused(&state, &ctx, id, typed, Invalid(vec![e])).await;
        }
    };
    let (by, now) = (me.user.id(), state.clock.now());
    let (org, author) = (OrgId(space.row.org_id), topic.author_id);
    state
        .db
        .write(move |c| {
            use community::{
                TopicFlag::{Locked, Pinned},
                switch,
            };
            let reason = why.as_deref();
            match (decision, to) {
                (TopicDecision::Lock, _) => switch(c, id, Locked, true, by, reason, now)?,
                (TopicDecision::Unlock, _) => switch(c, id, Locked, false, by, reason, now)?,
                (TopicDecision::Pin, _) => switch(c, id, Pinned, true, by, reason, now)?,
                (TopicDecision::Unpin, _) => switch(c, id, Pinned, false, by, reason, now)?,
                (TopicDecision::Move, Some(to)) => {
                    community::move_topic(c, id, to, by, reason, now)?
                }
                // `to` was read above for every move.
                (TopicDecision::Move, None) => {}
            }
            crate::org_actions::record(
                c,
                now,
                by,
                &format!("community.topic_{decision}"),
                org,
                Some(author),
                serde_json::json!({ "topic": id, "to": to, "reason": why }),
            )
        })
        .await?;
    Ok(redirect_with(
        &topic_path(id),
        Flash::TopicModerated,
        state.config.secure_cookies(),
    ))
}
