//! Suggestions while typing a mention: a fragment (a listbox of people)
//! that the script in `lyceum.js` puts under a post's text box. The same
//! people as `GET /api/v1/spaces/{id}/mentionable` (`crate::mentions`).

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::mentions::{Mentionable, suggest};
use crate::page::render;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_domain::SpaceId;
use lyceum_domain::i18n::{Arg, catalogue};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "mention_options.html")]
pub struct MentionOptions {
    people: Vec<Mentionable>,
    /// Read out when the list changes: how many there are.
    count: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct MentionQuery {
    #[serde(default)]
    q: String,
}

/// `GET /spaces/{space_id}/mentionable?q=`
pub async fn mentionable(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SpaceId>,
    HtmlQuery(q): HtmlQuery<MentionQuery>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let people = suggest(&state, me, id, &q.q).await?;
    let count = catalogue().text_with(
        ctx.lang,
        "mention-count",
        &[("count", Arg::Num(people.len() as i64))],
    );
    Ok(render(&MentionOptions { people, count }))
}
