//! `GET/POST /tools/{tool_id}/review`: one's review of a tool, every
//! criterion of the rubric a group of radio buttons with an optional
//! comment. One review per person per tool: the form shows the one
//! already written, and sending it again edits it.
//!
//! `GET/POST /tools/{tool_id}/review/withdraw`: taking one's review back,
//! asked first on a page of its own (a form, so without JavaScript too);
//! the tool's counts move back as if it had never been written.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::choices::Choice;
use crate::registry_actions as actions;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use lyceum_domain::ToolId;
use lyceum_domain::registry::review::{Criterion, Rating, ReviewInput};

/// One criterion's radios and comment box.
pub struct CriterionField {
    /// `ratings-<criterion>`.
    pub name: String,
    /// The criterion's label key.
    pub legend: String,
    pub choices: Vec<Choice>,
    /// `comments-<criterion>`.
    pub comment_name: String,
    pub comment_label: String,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "registry/review_form.html")]
pub struct ReviewPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    tool: String,
    editing: bool,
    fields: Vec<CriterionField>,
}

#[derive(Template)]
#[template(path = "registry/withdraw_review.html")]
pub struct WithdrawPage {
    page: Page,
    id: i64,
    tool: String,
}

fn review_page(
    ctx: &Ctx,
    id: ToolId,
    tool: &str,
    editing: bool,
    input: &ReviewInput,
    errors: FormErrors,
) -> ReviewPage {
    let page = Page::new(ctx, "tools-review-title")
        .about(tool)
        .with_errors(&errors);
    let fields = Criterion::ALL
        .iter()
        .map(|c| {
            let chosen = input.ratings.get(c.as_str()).map_or("", |r| r.trim());
            let label = page.t(&c.label_key());
            CriterionField {
                name: format!("ratings-{c}"),
                legend: c.label_key(),
                choices: Choice::list(
                    &page,
                    "tool-rating",
                    Rating::ALL.iter().map(|r| r.as_str()),
                    &[chosen],
                ),
                comment_name: format!("comments-{c}"),
                comment_label: page.t1("tools-review-comment", "criterion", &label),
                comment: input.comments.get(c.as_str()).cloned().unwrap_or_default(),
            }
        })
        .collect();
    ReviewPage {
        page,
        errors,
        id: id.0,
        tool: tool.to_string(),
        editing,
        fields,
    }
}

/// The form's fields as a review: `ratings-<criterion>` and
/// `comments-<criterion>` (anything else, the CSRF token included, is not
/// the review's).
fn input_from(fields: Vec<(String, String)>) -> ReviewInput {
    let mut input = ReviewInput::default();
    for (k, v) in fields {
        if let Some(c) = k.strip_prefix("ratings-") {
            input.ratings.insert(c.to_string(), v);
        } else if let Some(c) = k.strip_prefix("comments-") {
            input.comments.insert(c.to_string(), v);
        }
    }
    input
}

/// `GET /tools/{tool_id}/review`: one's review, to write or to change.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ToolId(id);
    let (row, mine) = actions::own_review(&state, user, id).await?;
    let input = mine
        .as_ref()
        .map(|m| m.review.to_input())
        .unwrap_or_default();
    Ok(render(&review_page(
        &ctx,
        id,
        &row.name,
        mine.is_some(),
        &input,
        FormErrors::none(),
    )))
}

/// `POST /tools/{tool_id}/review`: saved whole, or refused by field with
/// nothing saved.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(fields): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ToolId(id);
    let input = input_from(fields);
    match actions::write_review(&state, user, id, &input).await? {
        Ok(_) => Ok(Redirect::to(&format!("{}#ratings", actions::href(id))).into_response()),
        Err(e) => {
            let (row, mine) = actions::own_review(&state, user, id).await?;
            Ok(render_invalid(&review_page(
                &ctx,
                id,
                &row.name,
                mine.is_some(),
                &input,
                FormErrors::from_invalid(&e, ctx.lang),
            )))
        }
    }
}

/// `GET /tools/{tool_id}/review/withdraw`: asks before one's review goes
/// (404 for an unknown tool; to the tool's page when there is none).
pub async fn withdraw_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ToolId(id);
    let (row, mine) = actions::own_review(&state, user, id).await?;
    if mine.is_none() {
        return Ok(Redirect::to(&actions::href(id)).into_response());
    }
    let page = Page::new(&ctx, "tools-review-withdraw-title").about(&row.name);
    Ok(render(&WithdrawPage {
        page,
        id: id.0,
        tool: row.name,
    }))
}

/// `POST /tools/{tool_id}/review/withdraw`: the review goes and the tool's
/// counts move back; to the tool's ratings, saying so. A second press
/// (nothing left to withdraw) just shows the tool; 404 for an unknown one.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = ToolId(id);
    let to = format!("{}#ratings", actions::href(id));
    Ok(if actions::withdraw_review(&state, user, id).await? {
        redirect_with(
            &to,
            Flash::ToolReviewWithdrawn,
            state.config.secure_cookies(),
        )
    } else {
        redirect(&to)
    })
}
