//! The home page: what Lyceum is, or (signed in) where you belong.

use crate::context::Ctx;
use crate::error::AppError;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::memberships::{self, Membership};

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    page: Page,
    memberships: Vec<Membership>,
    /// Organisations this person administers, for quick links.
    administered: Vec<Membership>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let mut memberships_list = Vec::new();
    if let Some(user) = &ctx.user {
        let id = user.user.id();
        memberships_list = state.db.read(move |c| memberships::of_user(c, id)).await?;
    }
    let administered = memberships_list
        .iter()
        .filter(|m| {
            matches!(
                m.role,
                lyceum_domain::role::Role::OrgAdmin | lyceum_domain::role::Role::ProgrammeAdmin
            )
        })
        .cloned()
        .collect();
    Ok(render(&HomePage {
        page: Page::new(
            &ctx,
            if ctx.user.is_some() {
                "home-title-signed-in"
            } else {
                "home-title"
            },
        ),
        memberships: memberships_list,
        administered,
    }))
}
