//! Emailed links: confirming an address, resending that link, and resetting
//! a forgotten password.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::register::VERIFY_TTL;
use crate::passwords;
use crate::ratelimit::ClientIp;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::accounts;
use lyceum_db::email_tokens::{self, Purpose};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::password::check_new_password;
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::time::Duration;

/// How long a password reset link works.
const RESET_TTL: Duration = Duration::from_secs(2 * 3600);

#[derive(Debug, Default, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    pub token: String,
}

/// Shown when a link cannot be used, with the way to get a new one.
#[derive(Template)]
#[template(path = "link_problem.html")]
pub struct LinkProblemPage {
    page: Page,
    message: String,
    /// Where to ask for a fresh link.
    retry_href: &'static str,
    retry_key: &'static str,
}

pub fn link_problem(
    ctx: &Ctx,
    invalid: &Invalid,
    retry_href: &'static str,
    retry_key: &'static str,
) -> Response {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    let message = errors
        .items()
        .first()
        .map(|(_, m)| m.clone())
        .unwrap_or_default();
    let mut r = render(&LinkProblemPage {
        page: Page::new(ctx, "link-problem-title"),
        message,
        retry_href,
        retry_key,
    });
    *r.status_mut() = StatusCode::BAD_REQUEST;
    r
}

pub async fn verify_email(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let hash = hash_token(&q.token);
    let now = state.clock.now();
    match state
        .db
        .write(move |c| accounts::verify_email(c, &hash, now))
        .await
    {
        Ok(_) => Ok(redirect_with(
            "/sign-in",
            Flash::Verified,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(i)) => Ok(link_problem(
            &ctx,
            &i,
            "/resend-verification",
            "resend-title",
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

/// A one-field form asking for an email address (resend, forgot password).
#[derive(Template)]
#[template(path = "email_request.html")]
pub struct EmailRequestPage {
    page: Page,
    errors: FormErrors,
    email: String,
    intro_key: &'static str,
    action: &'static str,
    button_key: &'static str,
}

fn email_request(ctx: &Ctx, which: Purpose, email: String, errors: FormErrors) -> EmailRequestPage {
    let (title, intro_key, action, button_key) = match which {
        Purpose::ResetPassword => (
            "forgot-title",
            "forgot-intro",
            "/forgot-password",
            "forgot-button",
        ),
        _ => (
            "resend-title",
            "resend-intro",
            "/resend-verification",
            "resend-button",
        ),
    };
    EmailRequestPage {
        page: Page::new(ctx, title).with_errors(&errors),
        errors,
        email,
        intro_key,
        action,
        button_key,
    }
}

pub async fn resend_form(ctx: Ctx) -> Response {
    render(&email_request(
        &ctx,
        Purpose::VerifyEmail,
        String::new(),
        FormErrors::none(),
    ))
}

pub async fn forgot_form(ctx: Ctx) -> Response {
    render(&email_request(
        &ctx,
        Purpose::ResetPassword,
        String::new(),
        FormErrors::none(),
    ))
}

pub async fn resend(
    state: State<AppState>,
    ctx: Ctx,
    ip: ClientIp,
    form: HtmlForm<EmailForm>,
) -> Result<Response, AppError> {
    send_link(state, ctx, ip, form, Purpose::VerifyEmail).await
}

pub async fn forgot(
    state: State<AppState>,
    ctx: Ctx,
    ip: ClientIp,
    form: HtmlForm<EmailForm>,
) -> Result<Response, AppError> {
    send_link(state, ctx, ip, form, Purpose::ResetPassword).await
}

/// Sends the link if the address has an account, and says the same thing
/// either way, so this page cannot be used to find out who is registered.
async fn send_link(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    HtmlForm(form): HtmlForm<EmailForm>,
    purpose: Purpose,
) -> Result<Response, AppError> {
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let email = match EmailAddress::parse(&form.email) {
        Ok(e) => e,
        Err(code) => {
            let errors = FormErrors::from_invalid(&Invalid::one("email", code), ctx.lang);
            return Ok(render_invalid(&email_request(
                &ctx, purpose, form.email, errors,
            )));
        }
    };
    let (token, token_hash) = new_token().map_err(AppError::internal)?;
    let now = state.clock.now();
    let (path, ttl, flash) = match purpose {
        Purpose::ResetPassword => ("/reset-password", RESET_TTL, Flash::ResetSent),
        _ => ("/verify-email", VERIFY_TTL, Flash::VerificationSent),
    };
    let link = state.config.link(&format!("{path}?token={token}"));
    state
        .db
        .write(move |c| {
            accounts::send_link(
                c,
                &email,
                purpose,
                &token_hash,
                now.plus(ttl),
                |user| {
                    let name = user.display_name.clone();
                    Job::SendEmail(Email {
                        to: user.email().to_string(),
                        lang: user.lang(),
                        message: match purpose {
                            Purpose::ResetPassword => EmailMessage::ResetPassword { name, link },
                            _ => EmailMessage::VerifyEmail { name, link },
                        },
                    })
                },
                now,
            )
        })
        .await?;
    state.wake_worker();
    Ok(redirect_with(
        "/sign-in",
        flash,
        state.config.secure_cookies(),
    ))
}

#[derive(Template)]
#[template(path = "reset_password.html")]
pub struct ResetPage {
    page: Page,
    errors: FormErrors,
    token: String,
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let hash = hash_token(&q.token);
    let now = state.clock.now();
    let check = state
        .db
        .read(move |c| email_tokens::peek(c, &hash, Purpose::ResetPassword, now, "token"))
        .await;
    match check {
        Ok(_) => Ok(render(&ResetPage {
            page: Page::new(&ctx, "reset-title"),
            errors: FormErrors::none(),
            token: q.token,
        })),
        Err(DbError::Invalid(i)) => Ok(link_problem(&ctx, &i, "/forgot-password", "forgot-title")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    HtmlForm(form): HtmlForm<ResetForm>,
) -> Result<Response, AppError> {
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let hash = hash_token(&form.token);
    let now = state.clock.now();
    let owner = {
        let hash = hash.clone();
        state
            .db
            .read(move |c| {
                let t = email_tokens::peek(c, &hash, Purpose::ResetPassword, now, "token")?;
                lyceum_db::users::by_id(c, lyceum_domain::UserId(t.user_id))
            })
            .await
    };
    let owner = match owner {
        Ok(Some(u)) => u,
        Ok(None) => return Err(AppError::NotFound),
        Err(DbError::Invalid(i)) => {
            return Ok(link_problem(&ctx, &i, "/forgot-password", "forgot-title"));
        }
        Err(e) => return Err(e.into()),
    };
    let mut invalid = Invalid::new();
    invalid.check(
        "password",
        check_new_password(&form.password, owner.email()),
    );
    if invalid.is_empty() && form.password != form.password_confirm {
        invalid.add("password_confirm", "passwords-differ");
    }
    if !invalid.is_empty() {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(&ResetPage {
            page: Page::new(&ctx, "reset-title").with_errors(&errors),
            errors,
            token: form.token,
        }));
    }
    let password_hash = passwords::hash(&form.password).await?;
    match state
        .db
        .write(move |c| accounts::reset_password(c, &hash, &password_hash, now))
        .await
    {
        Ok(_) => Ok(redirect_with(
            "/sign-in",
            Flash::PasswordReset,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(i)) => Ok(link_problem(&ctx, &i, "/forgot-password", "forgot-title")),
        Err(e) => Err(e.into()),
    }
}
