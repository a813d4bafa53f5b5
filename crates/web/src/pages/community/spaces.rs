//! `GET /spaces`: the spaces a person may read, those they follow first.

use super::space_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::community;
use lyceum_domain::community::Visibility;

pub struct SpaceLine {
    pub href: String,
    pub title: String,
    pub description: String,
    pub org_name: String,
    pub members_only: bool,
    pub topics: i64,
    pub following: bool,
    pub follow_action: String,
}

#[derive(Template)]
#[template(path = "spaces.html")]
pub struct SpacesPage {
    page: Page,
    mine: Vec<SpaceLine>,
    others: Vec<SpaceLine>,
}

/// `GET /spaces`: "my spaces" (followed) first, then the others this
/// person may read.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let id = me.user.id();
    let all = crate::spaces::all_readable(&state, me).await?;
    let followed = state.db.read(move |c| community::followed(c, id)).await?;
    let (mut mine, mut others) = (Vec::new(), Vec::new());
    for s in all {
        let visibility = crate::spaces::visibility(&s);
        let following = followed.contains(&s.row.id);
        let line = SpaceLine {
            href: space_path(s.row.id),
            follow_action: format!("{}/follow", space_path(s.row.id)),
            title: s.row.title,
            description: s.row.description,
            org_name: s.org_name,
            members_only: visibility != Visibility::Open,
            topics: s.row.topic_count,
            following,
        };
        if following {
            mine.push(line);
        } else {
            others.push(line);
        }
    }
    Ok(render(&SpacesPage {
        page: Page::new(&ctx, "spaces-title"),
        mine,
        others,
    }))
}
