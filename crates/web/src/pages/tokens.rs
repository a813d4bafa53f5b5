//! Personal access tokens for the JSON API: made with the account's
//! password (a token acts as its owner, so a borrowed session must not be
//! enough to make one), read-only or read-and-write, for 30, 90 or 365
//! days; listed with their scope and expiry (expired ones marked) and
//! revoked one at a time.

use super::choices::Choice;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::passwords;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::api_tokens;
use lyceum_domain::api_token::{DEFAULT_EXPIRY_DAYS, EXPIRY_DAYS, NewTokenInput, Scope};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

/// A token as listed.
pub struct TokenLine {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub expires_at: i64,
    pub expired: bool,
    /// The label of what it may do.
    pub scope: String,
}

#[derive(Template)]
#[template(path = "tokens.html")]
pub struct TokensPage {
    page: Page,
    errors: FormErrors,
    tokens: Vec<TokenLine>,
    token_name: String,
    scopes: Vec<Choice>,
    lifetimes: Vec<Choice>,
    /// The token just created: shown this once, never again.
    created: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    typed: NewTokenInput,
    created: Option<String>,
) -> Result<TokensPage, AppError> {
    let id = ctx.require_user()?.user.id();
    let now = state.clock.now();
    let rows = state
        .db
        .read(move |c| api_tokens::unrevoked_of(c, id))
        .await?;
    let page = Page::new(ctx, "tokens-title").with_errors(&errors);
    let tokens = rows
        .into_iter()
        .map(|t| TokenLine {
            expired: t.expired(now),
            scope: page.label(
                "token-scope",
                match t.scopes().write {
                    true => Scope::Write.as_str(),
                    false => Scope::Read.as_str(),
                },
            ),
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            expires_at: t.expires_at.unwrap_or(t.created_at),
        })
        .collect();
    let scope = match typed.scope.as_str() {
        "" => Scope::Read.as_str(),
        s => s,
    };
    let scopes = Choice::list(
        &page,
        "token-scope",
        Scope::ALL.iter().map(|s| s.as_str()),
        &[scope],
    );
    let chosen = match typed.expires_in_days.as_str() {
        "" => DEFAULT_EXPIRY_DAYS.to_string(),
        d => d.to_string(),
    };
    let lifetimes = EXPIRY_DAYS
        .iter()
        .map(|d| Choice {
            value: d.to_string(),
            label: page.tn("days", *d as i64),
            selected: d.to_string() == chosen,
        })
        .collect();
    Ok(TokensPage {
        page,
        errors,
        tokens,
        token_name: typed.name,
        scopes,
        lifetimes,
        created,
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(render(
        &page(
            &state,
            &ctx,
            FormErrors::none(),
            NewTokenInput::default(),
            None,
        )
        .await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    /// `read` or `write` (read and write).
    #[serde(default)]
    scope: String,
    #[serde(default)]
    expires_in_days: String,
    /// The account's current password.
    #[serde(default)]
    password: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<NewTokenForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let user = me.user.id();
    let typed = NewTokenInput {
        name: form.name,
        scope: form.scope,
        expires_in_days: form.expires_in_days,
    };
    let checked = typed.validate();
    let mut invalid = checked.clone().err().unwrap_or_default();
    // argon2 runs on the blocking pool (see `passwords`).
    if !passwords::matches(&form.password, me.user.password_hash.clone()).await? {
        invalid.add("password", "password-wrong");
    }
    let new = match checked {
        Ok(new) if invalid.is_empty() => new,
        _ => {
            let errors = FormErrors::from_invalid(&Invalid(invalid.0), ctx.lang);
            return Ok(render_invalid(
                &page(&state, &ctx, errors, typed, None).await?,
            ));
        }
    };
    // The prefix makes a leaked token easy to recognise (and to scan for).
    let (raw, _) = new_token().map_err(AppError::internal)?;
    let token = format!("lyc_{raw}");
    let hash = hash_token(&token);
    let now = state.clock.now();
    let expires = now.plus(new.lifetime);
    state
        .db
        .write(move |c| api_tokens::create(c, user, &new.name, &hash, new.scopes, now, expires))
        .await?;
    Ok(render(
        &page(
            &state,
            &ctx,
            FormErrors::none(),
            NewTokenInput::default(),
            Some(token),
        )
        .await?,
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
