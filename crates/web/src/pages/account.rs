//! Account settings: email, password, personal data export and deletion.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::recovery::{TokenQuery, link_problem};
use crate::passwords;
use crate::session;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use lyceum_db::{DbError, accounts};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::password::check_new_password;
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::time::Duration;

const EMAIL_CHANGE_TTL: Duration = Duration::from_secs(24 * 3600);

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    page: Page,
    email: String,
}

pub async fn overview(ctx: Ctx) -> Result<Response, AppError> {
    let email = ctx.require_user()?.user.email().to_string();
    Ok(render(&AccountPage {
        page: Page::new(&ctx, "account-title"),
        email,
    }))
}

#[derive(Template)]
#[template(path = "account_email.html")]
pub struct EmailPage {
    page: Page,
    errors: FormErrors,
    current: String,
    email: String,
}

pub async fn email_form(ctx: Ctx) -> Result<Response, AppError> {
    let current = ctx.require_user()?.user.email().to_string();
    Ok(render(&EmailPage {
        page: Page::new(&ctx, "email-title"),
        errors: FormErrors::none(),
        current,
        email: String::new(),
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// Asks for the current password, then mails a confirmation link to the new address.
pub async fn change_email(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<EmailForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.clone();
    let refuse = |invalid: &Invalid| {
        let errors = FormErrors::from_invalid(invalid, ctx.lang);
        render_invalid(&EmailPage {
            page: Page::new(&ctx, "email-title").with_errors(&errors),
            errors,
            current: user.email().to_string(),
            email: form.email.clone(),
        })
    };
    let mut invalid = Invalid::new();
    let new_email = invalid.check("email", EmailAddress::parse(&form.email));
    if !passwords::matches(&form.password, user.password_hash.clone()).await? {
        invalid.add("password", "password-wrong");
    }
    let Some(new_email) = new_email.filter(|_| invalid.is_empty()) else {
        return Ok(refuse(&invalid));
    };
    let (token, token_hash) = new_token().map_err(AppError::internal)?;
    let now = state.clock.now();
    let confirmation = Job::SendEmail(Email {
        to: new_email.as_str().to_string(),
        lang: user.lang(),
        message: EmailMessage::ConfirmEmailChange {
            name: user.display_name.clone(),
            link: state.config.link(&format!("/confirm-email?token={token}")),
        },
    });
    let u = user.clone();
    let result = state
        .db
        .write(move |c| {
            accounts::start_email_change(
                c,
                &u,
                &new_email,
                &token_hash,
                now.plus(EMAIL_CHANGE_TTL),
                &confirmation,
                now,
            )
        })
        .await;
    match result {
        Ok(()) => {
            state.wake_worker();
            Ok(redirect_with(
                "/account",
                Flash::EmailChangeSent,
                state.config.secure_cookies(),
            ))
        }
        Err(DbError::Invalid(i)) => Ok(refuse(&i)),
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let hash = hash_token(&q.token);
    let now = state.clock.now();
    let result = state
        .db
        .write(move |c| {
            accounts::finish_email_change(
                c,
                &hash,
                |user, new_email| {
                    Job::SendEmail(Email {
                        to: user.email().to_string(),
                        lang: user.lang(),
                        message: EmailMessage::EmailChanged {
                            name: user.display_name.clone(),
                            new_email: new_email.to_string(),
                        },
                    })
                },
                now,
            )
        })
        .await;
    match result {
        Ok(_) => {
            state.wake_worker();
            let to = if ctx.user.is_some() {
                "/account"
            } else {
                "/sign-in"
            };
            Ok(redirect_with(
                to,
                Flash::EmailChanged,
                state.config.secure_cookies(),
            ))
        }
        Err(DbError::Invalid(i)) => Ok(link_problem(&ctx, &i, "/account/email", "email-title")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "account_password.html")]
pub struct PasswordPage {
    page: Page,
    errors: FormErrors,
    /// "Also revoke my API tokens": ticked unless the person unticked it.
    revoke_tokens: bool,
}

pub async fn password_form(ctx: Ctx) -> Response {
    render(&PasswordPage {
        page: Page::new(&ctx, "password-title"),
        errors: FormErrors::none(),
        revoke_tokens: true,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    /// `yes` to revoke every API token too.
    #[serde(default)]
    revoke_tokens: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<PasswordForm>,
) -> Result<Response, AppError> {
    let current = ctx.require_user()?;
    let user = current.user.clone();
    let mut invalid = Invalid::new();
    if !passwords::matches(&form.current_password, user.password_hash.clone()).await? {
        invalid.add("current_password", "password-wrong");
    }
    invalid.check("password", check_new_password(&form.password, user.email()));
    if !invalid.has("password") && form.password != form.password_confirm {
        invalid.add("password_confirm", "passwords-differ");
    }
    let revoke_tokens = form.revoke_tokens == "yes";
    if !invalid.is_empty() {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(&PasswordPage {
            page: Page::new(&ctx, "password-title").with_errors(&errors),
            errors,
            revoke_tokens,
        }));
    }
    let hash = passwords::hash(&form.password).await?;
    let keep = current.session_hash.clone();
    let now = state.clock.now();
    state
        .db
        .write(move |c| {
            accounts::change_password(c, user.id(), &hash, keep.as_deref(), revoke_tokens, now)
        })
        .await?;
    Ok(redirect_with(
        "/account",
        Flash::PasswordChanged,
        state.config.secure_cookies(),
    ))
}

/// Everything we hold about the person, as a zip to download.
pub async fn export(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.clone();
    crate::personal_export::download(&state, user).await
}

#[derive(Template)]
#[template(path = "account_delete.html")]
pub struct DeletePage {
    page: Page,
    errors: FormErrors,
}

pub async fn delete_form(ctx: Ctx) -> Response {
    render(&DeletePage {
        page: Page::new(&ctx, "delete-title"),
        errors: FormErrors::none(),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(form): HtmlForm<DeleteForm>,
) -> Result<Response, AppError> {
    let current = ctx.require_user()?;
    if form.confirm.trim() != "DELETE" {
        let errors = FormErrors::from_invalid(&Invalid::one("confirm", "confirm-delete"), ctx.lang);
        return Ok(render_invalid(&DeletePage {
            page: Page::new(&ctx, "delete-title").with_errors(&errors),
            errors,
        }));
    }
    let id = current.user.id();
    let now = state.clock.now();
    state
        .db
        .write(move |c| accounts::delete_account(c, id, now))
        .await?;
    let response = redirect_with("/", Flash::AccountDeleted, state.config.secure_cookies());
    session::end(&state, None, response).await
}
