//! The people in an organisation and below it, for its admins.

use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lyceum_db::memberships::{self, Person};
use lyceum_db::orgs::{self, OrgRow};
use lyceum_domain::UserId;
use serde::Deserialize;

pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
pub struct PeopleQuery {
    /// Keyset cursor: the last person id of the previous page.
    #[serde(default)]
    after: Option<i64>,
}

#[derive(Template)]
#[template(path = "people.html")]
pub struct PeoplePage {
    page: Page,
    org: OrgRow,
    people: Vec<Person>,
    next_after: Option<i64>,
    first_page: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Query(q): Query<PeopleQuery>,
) -> Result<Response, AppError> {
    let after = q.after.map(UserId);
    let (org, mut people) = state
        .db
        .read(move |c| {
            let org = orgs::get(c, scope.id)?;
            // One extra row says whether there is a next page.
            let people = memberships::people_in_scope(c, &scope.path, after, PAGE_SIZE + 1)?;
            Ok((org, people))
        })
        .await?;
    let more = people.len() as i64 > PAGE_SIZE;
    people.truncate(PAGE_SIZE as usize);
    Ok(render(&PeoplePage {
        page: Page::new(&ctx, "people-title").about(&org.name),
        next_after: if more {
            people.last().map(|p| p.id)
        } else {
            None
        },
        first_page: q.after.is_none(),
        org,
        people,
    }))
}
