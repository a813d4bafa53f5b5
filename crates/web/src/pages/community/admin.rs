//! Spaces for org admins to create, for their organisation's subtree.

use super::space_path;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::org_admin::{AdminFrame, Tab, frame};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::community;
use lyceum_domain::community::{SpaceInput, Visibility};

#[derive(Template)]
#[template(path = "org_admin_spaces.html")]
pub struct AdminSpacesPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    spaces: Vec<(String, String)>,
    input: SpaceInput,
}

async fn admin_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    input: SpaceInput,
    errors: FormErrors,
) -> Result<AdminSpacesPage, AppError> {
    let frame = frame(state, scope.id, Tab::Spaces).await?;
    let org = scope.id;
    let rows = state
        .db
        .read(move |c| community::spaces_of_org(c, org))
        .await?;
    Ok(AdminSpacesPage {
        page: Page::new(ctx, "org-admin-spaces-title")
            .about(&frame.org.name)
            .with_errors(&errors),
        spaces: rows
            .into_iter()
            .map(|s| (space_path(s.id), s.title))
            .collect(),
        frame,
        errors,
        input,
    })
}

/// `GET /orgs/{org_id}/admin/spaces`
pub async fn admin_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    let input = SpaceInput {
        visibility: Visibility::Open.as_str().into(),
        ..SpaceInput::default()
    };
    Ok(render(
        &admin_page(&state, &ctx, &scope, input, FormErrors::none()).await?,
    ))
}

/// `POST /orgs/{org_id}/admin/spaces`: a space for this organisation's subtree.
pub async fn admin_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(input): HtmlForm<SpaceInput>,
) -> Result<Response, AppError> {
    let by = ctx.require_user()?.user.id();
    let draft = match input.validate() {
        Ok(d) => d,
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            return Ok(render_invalid(
                &admin_page(&state, &ctx, &scope, input, errors).await?,
            ));
        }
    };
    let (org, now) = (scope.id, state.clock.now());
    let id = state
        .db
        .write(move |c| community::create_space(c, org, &draft, by, now))
        .await?;
    Ok(redirect_with(
        &space_path(id),
        Flash::SpaceCreated,
        state.config.secure_cookies(),
    ))
}
