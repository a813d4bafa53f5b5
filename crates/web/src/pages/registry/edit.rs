//! `GET/POST /tools/new` and `/tools/{tool_id}/edit`: the programme's
//! admins add and edit the registry's tools (403 for anyone else, asked
//! before anything is read; the write asks the policy again).

use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::registry_actions as actions;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::ToolId;
use lyceum_domain::registry::{CostModel, PrivacyAgreement, ToolInput};

#[derive(Template)]
#[template(path = "registry/tool_form.html")]
pub struct ToolFormPage {
    page: Page,
    errors: FormErrors,
    action: String,
    editing: bool,
    /// The tool's page, when editing.
    back: Option<(String, String)>,
    input: ToolInput,
    costs: Vec<Choice>,
    agreements: Vec<Choice>,
}

fn form_page(
    ctx: &Ctx,
    editing: Option<(ToolId, String)>,
    input: ToolInput,
    errors: FormErrors,
) -> ToolFormPage {
    let page = Page::new(
        ctx,
        if editing.is_some() {
            "tools-edit-title"
        } else {
            "tools-new-title"
        },
    )
    .with_errors(&errors);
    let is_editing = editing.is_some();
    let page = match &editing {
        Some((_, name)) => page.about(name),
        None => page,
    };
    ToolFormPage {
        costs: Choice::list(
            &page,
            "tool-cost",
            CostModel::ALL.iter().map(|c| c.as_str()),
            &[input.cost_model.trim()],
        ),
        agreements: Choice::list(
            &page,
            "tool-privacy-agreement",
            PrivacyAgreement::ALL.iter().map(|c| c.as_str()),
            &[input.privacy_agreement.trim()],
        ),
        action: match &editing {
            Some((id, _)) => format!("/tools/{}/edit", id.0),
            None => "/tools/new".into(),
        },
        back: editing.map(|(id, name)| (actions::href(id), name)),
        editing: is_editing,
        page,
        errors,
        input,
    }
}

fn may_edit(ctx: &Ctx) -> Result<(), AppError> {
    if actions::edits_registry(&ctx.require_user()?.actor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `GET /tools/new`
pub async fn new_form(ctx: Ctx) -> Result<Response, AppError> {
    may_edit(&ctx)?;
    Ok(render(&form_page(
        &ctx,
        None,
        ToolInput::default(),
        FormErrors::none(),
    )))
}

/// `POST /tools/new`
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(input): HtmlForm<ToolInput>,
) -> Result<Response, AppError> {
    may_edit(&ctx)?;
    let user = ctx.require_user()?;
    match actions::create_tool(&state, user, &input).await? {
        Ok(id) => Ok(Redirect::to(&actions::href(id)).into_response()),
        Err(e) => Ok(render_invalid(&form_page(
            &ctx,
            None,
            input,
            FormErrors::from_invalid(&e, ctx.lang),
        ))),
    }
}

/// `GET /tools/{tool_id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    may_edit(&ctx)?;
    let id = ToolId(id);
    let row = actions::tool_row(&state, id).await?;
    Ok(render(&form_page(
        &ctx,
        Some((id, row.name.clone())),
        row.tool().to_input(),
        FormErrors::none(),
    )))
}

/// `POST /tools/{tool_id}/edit`
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(input): HtmlForm<ToolInput>,
) -> Result<Response, AppError> {
    may_edit(&ctx)?;
    let user = ctx.require_user()?;
    let id = ToolId(id);
    match actions::update_tool(&state, user, id, &input).await? {
        Ok(()) => Ok(Redirect::to(&actions::href(id)).into_response()),
        Err(e) => {
            let row = actions::tool_row(&state, id).await?;
            Ok(render_invalid(&form_page(
                &ctx,
                Some((id, row.name)),
                input,
                FormErrors::from_invalid(&e, ctx.lang),
            )))
        }
    }
}
