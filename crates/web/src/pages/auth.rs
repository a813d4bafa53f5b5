//! Signing in and out.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, local_path, redirect, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::passwords;
use crate::ratelimit::{Attempt, ClientIp, wait_error};
use crate::session;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use lyceum_db::users;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    page: Page,
    errors: FormErrors,
    email: String,
    next: String,
    unverified: bool,
}

pub async fn sign_in_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return redirect(local_path(&q.next, "/"));
    }
    render(&SignInPage {
        page: Page::new(&ctx, "sign-in-title"),
        errors: FormErrors::none(),
        email: String::new(),
        next: q.next,
        unverified: false,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    HtmlForm(form): HtmlForm<SignInForm>,
) -> Result<Response, AppError> {
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let refuse = |invalid: Invalid, unverified: bool| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        render_invalid(&SignInPage {
            page: Page::new(&ctx, "sign-in-title").with_errors(&errors),
            errors,
            email: form.email.clone(),
            next: form.next.clone(),
            unverified,
        })
    };
    let mut invalid = Invalid::new();
    let email = invalid.check("email", EmailAddress::parse(&form.email));
    if form.password.is_empty() {
        invalid.add("password", "password-missing");
    }
    let Some(email) = email.filter(|_| invalid.is_empty()) else {
        return Ok(refuse(invalid, false));
    };

    // Each try counts before the password is checked, so simultaneous
    // guesses get no more tries than guesses one after another.
    let now = state.clock.now();
    let attempt = Attempt::sign_in(email.as_str(), ip);
    if let Err(until) = attempt.claim(&state, now).await? {
        return Ok(refuse(wait_error("email", "locked", now, until), false));
    }
    let user = state.db.read(move |c| users::by_email(c, &email)).await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let matches = passwords::matches(&form.password, stored).await?;
    let (Some(user), true) = (user, matches) else {
        return Ok(refuse(Invalid::one("email", "credentials"), false));
    };
    if user.is_deactivated() {
        return Ok(refuse(Invalid::one("email", "deactivated"), false));
    }
    if !user.is_verified() {
        return Ok(refuse(Invalid::one("email", "unverified"), true));
    }
    // A language chosen on this device before signing in is the person's choice.
    let lang = ctx.chosen_lang.unwrap_or(user.lang());
    let id = user.id();
    let save_lang = lang != user.lang();
    let welcome = state
        .db
        .write(move |c| {
            attempt.succeeded(c)?;
            if save_lang {
                users::set_language(c, id, lang)?;
            }
            lyceum_db::welcome::pending(c, id)
        })
        .await?;
    let previous = ctx.user.as_ref().and_then(|u| u.session_hash.clone());
    let mut to = local_path(&form.next, "/").to_string();
    if welcome {
        // The first sign-in after registering: the short first step, then on.
        to = super::welcome::path(&to);
    }
    let response = redirect_with(&to, Flash::SignedIn, state.config.secure_cookies());
    session::start(&state, id, lang, previous, response).await
}

pub async fn sign_out(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let hash = ctx.user.as_ref().and_then(|u| u.session_hash.clone());
    let response = redirect_with("/", Flash::SignedOut, state.config.secure_cookies());
    session::end(&state, hash, response).await
}
