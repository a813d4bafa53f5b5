//! Starting and ending signed-in sessions.

use crate::context::append_cookie;
use crate::cookies::{self, Cookie};
use crate::error::AppError;
use crate::state::AppState;
use axum::response::Response;
use lyceum_db::sessions;
use lyceum_domain::UserId;
use lyceum_domain::i18n::Lang;
use lyceum_domain::token::new_token;

/// Starts a session with a fresh id (never one the browser brought along,
/// so a planted id is useless) and sets its cookie on `response`, together
/// with the person's language.
pub async fn start(
    state: &AppState,
    user: UserId,
    lang: Lang,
    previous: Option<String>,
    mut response: Response,
) -> Result<Response, AppError> {
    let (id, hash) = new_token().map_err(AppError::internal)?;
    let now = state.clock.now();
    let expires = now.plus(state.config.session_absolute);
    state
        .db
        .write(move |c| {
            if let Some(old) = previous {
                sessions::delete(c, &old)?;
            }
            sessions::create(c, &hash, user, now, expires)
        })
        .await?;
    let secure = state.config.secure_cookies();
    // A browser-session cookie: on a shared school computer, closing the
    // browser ends it; the server enforces idle and absolute expiry anyway.
    append_cookie(
        response.headers_mut(),
        &cookies::build(Cookie::Session, &id, None, secure),
    );
    append_cookie(response.headers_mut(), &lang_cookie(lang, secure));
    Ok(response)
}

/// Ends the session (if any) and clears its cookie on `response`.
pub async fn end(
    state: &AppState,
    hash: Option<String>,
    mut response: Response,
) -> Result<Response, AppError> {
    if let Some(h) = hash {
        state.db.write(move |c| sessions::delete(c, &h)).await?;
    }
    append_cookie(
        response.headers_mut(),
        &cookies::delete(Cookie::Session, state.config.secure_cookies()),
    );
    Ok(response)
}

pub fn lang_cookie(lang: Lang, secure: bool) -> String {
    cookies::build(Cookie::Lang, lang.as_str(), Some(365 * 24 * 3600), secure)
}
