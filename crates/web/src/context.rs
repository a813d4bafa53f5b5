//! Who is asking, in which language: worked out once per request by
//! [`page_context`] (cookies) or [`api_context`] (bearer token), and handed
//! to handlers as [`Ctx`].

use crate::cookies::{self, Cookie};
use crate::error::{AppError, json_error};
use crate::flash::Flash;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, AUTHORIZATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use lyceum_db::memberships::Membership;
use lyceum_db::users::UserRow;
use lyceum_db::{api_tokens, sessions};
use lyceum_domain::api_token::Scopes;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::Actor;
use lyceum_domain::time::TimeZone;
use lyceum_domain::token::hash_token;
use std::sync::Arc;
use std::time::Duration;

/// The signed-in person.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: UserRow,
    pub actor: Actor,
    /// Hash of the session id (None when signed in by API token).
    pub session_hash: Option<String>,
    /// The zone their dates are shown and reckoned in: their school's.
    pub zone: TimeZone,
    /// Their memberships with their organisations' names, by organisation
    /// path then role: read with the session, for the pages that list them.
    pub memberships: Vec<Membership>,
    /// Their unread notifications, read with the session: the header's count.
    pub unread: i64,
}

impl CurrentUser {
    /// Their school: the organisation of their deepest membership, the
    /// earliest joined among equally deep ones (`orgs::home_path`, on the
    /// grants read with the session in the order `memberships::grants_of`
    /// gives). None for someone who belongs nowhere.
    pub fn home(&self) -> Option<OrgPath> {
        let paths: Vec<OrgPath> = self.actor.grants.iter().map(|g| g.scope.clone()).collect();
        lyceum_db::orgs::home_path(&paths).cloned()
    }
}

/// The request's context.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: Option<Arc<CurrentUser>>,
    pub lang: Lang,
    /// The language this browser chose with the switch, if it did.
    pub chosen_lang: Option<Lang>,
    pub flash: Option<Flash>,
    /// Path and query of this request, for "come back here" links.
    pub here: String,
    /// True for the JSON API.
    pub api: bool,
}

impl Ctx {
    pub fn require_user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_deref().ok_or(AppError::Unauthenticated)
    }

    /// The zone the reader's dates are shown in: their school's, or the
    /// programme's for someone not signed in.
    pub fn zone(&self) -> TimeZone {
        self.user
            .as_ref()
            .map_or_else(TimeZone::programme, |u| u.zone.clone())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::internal("request context missing"))
    }
}

/// Sessions seen within this long are not written back on every request.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// For pages: the session cookie, the language and the flash message.
pub async fn page_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let secure = state.config.secure_cookies();
    let session_cookie = cookies::get(headers, Cookie::Session, secure).map(str::to_string);
    let flash = cookies::get(headers, Cookie::Flash, secure).and_then(Flash::parse);
    let cookie_lang = cookies::get(headers, Cookie::Lang, secure).and_then(Lang::parse);
    let accept_lang = accept_language(headers);
    let here = here(&req);

    let mut clear_session = false;
    let user = match session_cookie {
        Some(id) => match load_session(&state, &id).await {
            Ok(Some(u)) => Some(Arc::new(u)),
            Ok(None) => {
                clear_session = true;
                None
            }
            // This layer sits outside the error renderer, so it renders its own.
            Err(e) => return crate::error::page_error(e, None),
        },
        None => None,
    };
    // The person's own choice wins, then this browser's, then the browser's languages.
    let lang = user
        .as_ref()
        .map(|u| u.user.lang())
        .or(cookie_lang)
        .or(accept_lang)
        .unwrap_or(Lang::En);
    let had_flash = flash.is_some();
    req.extensions_mut().insert(Ctx {
        user,
        lang,
        chosen_lang: cookie_lang,
        flash,
        here,
        api: false,
    });
    let mut response = next.run(req).await;
    // A cookie the browser brought is cleared unless the handler has set it
    // anew: a sign-in over a stale session cookie must keep its new session.
    for (cookie, clear) in [(Cookie::Flash, had_flash), (Cookie::Session, clear_session)] {
        if clear && !cookies::is_set(response.headers(), cookie, secure) {
            append_cookie(response.headers_mut(), &cookies::delete(cookie, secure));
        }
    }
    response
}

/// For the JSON API: a personal access token in `Authorization: Bearer`.
/// Cookies are ignored here, so the API cannot be driven cross-site. A
/// token must hold the scope its request needs (`read` for GET and HEAD,
/// `write` for anything else), whatever the route: a read-only token never
/// reaches a handler that changes something.
pub async fn api_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let bearer = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    let header_lang = accept_language(req.headers());
    // This layer sits outside the error renderer, so it renders its own errors.
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let user = match bearer {
        Some(token) => match load_token(&state, &token).await {
            Ok(Some((u, scopes))) => match scopes.missing_for(safe) {
                None => Some(Arc::new(u)),
                Some(scope) => {
                    let lang = header_lang.unwrap_or(u.user.lang());
                    return json_error(&AppError::MissingScope(scope), lang);
                }
            },
            Ok(None) => return json_error(&AppError::BadToken, header_lang.unwrap_or(Lang::En)),
            Err(e) => return json_error(&e, header_lang.unwrap_or(Lang::En)),
        },
        None => None,
    };
    let lang = header_lang
        .or(user.as_ref().map(|u| u.user.lang()))
        .unwrap_or(Lang::En);
    let here = here(&req);
    req.extensions_mut().insert(Ctx {
        user,
        lang,
        chosen_lang: None,
        flash: None,
        here,
        api: true,
    });
    next.run(req).await
}

fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

fn here(req: &Request) -> String {
    req.uri()
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.as_str().to_string())
}

pub fn append_cookie(headers: &mut HeaderMap, cookie: &str) {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        headers.append(SET_COOKIE, v);
    }
}

/// The session's person if the session is live; expired sessions are removed.
async fn load_session(state: &AppState, id: &str) -> Result<Option<CurrentUser>, AppError> {
    let hash = hash_token(id);
    let now = state.clock.now();
    let idle = state.config.session_idle;
    let loaded = state
        .db
        .read_brief({
            let hash = hash.clone();
            // One query: session, person, memberships and zone.
            move |c| lyceum_db::signed_in::by_session(c, &hash)
        })
        .await?;
    let Some(lyceum_db::signed_in::SignedIn {
        by: session,
        user,
        grants,
        memberships,
        zone,
        unread,
    }) = loaded
    else {
        return Ok(None);
    };
    let idle_since = now.minus(idle).micros();
    if session.expires_at <= now.micros() || session.last_seen_at < idle_since {
        let h = hash.clone();
        state.db.write(move |c| sessions::delete(c, &h)).await?;
        return Ok(None);
    }
    if session.last_seen_at < now.minus(TOUCH_EVERY).micros() {
        let h = hash.clone();
        state.db.write(move |c| sessions::touch(c, &h, now)).await?;
    }
    Ok(Some(CurrentUser {
        actor: Actor {
            user_id: user.id(),
            grants,
        },
        user,
        session_hash: Some(hash),
        zone,
        memberships,
        unread,
    }))
}

/// The token's person and what the token may do.
async fn load_token(
    state: &AppState,
    token: &str,
) -> Result<Option<(CurrentUser, Scopes)>, AppError> {
    let hash = hash_token(token);
    let now = state.clock.now();
    let loaded = state
        .db
        // One query: token, person, memberships and zone.
        .read_brief(move |c| lyceum_db::signed_in::by_token(c, &hash, now))
        .await?;
    let Some(lyceum_db::signed_in::SignedIn {
        by: token,
        user,
        grants,
        memberships,
        zone,
        unread,
    }) = loaded
    else {
        return Ok(None);
    };
    let scopes = token.scopes();
    if token
        .last_used_at
        .is_none_or(|t| t < now.minus(TOUCH_EVERY).micros())
    {
        state
            .db
            .write(move |c| api_tokens::mark_used(c, token.id, now))
            .await?;
    }
    Ok(Some((
        CurrentUser {
            actor: Actor {
                user_id: user.id(),
                grants,
            },
            user,
            session_hash: None,
            zone,
            memberships,
            unread,
        },
        scopes,
    )))
}
