//! Personal access tokens for the JSON API.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::api_tokens::{self, ApiTokenRow};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::validation::{Invalid, required_text};
use serde::Deserialize;
use std::time::Duration;

#[derive(Template)]
#[template(path = "tokens.html")]
pub struct TokensPage {
    page: Page,
    errors: FormErrors,
    tokens: Vec<ApiTokenRow>,
    token_name: String,
    /// The token just created: shown this once, never again.
    created: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    token_name: String,
    created: Option<String>,
) -> Result<TokensPage, AppError> {
    let id = ctx.require_user()?.user.id();
    let now = state.clock.now();
    let tokens = state
        .db
        .read(move |c| api_tokens::live_of(c, id, now))
        .await?;
    Ok(TokensPage {
        page: Page::new(ctx, "tokens-title").with_errors(&errors),
        errors,
        tokens,
        token_name,
        created,
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(
        &page(&state, &ctx, FormErrors::none(), String::new(), None).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    /// Days until it stops working; empty for never.
    #[serde(default)]
    expires_in_days: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<NewTokenForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.id();
    let mut invalid = Invalid::new();
    let name = invalid.check(
        "name",
        required_text(&form.name, 80).map_err(|_| "token-name"),
    );
    let days = match form.expires_in_days.trim() {
        "" | "never" => None,
        d => match d.parse::<u64>() {
            Ok(n @ 1..=366) => Some(n),
            _ => {
                invalid.add("expires_in_days", "choose-one");
                None
            }
        },
    };
    let Some(name) = name.filter(|_| invalid.is_empty()) else {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(
            &page(&state, &ctx, errors, form.name, None).await?,
        ));
    };
    // The prefix makes a leaked token easy to recognise (and to scan for).
    let (raw, _) = new_token().map_err(|e| AppError::Internal(e.to_string()))?;
    let token = format!("lyc_{raw}");
    let hash = hash_token(&token);
    let now = state.clock.now();
    let expires = days.map(|d| now.plus(Duration::from_secs(d * 86_400)));
    state
        .db
        .write(move |c| api_tokens::create(c, user, &name, &hash, now, expires))
        .await?;
    Ok(render(
        &page(&state, &ctx, FormErrors::none(), String::new(), Some(token)).await?,
    ))
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token_id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.id();
    let now = state.clock.now();
    if !state
        .db
        .write(move |c| api_tokens::revoke(c, user, token_id, now))
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with(
        "/account/tokens",
        Flash::TokenRevoked,
        state.config.secure_cookies(),
    ))
}
