//! The organisation admin area's first page: work waiting (PD requests to
//! decide, invitations not yet answered, the last roster import), each
//! leading to its tab; for programme admins, the programme's settings.

use super::org_admin::{AdminFrame, Tab, frame};
use crate::admin_views::{self, Overview};
use crate::context::Ctx;
use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "org_admin_overview.html")]
pub struct OverviewPage {
    page: Page,
    frame: AdminFrame,
    overview: Overview,
    /// The reader changes the programme's settings: a link to them.
    programme_settings: bool,
}

impl OverviewPage {
    fn pd_requests(&self) -> String {
        let n = i64::try_from(self.overview.pd_requests_waiting).unwrap_or(i64::MAX);
        self.page.tn("org-admin-overview-pd-requests", n)
    }

    fn invitations(&self) -> String {
        self.page.tn(
            "org-admin-overview-invitations",
            self.overview.invitations_waiting,
        )
    }

    fn roster(&self) -> String {
        match &self.overview.last_roster_import {
            Some(at) => self.page.t1(
                "org-admin-overview-roster-last",
                "date",
                &self.page.date(at),
            ),
            None => self.page.t("org-admin-overview-roster-never"),
        }
    }
}

/// `GET /orgs/{org_id}/admin/overview`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let frame = frame(&state, scope.id, Tab::Overview).await?;
    let actor = &ctx.require_user()?.actor;
    let overview = admin_views::overview(&state, actor, &scope).await?;
    let page = Page::new(&ctx, "org-admin-overview-title").about(&frame.org.name);
    Ok(render(&OverviewPage {
        page,
        frame,
        overview,
        programme_settings: crate::programme_settings_actions::manages(actor),
    }))
}
