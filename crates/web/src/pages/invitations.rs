//! Following an invitation link: join with the account you have, or make one.

use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::pages::recovery::link_problem;
use crate::passwords;
use crate::session;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::accounts::{self, InvitedRegistration};
use lyceum_db::{DbError, invitations, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::password::check_new_password;
use lyceum_domain::profile::validate_name;
use lyceum_domain::token::hash_token;
use lyceum_domain::validation::Invalid;
use serde::Deserialize;

/// What the person following the link can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Signed in as the invited address.
    Accept,
    /// Signed in as someone else.
    WrongAccount,
    /// Not signed in; the invited address has an account.
    SignIn,
    /// Not signed in; no account yet.
    Register,
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    page: Page,
    errors: FormErrors,
    mode: Mode,
    token: String,
    org_name: String,
    role_label: String,
    email: String,
    display_name: String,
    languages: Vec<Choice>,
}

async fn load(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
) -> Result<Result<(invitations::InvitationRow, lyceum_db::orgs::OrgRow, bool), Response>, AppError>
{
    let hash = hash_token(token);
    let now = state.clock.now();
    let opened = state
        .db
        .read(move |c| {
            let (inv, org) = invitations::open(c, &hash, now)?;
            let exists = match EmailAddress::parse(&inv.email) {
                Ok(e) => users::by_email(c, &e)?.is_some(),
                Err(_) => false,
            };
            Ok((inv, org, exists))
        })
        .await;
    match opened {
        Ok(v) => Ok(Ok(v)),
        Err(DbError::Invalid(i)) => Ok(Err(link_problem(ctx, &i, "/", "home-title"))),
        Err(e) => Err(e.into()),
    }
}

fn page(
    ctx: &Ctx,
    token: String,
    inv: &invitations::InvitationRow,
    org_name: String,
    exists: bool,
    errors: FormErrors,
    display_name: String,
) -> InvitationPage {
    let mode = match &ctx.user {
        Some(u) if u.user.email() == inv.email => Mode::Accept,
        Some(_) => Mode::WrongAccount,
        None if exists => Mode::SignIn,
        None => Mode::Register,
    };
    let page = Page::new(ctx, "invitation-title").with_errors(&errors);
    let role_label = page.t(&inv.role.label_key());
    let languages = Choice::list(
        &page,
        "lang",
        Lang::ALL.iter().map(|l| l.as_str()),
        &[ctx.lang.as_str()],
    );
    InvitationPage {
        page,
        errors,
        mode,
        token,
        org_name,
        role_label,
        email: inv.email.clone(),
        display_name,
        languages,
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (inv, org, exists) = match load(&state, &ctx, &token).await? {
        Ok(v) => v,
        Err(problem) => return Ok(problem),
    };
    Ok(render(&page(
        &ctx,
        token,
        &inv,
        org.name,
        exists,
        FormErrors::none(),
        String::new(),
    )))
}

#[derive(Debug, Default, Deserialize)]
pub struct InvitedForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    preferred_language: String,
}

pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    HtmlForm(form): HtmlForm<InvitedForm>,
) -> Result<Response, AppError> {
    let (inv, org, exists) = match load(&state, &ctx, &token).await? {
        Ok(v) => v,
        Err(problem) => return Ok(problem),
    };
    if exists || ctx.user.is_some() {
        return Ok(render(&page(
            &ctx,
            token,
            &inv,
            org.name,
            exists,
            FormErrors::none(),
            String::new(),
        )));
    }
    let mut invalid = Invalid::new();
    let name = invalid.check("display_name", validate_name(&form.display_name));
    invalid.check("password", check_new_password(&form.password, &inv.email));
    let lang = Lang::parse(&form.preferred_language).unwrap_or(ctx.lang);
    let Some(name) = name.filter(|_| invalid.is_empty()) else {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(&page(
            &ctx,
            token,
            &inv,
            org.name,
            exists,
            errors,
            form.display_name,
        )));
    };
    let password_hash = passwords::hash(&form.password).await?;
    let hash = hash_token(&token);
    let now = state.clock.now();
    let user = state
        .db
        .write(move |c| {
            accounts::register_invited(
                c,
                &InvitedRegistration {
                    invitation_token_hash: &hash,
                    display_name: &name,
                    password_hash: &password_hash,
                    lang,
                },
                now,
            )
        })
        .await?;
    let to = format!("/orgs/{}", org.id);
    let response = redirect_with(
        &to,
        Flash::InvitationAccepted,
        state.config.secure_cookies(),
    );
    session::start(&state, user.id(), user.lang(), None, response).await
}

pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.user.clone();
    let hash = hash_token(&token);
    let now = state.clock.now();
    match state
        .db
        .write(move |c| accounts::accept_invitation_as(c, &hash, &user, now))
        .await
    {
        Ok(org) => Ok(redirect_with(
            &format!("/orgs/{}", org.id),
            Flash::InvitationAccepted,
            state.config.secure_cookies(),
        )),
        Err(DbError::Invalid(i)) => Ok(link_problem(&ctx, &i, "/", "home-title")),
        Err(e) => Err(e.into()),
    }
}
