//! Signing in with a school account: finding the provider, sending the
//! browser there (authorization code flow with PKCE, state and nonce), and
//! coming back.
//!
//! The sign-in under way is stored in the database, keyed by a hash of its
//! `state`, and taken out once, so any app server can finish it and nobody
//! can finish it twice. The `state` also rides in a short cookie, so only the
//! browser that started a sign-in can finish it (no one can sign a victim
//! into the attacker's account by sending them a callback link).

use crate::context::{Ctx, append_cookie};
use crate::cookies::{self, Cookie};
use crate::error::AppError;
use crate::flash::{Flash, local_path, redirect, redirect_with};
use crate::forms::HtmlForm;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::ratelimit::ClientIp;
use crate::session;
use crate::sso::{SsoClient, SsoError};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use lyceum_db::sso::{self, Assertion, NewLogin, ProviderChoice, ProviderRow};
use lyceum_db::users;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::sso::{Expected, SignInRefusal, display_name};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::validation::Invalid;
use serde::Deserialize;
use std::time::Duration;

/// How long a sign-in may take at the provider.
pub const LOGIN_TTL: Duration = Duration::from_secs(600);
/// Holds the `state` of the sign-in this browser started.
const STATE_COOKIE: Cookie = Cookie::SsoState;
/// Names shorter than this are not searched for.
const MIN_SEARCH: usize = 3;

/// The path that starts a sign-in with a provider (admins can share it).
pub fn start_path(provider: i64) -> String {
    format!("/sign-in/sso/start/{provider}")
}

/// Where a provider sends people back; each provider has its own, so an
/// answer can only be taken for the provider the sign-in went to (a
/// provider cannot pass off another's code as its own: the "mix-up" attack).
pub fn callback_path(provider: i64) -> String {
    format!("/sign-in/sso/callback/{provider}")
}

// ---- Finding the provider ----

#[derive(Debug, Default, Deserialize)]
pub struct FindQuery {
    /// An email address, or words of the school's or provider's name.
    /// Absent before the first search.
    school: Option<String>,
    #[serde(default)]
    next: String,
}

pub struct ChoiceLink {
    /// Where the choice's form posts (the start of the sign-in).
    pub action: String,
    pub name: String,
    pub org_name: String,
}

#[derive(Template)]
#[template(path = "sso_find.html")]
pub struct FindPage {
    page: Page,
    errors: FormErrors,
    school: String,
    next: String,
    choices: Vec<ChoiceLink>,
}

/// `GET /sign-in/sso`: a form that finds the provider by email address or
/// name, and, once searched, a button for each provider found, whose form
/// posts to us ([`start_post`]).
pub async fn find(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FindQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(redirect(local_path(&q.next, "/")));
    }
    let next = local_path(&q.next, "").to_string();
    let page = |school: String, errors: FormErrors, found: Vec<ProviderChoice>| FindPage {
        page: Page::new(&ctx, "sso-find-title").with_errors(&errors),
        errors,
        school,
        choices: found
            .into_iter()
            .map(|c| ChoiceLink {
                action: start_path(c.id),
                name: c.name,
                org_name: c.org_name,
            })
            .collect(),
        next: next.clone(),
    };
    let Some(school) = q.school else {
        return Ok(render(&page(String::new(), FormErrors::none(), Vec::new())));
    };
    let words = school.trim().to_string();
    let found = if words.is_empty() {
        Err(Invalid::one("school", "required"))
    } else if words.contains('@') {
        match EmailAddress::parse(&words) {
            Ok(email) => {
                let domain = email.domain().to_string();
                Ok(state
                    .db
                    .read(move |c| sso::for_email_domain(c, &domain))
                    .await?)
            }
            Err(code) => Err(Invalid::one("school", code)),
        }
    } else if words.chars().count() < MIN_SEARCH {
        Err(Invalid::one("school", "sso-search-short"))
    } else {
        let w = words.clone();
        Ok(state.db.read(move |c| sso::search(c, &w)).await?)
    };
    match found {
        Ok(found) if !found.is_empty() => Ok(render(&page(school, FormErrors::none(), found))),
        Ok(_) => {
            let errors = FormErrors::from_invalid(&Invalid::one("school", "sso-none"), ctx.lang);
            Ok(render_invalid(&page(school, errors, Vec::new())))
        }
        Err(invalid) => {
            let errors = FormErrors::from_invalid(&invalid, ctx.lang);
            Ok(render_invalid(&page(school, errors, Vec::new())))
        }
    }
}

// ---- Refusals ----

#[derive(Template)]
#[template(path = "sso_problem.html")]
pub struct ProblemPage {
    page: Page,
    message_key: String,
    retry_href: String,
}

fn status_of(r: SignInRefusal) -> StatusCode {
    match r {
        SignInRefusal::State | SignInRefusal::Cancelled => StatusCode::BAD_REQUEST,
        SignInRefusal::Provider | SignInRefusal::Unavailable => StatusCode::BAD_GATEWAY,
        _ => StatusCode::FORBIDDEN,
    }
}

/// The page that says why the sign-in did not go ahead (and signs no one in).
fn refuse(state: &AppState, ctx: &Ctx, refusal: SignInRefusal, detail: &str) -> Response {
    tracing::warn!(refusal = refusal.as_str(), detail, "single sign-on refused");
    let mut r = render(&ProblemPage {
        page: Page::new(ctx, "sso-problem-title"),
        message_key: refusal.label_key(),
        retry_href: "/sign-in/sso".into(),
    });
    *r.status_mut() = status_of(refusal);
    append_cookie(
        r.headers_mut(),
        &cookies::delete(STATE_COOKIE, state.config.secure_cookies()),
    );
    r
}

fn refuse_with(state: &AppState, ctx: &Ctx, e: &SsoError) -> Response {
    refuse(state, ctx, e.refusal, &e.detail)
}

// ---- Going to the provider ----

#[derive(Debug, Default, Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    next: String,
}

/// Asks before going on: for anything but a link followed on our pages.
#[derive(Template)]
#[template(path = "sso_continue.html")]
pub struct ContinuePage {
    page: Page,
    provider_name: String,
    org_name: String,
    action: String,
    next: String,
}

/// On the way to the provider (the answer to the form): the browser goes
/// on by the `Refresh` header, or the link if it does not.
#[derive(Template)]
#[template(path = "sso_going.html")]
pub struct GoingPage {
    page: Page,
    provider_name: String,
    href: String,
}

/// Whether this GET is a person following a link on one of our pages (or
/// typing the address): a top-level navigation from our own origin, as
/// fetch metadata says. An image, a script, a frame, another site's link,
/// or a browser that does not say — none of these may begin a sign-in.
fn navigation_from_us(headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    header("sec-fetch-mode") == Some("navigate")
        && matches!(header("sec-fetch-site"), Some("same-origin" | "none"))
        && header("sec-fetch-dest").is_none_or(|d| d == "document")
}

async fn provider_and_org(
    state: &AppState,
    provider_id: i64,
) -> Result<(ProviderRow, lyceum_db::orgs::OrgRow), AppError> {
    state
        .db
        .read(move |c| match sso::get(c, provider_id)? {
            Some(p) => {
                let org = lyceum_db::orgs::get(c, p.org())?;
                Ok(Some((p, org)))
            }
            None => Ok(None),
        })
        .await?
        .ok_or(AppError::NotFound)
}

/// `GET /sign-in/sso/start/{provider_id}`: a link followed on our pages
/// records the sign-in and sends the browser to the provider.
///
/// Someone signed in already goes where they were going. Anything else — a
/// link from another site or an email, an `<img>` in a post, a browser that
/// sends no fetch metadata — gets a page that says which provider and
/// organisation this is, with a button that posts: another site, or an
/// image on our own pages, must not start a sign-in unasked (it writes a
/// row, and would sign a visitor in to an account of someone's choosing).
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(provider_id): Path<i64>,
    Query(q): Query<StartQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(redirect(local_path(&q.next, "/")));
    }
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let (provider, org) = provider_and_org(&state, provider_id).await?;
    if !navigation_from_us(&headers) {
        return Ok(render(&ContinuePage {
            page: Page::new(&ctx, "sso-continue-title"),
            provider_name: provider.name,
            org_name: org.name,
            action: start_path(provider_id),
            next: local_path(&q.next, "").to_string(),
        }));
    }
    match begin(&state, &provider, &q.next).await? {
        Ok((url, cookie)) => {
            let mut r = redirect(&url);
            append_cookie(r.headers_mut(), &cookie);
            Ok(r)
        }
        Err(e) => Ok(refuse_with(&state, &ctx, &e)),
    }
}

/// `POST /sign-in/sso/start/{provider_id}`: the button of the sign-in and
/// continue pages (the same-origin check in front of every form applies).
///
/// The answer is a page that moves on by `Refresh`, not a redirect: the
/// pages' `form-action 'self'` would stop a form's redirect to the provider.
pub async fn start_post(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    Path(provider_id): Path<i64>,
    HtmlForm(form): HtmlForm<StartQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_some() {
        return Ok(redirect(local_path(&form.next, "/")));
    }
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let (provider, _) = provider_and_org(&state, provider_id).await?;
    let (url, cookie) = match begin(&state, &provider, &form.next).await? {
        Ok(started) => started,
        Err(e) => return Ok(refuse_with(&state, &ctx, &e)),
    };
    let mut r = render(&GoingPage {
        page: Page::new(&ctx, "sso-going-title"),
        provider_name: provider.name.clone(),
        href: url.clone(),
    });
    let refresh = HeaderValue::from_str(&format!("0; url={url}")).map_err(AppError::internal)?;
    r.headers_mut().insert(header::REFRESH, refresh);
    append_cookie(r.headers_mut(), &cookie);
    Ok(r)
}

/// Records a sign-in with `provider` and makes the authorization URL and
/// the cookie that ties the sign-in to this browser; or why it cannot.
async fn begin(
    state: &AppState,
    provider: &ProviderRow,
    next: &str,
) -> Result<Result<(String, String), SsoError>, AppError> {
    let meta = match state.sso.metadata(&provider.issuer).await {
        Ok(m) => m,
        Err(e) => return Ok(Err(e)),
    };
    let random = || new_token().map_err(AppError::internal);
    let (login_state, state_hash) = random()?;
    let (nonce, nonce_hash) = random()?;
    let (verifier, _) = random()?;
    let provider_id = provider.id;
    let redirect_uri = state.config.link(&callback_path(provider_id));
    let url = match SsoClient::authorization_url(
        &meta,
        provider,
        &redirect_uri,
        &login_state,
        &nonce,
        &verifier,
    ) {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    let now = state.clock.now();
    let return_to = local_path(next, "/").to_string();
    state
        .db
        .write(move |c| {
            sso::begin(
                c,
                &NewLogin {
                    state_hash: &state_hash,
                    provider_id,
                    nonce_hash: &nonce_hash,
                    pkce_verifier: &verifier,
                    return_to: &return_to,
                    expires_at: now.plus(LOGIN_TTL),
                },
                now,
            )
        })
        .await?;
    let cookie = cookies::build(
        STATE_COOKIE,
        &login_state,
        Some(LOGIN_TTL.as_secs()),
        state.config.secure_cookies(),
    );
    Ok(Ok((url, cookie)))
}

// ---- Coming back ----

#[derive(Debug, Default, Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    error: String,
}

/// `GET /sign-in/sso/callback/{provider_id}`: the provider sends the
/// browser back here with a code (or an error). Takes the sign-in out of the
/// store (once), checks it went to this provider, trades the code for an ID
/// token, checks it, finds or makes the account, and starts a session as
/// signing in with a password does.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(came_from): Path<i64>,
    Query(q): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    if !state.limits.allow_auth(ip) {
        return Err(AppError::RateLimited);
    }
    let cookie = cookies::get(&headers, STATE_COOKIE, state.config.secure_cookies()).unwrap_or("");
    if q.state.is_empty() || cookie != q.state {
        return Ok(refuse(
            &state,
            &ctx,
            SignInRefusal::State,
            "state missing or not this browser's",
        ));
    }
    let now = state.clock.now();
    let state_hash = hash_token(&q.state);
    let Some(pending) = state
        .db
        .write(move |c| sso::take(c, &state_hash, now))
        .await?
    else {
        return Ok(refuse(
            &state,
            &ctx,
            SignInRefusal::State,
            "state unknown, used or expired",
        ));
    };
    if pending.provider_id != came_from {
        return Ok(refuse(
            &state,
            &ctx,
            SignInRefusal::State,
            "answer came back for another provider",
        ));
    }
    if !q.error.is_empty() {
        let refusal = if q.error == "access_denied" {
            SignInRefusal::Cancelled
        } else {
            SignInRefusal::Provider
        };
        return Ok(refuse(&state, &ctx, refusal, &q.error));
    }
    if q.code.is_empty() {
        return Ok(refuse(&state, &ctx, SignInRefusal::Provider, "no code"));
    }
    let provider_id = pending.provider_id;
    let Some(provider) = state.db.read(move |c| sso::get(c, provider_id)).await? else {
        return Ok(refuse(
            &state,
            &ctx,
            SignInRefusal::State,
            "provider removed",
        ));
    };
    let redirect_uri = state.config.link(&callback_path(provider_id));
    let keys = state.keys()?;
    let checked = async {
        // A secret that does not open for this issuer is sent nowhere.
        let secret = sso::client_secret(&keys, &provider)
            .map_err(|e| SsoError::new(SignInRefusal::Provider, format!("client secret: {e}")))?;
        let meta = state.sso.metadata(&provider.issuer).await?;
        let id_token = state
            .sso
            .exchange(
                &meta,
                &provider,
                &secret,
                &q.code,
                &pending.pkce_verifier,
                &redirect_uri,
            )
            .await?;
        let expected = Expected {
            issuer: &provider.issuer,
            client_id: &provider.client_id,
            nonce_hash: &pending.nonce_hash,
            now: state.clock.now().micros() / 1_000_000,
        };
        state.sso.verify(&meta, &id_token, &expected).await
    }
    .await;
    let claims = match checked {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(provider = provider.id, "ID token or exchange refused");
            return Ok(refuse_with(&state, &ctx, &e));
        }
    };

    let email = claims
        .email
        .as_deref()
        .and_then(|e| EmailAddress::parse(e).ok());
    let name = display_name(&claims);
    let lang = ctx.chosen_lang.unwrap_or(ctx.lang);
    let now = state.clock.now();
    let outcome = state
        .db
        .write(move |c| {
            sso::sign_in(
                c,
                &Assertion {
                    provider: &provider,
                    subject: &claims.sub,
                    email: email.as_ref(),
                    email_verified: claims.email_verified,
                    display_name: &name,
                    lang,
                },
                now,
            )
        })
        .await?;
    let signed_in = match outcome {
        Ok(s) => s,
        Err(refusal) => return Ok(refuse(&state, &ctx, refusal, "account rules")),
    };
    let user = signed_in.user;
    if signed_in.created || signed_in.linked || signed_in.joined {
        tracing::info!(
            user = user.id,
            created = signed_in.created,
            linked = signed_in.linked,
            joined = signed_in.joined,
            "single sign-on"
        );
    }
    // As with a password: a language chosen on this device is the person's choice.
    let lang = ctx.chosen_lang.unwrap_or(user.lang());
    if lang != user.lang() {
        let id = user.id();
        state
            .db
            .write(move |c| users::set_language(c, id, lang))
            .await?;
    }
    let previous = ctx.user.as_ref().and_then(|u| u.session_hash.clone());
    let secure = state.config.secure_cookies();
    let mut response = redirect_with(local_path(&pending.return_to, "/"), Flash::SignedIn, secure);
    append_cookie(
        response.headers_mut(),
        &cookies::delete(STATE_COOKIE, secure),
    );
    session::start(&state, user.id(), lang, previous, response).await
}
