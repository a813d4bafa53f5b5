//! Administering an organisation's single sign-on: the OpenID providers its
//! people may sign in with. Gated by `Action::AdministerOrg`.
//!
//! Client secrets go in and never come out: pages say a secret is set and
//! offer to replace it.

use super::org_admin::{AdminFrame, Tab, frame};
use super::sso::{callback_path, start_path};
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::ScopedOrg;
use crate::org_actions::{self, record};
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::sso::{self, ProviderWithDomains};
use lyceum_domain::secrets::Secret;
use lyceum_domain::sso::ProviderInput;
use lyceum_domain::validation::Invalid;
use serde_json::json;

/// A provider as the admin page lists it (no secret).
pub struct ProviderView {
    pub id: i64,
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub domains: String,
    pub start_link: String,
    /// To register with the provider.
    pub redirect_uri: String,
}

fn view(state: &AppState, p: ProviderWithDomains) -> ProviderView {
    ProviderView {
        id: p.provider.id,
        start_link: state.config.link(&start_path(p.provider.id)),
        redirect_uri: state.config.link(&callback_path(p.provider.id)),
        name: p.provider.name,
        issuer: p.provider.issuer,
        client_id: p.provider.client_id,
        domains: p.domains.join(", "),
    }
}

/// The form's values, shown back; the secret never is.
fn input_of(p: &ProviderWithDomains) -> ProviderInput {
    ProviderInput {
        name: p.provider.name.clone(),
        issuer: p.provider.issuer.clone(),
        client_id: p.provider.client_id.clone(),
        client_secret: Secret::default(),
        domains: p.domains.join(", "),
    }
}

fn blank_secret(mut input: ProviderInput) -> ProviderInput {
    input.client_secret = Secret::default();
    input
}

fn back(state: &AppState, org: i64, flash: Flash) -> Response {
    redirect_with(
        &format!("/orgs/{org}/admin/sso"),
        flash,
        state.config.secure_cookies(),
    )
}

// ---- The list, and adding a provider ----

#[derive(Template)]
#[template(path = "org_admin_sso.html")]
pub struct ListPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    providers: Vec<ProviderView>,
    input: ProviderInput,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    input: ProviderInput,
    errors: FormErrors,
) -> Result<ListPage, AppError> {
    let frame = frame(state, scope.id, Tab::Sso).await?;
    let id = scope.id;
    let providers = state.db.read(move |c| sso::of_org(c, id)).await?;
    let page = Page::new(ctx, "org-admin-sso-title")
        .about(&frame.org.name)
        .with_errors(&errors);
    Ok(ListPage {
        page,
        frame,
        errors,
        providers: providers.into_iter().map(|p| view(state, p)).collect(),
        input: blank_secret(input),
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
) -> Result<Response, AppError> {
    Ok(render(
        &list_page(
            &state,
            &ctx,
            &scope,
            ProviderInput::default(),
            FormErrors::none(),
        )
        .await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlForm(input): HtmlForm<ProviderInput>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    let draft = match input.validate(true, state.config.sso_local_providers) {
        Ok(d) => d,
        Err(invalid) => return invalid_list(&state, &ctx, &scope, input, &invalid).await,
    };
    let input = blank_secret(input);
    let now = state.clock.now();
    let org = scope.id;
    let keys = state.keys()?;
    let result = state
        .db
        .write(move |c| {
            let id = sso::create(c, org, &draft, &keys, now)?;
            record(
                c,
                now,
                actor,
                "org.sso_provider_added",
                org,
                None,
                json!({ "provider": id, "name": draft.name, "issuer": draft.issuer, "domains": draft.domains }),
            )
        })
        .await;
    match result {
        Ok(()) => Ok(back(&state, scope.id.0, Flash::SsoProviderAdded)),
        Err(DbError::Invalid(invalid)) => invalid_list(&state, &ctx, &scope, input, &invalid).await,
        Err(e) => Err(e.into()),
    }
}

async fn invalid_list(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    input: ProviderInput,
    invalid: &Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(
        &list_page(state, ctx, scope, input, errors).await?,
    ))
}

// ---- Editing and removing one ----

#[derive(Template)]
#[template(path = "org_admin_sso_edit.html")]
pub struct EditPage {
    page: Page,
    frame: AdminFrame,
    errors: FormErrors,
    provider_id: i64,
    provider_name: String,
    input: ProviderInput,
    start_link: String,
    redirect_uri: String,
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    provider_id: i64,
    input: Option<ProviderInput>,
    errors: FormErrors,
) -> Result<EditPage, AppError> {
    let frame = frame(state, scope.id, Tab::Sso).await?;
    let org = scope.id;
    let stored = state
        .db
        .read(move |c| sso::get_in_org(c, org, provider_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "org-admin-sso-edit-title")
        .about(&stored.provider.name)
        .with_errors(&errors);
    Ok(EditPage {
        page,
        frame,
        errors,
        provider_id,
        provider_name: stored.provider.name.clone(),
        input: blank_secret(input.unwrap_or_else(|| input_of(&stored))),
        start_link: state.config.link(&start_path(provider_id)),
        redirect_uri: state.config.link(&callback_path(provider_id)),
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, provider_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(render(
        &edit_page(&state, &ctx, &scope, provider_id, None, FormErrors::none()).await?,
    ))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, provider_id)): Path<(i64, i64)>,
    HtmlForm(input): HtmlForm<ProviderInput>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    let draft = match input.validate(false, state.config.sso_local_providers) {
        Ok(d) => d,
        Err(invalid) => {
            return invalid_edit(&state, &ctx, &scope, provider_id, input, &invalid).await;
        }
    };
    let input = blank_secret(input);
    let now = state.clock.now();
    let org = scope.id;
    let keys = state.keys()?;
    let result = state
        .db
        .write(move |c| {
            let updated = sso::update(c, org, provider_id, &draft, &keys, now)?;
            record(
                c,
                now,
                actor,
                "org.sso_provider_updated",
                org,
                None,
                json!({
                    "provider": provider_id,
                    "name": draft.name,
                    "issuer": draft.issuer,
                    "domains": draft.domains,
                    "secret_replaced": updated.secret_replaced,
                    "links_removed": updated.links_removed,
                }),
            )
        })
        .await;
    match result {
        Ok(()) => Ok(back(&state, scope.id.0, Flash::SsoProviderSaved)),
        Err(DbError::NotFound) => Err(AppError::NotFound),
        Err(DbError::Invalid(invalid)) => {
            invalid_edit(&state, &ctx, &scope, provider_id, input, &invalid).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn invalid_edit(
    state: &AppState,
    ctx: &Ctx,
    scope: &ScopedOrg,
    provider_id: i64,
    input: ProviderInput,
    invalid: &Invalid,
) -> Result<Response, AppError> {
    let errors = FormErrors::from_invalid(invalid, ctx.lang);
    Ok(render_invalid(
        &edit_page(state, ctx, scope, provider_id, Some(input), errors).await?,
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, provider_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let org = scope.id;
    org_actions::withdraw(
        &state,
        ctx.require_user()?,
        &scope,
        "org.sso_provider_removed",
        json!({ "provider": provider_id }),
        move |c, _| sso::remove(c, org, provider_id),
    )
    .await?;
    Ok(back(&state, scope.id.0, Flash::SsoProviderRemoved))
}
