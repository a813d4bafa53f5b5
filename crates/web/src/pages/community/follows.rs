//! Following and muting a space (`crate::community_actions`, shared with the API).

use super::space_path;
use crate::community_actions;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::SpaceId;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct FollowForm {
    /// `yes` to follow, anything else to stop.
    #[serde(default)]
    follow: String,
}

/// `POST /spaces/{space_id}/follow`
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlForm(form): HtmlForm<FollowForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let on = form.follow == "yes";
    community_actions::follow(&state, me, id, Some(on), None).await?;
    Ok(redirect_with(
        "/spaces",
        if on {
            Flash::SpaceFollowed
        } else {
            Flash::SpaceUnfollowed
        },
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct MuteForm {
    /// `yes` to mute, anything else to unmute.
    #[serde(default)]
    mute: String,
}

/// `POST /spaces/{space_id}/mute`: a follower mutes (or unmutes) a space:
/// its new topics stop reaching their notifications and digest.
pub async fn mute(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlForm(form): HtmlForm<MuteForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let on = form.mute == "yes";
    community_actions::mute(&state, me, id, on).await?;
    Ok(redirect_with(
        &space_path(id),
        if on {
            Flash::SpaceMuted
        } else {
            Flash::SpaceUnmuted
        },
        state.config.secure_cookies(),
    ))
}
