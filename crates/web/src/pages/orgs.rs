//! The organisation browser: the programme's tree, one node at a time.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::redirect;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::orgs::{self, OrgRow};
use lyceum_domain::OrgId;
use lyceum_domain::org::OrgKind;
use lyceum_domain::policy::Action;

/// `/orgs` opens the programme itself.
pub async fn index(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require_user()?;
    match state.db.read(orgs::root).await? {
        Some(root) => Ok(redirect(&format!("/orgs/{}", root.id))),
        None => Err(AppError::NotFound),
    }
}

#[derive(Template)]
#[template(path = "org.html")]
pub struct OrgPage {
    page: Page,
    org: OrgRow,
    lineage: Vec<OrgRow>,
    children: Vec<OrgRow>,
    can_admin: bool,
    can_see_people: bool,
    is_school: bool,
}

impl OrgPage {
    fn kind_label(&self, kind: &OrgKind) -> String {
        self.page.t(&kind.label_key())
    }

    fn yes_no(&self, v: &bool) -> String {
        self.page.t(if *v { "yes" } else { "no" })
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org_id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (org, lineage, children) = state
        .db
        .read(move |c| {
            let org = orgs::get(c, OrgId(org_id))?;
            let lineage = orgs::lineage(c, &org.org_path()?)?;
            let children = orgs::children(c, org.id())?;
            Ok((org, lineage, children))
        })
        .await?;
    let path = org.org_path()?;
    let page = Page::new(&ctx, "org-title").with_title(&org.name);
    Ok(render(&OrgPage {
        can_admin: user.actor.can(Action::AdministerOrg, &path),
        can_see_people: user.actor.can(Action::ViewPeople, &path),
        is_school: org.kind == OrgKind::School,
        lineage: lineage.into_iter().filter(|o| o.id != org.id).collect(),
        page,
        org,
        children,
    }))
}
