//! The home page: what Lyceum is, or (signed in) where you belong.

use super::courses::course_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::learning;
use lyceum_db::memberships::Membership;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    page: Page,
    memberships: Vec<Membership>,
    /// Organisations this person administers, for quick links.
    administered: Vec<Membership>,
    /// Courses this person follows, most recently active first.
    courses: Vec<MyCourse>,
    /// Facilitates or administers somewhere: links to the review queue.
    reviews: bool,
    /// Writes courses: links to authoring.
    authors: bool,
    /// Unread notifications.
    unread: i64,
    /// Moderates somewhere: links to the moderation queue.
    moderates: bool,
}

impl HomePage {
    fn notifications_label(&self) -> String {
        if self.unread > 0 {
            self.page.tn("home-notifications-unread", self.unread)
        } else {
            self.page.t("home-notifications-link")
        }
    }
}

pub struct MyCourse {
    pub href: String,
    pub title: String,
    /// The course's language, when it is not the page's.
    pub lang: Option<&'static str>,
    pub completed: bool,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let (mut memberships_list, mut followed, mut unread) = (Vec::new(), Vec::new(), 0);
    if let Some(user) = &ctx.user {
        let id = user.user.id();
        memberships_list = user.memberships.clone();
        (followed, unread) = state
            .db
            .read(move |c| {
                Ok((
                    learning::courses_of(c, id)?,
                    lyceum_db::community::unread(c, id)?,
                ))
            })
            .await?;
    }
    let courses = followed
        .into_iter()
        .map(|(row, e)| MyCourse {
            href: course_path(&row.slug),
            lang: (row.lang() != ctx.lang).then(|| row.lang().as_str()),
            title: row.title,
            completed: e.completed_at.is_some(),
        })
        .collect();
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
        courses,
        reviews: ctx
            .user
            .as_ref()
            .is_some_and(|u| !u.actor.review_scopes().is_empty()),
        authors: ctx.user.as_ref().is_some_and(|u| u.actor.authors()),
        unread,
        moderates: ctx
            .user
            .as_ref()
            .is_some_and(|u| !u.actor.moderation_scopes().is_empty()),
    }))
}
