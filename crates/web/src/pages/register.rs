//! Creating an account with email and password.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::passwords;
use crate::ratelimit::{Attempt, ClientIp, wait_error};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::accounts::{self, Registration};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::password::check_new_password;
use lyceum_domain::profile::validate_name;
use lyceum_domain::token::new_token;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::time::Duration;

/// How long a verification link works.
pub const VERIFY_TTL: Duration = Duration::from_secs(3 * 24 * 3600);

#[derive(Debug, Default, Deserialize, Clone)]
pub struct RegisterForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    join_code: String,
    #[serde(default)]
    preferred_language: String,
}

#[derive(Template)]
#[template(path = "register.html")]
pub struct RegisterPage {
    page: Page,
    errors: FormErrors,
    form: RegisterForm,
    languages: Vec<Choice>,
}

impl RegisterPage {
    fn new(ctx: &Ctx, form: RegisterForm, errors: FormErrors) -> Self {
        let page = Page::new(ctx, "register-title").with_errors(&errors);
        let chosen = if form.preferred_language.is_empty() {
            ctx.lang.as_str()
        } else {
            form.preferred_language.as_str()
        };
        let languages = Choice::list(
            &page,
            "lang",
            Lang::ALL.iter().map(|l| l.as_str()),
            &[chosen],
        );
        RegisterPage {
            page,
            errors,
            form,
            languages,
        }
    }
}

pub async fn form(ctx: Ctx) -> Response {
    if ctx.user.is_some() {
        return redirect("/");
    }
    render(&RegisterPage::new(
        &ctx,
        RegisterForm::default(),
        FormErrors::none(),
    ))
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    HtmlForm(form): HtmlForm<RegisterForm>,
) -> Result<Response, AppError> {
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let refuse = |invalid: &Invalid| {
        let mut kept = form.clone();
        kept.password.clear();
        render_invalid(&RegisterPage::new(
            &ctx,
            kept,
            FormErrors::from_invalid(invalid, ctx.lang),
        ))
    };
    let mut invalid = Invalid::new();
    let name = invalid.check("display_name", validate_name(&form.display_name));
    let email = invalid.check("email", EmailAddress::parse(&form.email));
    let email_text = email.as_ref().map_or("", |e| e.as_str());
    invalid.check("password", check_new_password(&form.password, email_text));
    let lang = Lang::parse(&form.preferred_language).unwrap_or(ctx.lang);
    let (Some(name), Some(email), true) = (name, email, invalid.is_empty()) else {
        return Ok(refuse(&invalid));
    };

    let now = state.clock.now();
    // A join code is guessable in principle: each try counts before it is looked at.
    let attempt = Attempt::join_code(None, ip);
    if !form.join_code.trim().is_empty()
        && let Err(until) = attempt.claim(&state, now).await?
    {
        return Ok(refuse(&wait_error(
            "join_code",
            "join-code-wait",
            now,
            until,
        )));
    }
    let password_hash = passwords::hash(&form.password).await?;
    let (token, token_hash) = new_token().map_err(AppError::internal)?;
    let verify_email = Job::SendEmail(Email {
        to: email.as_str().to_string(),
        lang,
        message: EmailMessage::VerifyEmail {
            name: name.clone(),
            link: state.config.link(&format!("/verify-email?token={token}")),
        },
    });
    let join_code = form.join_code.clone();
    let registering = email.clone();
    let result = state
        .db
        .write(move |c| {
            let user = accounts::register(
                c,
                &Registration {
                    email: &registering,
                    display_name: &name,
                    password_hash: &password_hash,
                    lang,
                    join_code: &join_code,
                    verify_token_hash: &token_hash,
                    verify_expires_at: now.plus(VERIFY_TTL),
                    verify_email,
                },
                now,
            )?;
            if !join_code.trim().is_empty() {
                attempt.succeeded(c)?;
            }
            Ok(user)
        })
        .await;
    match result {
        Ok(_) => {}
        // The page says the same whether or not the address has an account
        // (nobody learns who is on Lyceum); the owner is told by email.
        Err(DbError::Invalid(invalid)) if invalid.is_only("email", "email-taken") => {
            let link = state.config.link("/sign-in");
            state
                .db
                .write(move |c| accounts::tell_owner_of_registration(c, &email, link, now))
                .await?;
        }
        Err(DbError::Invalid(invalid)) => return Ok(refuse(&invalid)),
        Err(e) => return Err(e.into()),
    }
    state.wake_worker();
    Ok(redirect_with(
        "/sign-in",
        Flash::Registered,
        state.config.secure_cookies(),
    ))
}
