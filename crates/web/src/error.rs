//! One error type at the web edge. A handler returns [`AppError`]; the
//! response it becomes is turned into a page (in the reader's language) or
//! a JSON error by the renderer of the router it came through.

use crate::context::Ctx;
use crate::page::{ErrorPage, Page};
use axum::Json;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lyceum_db::DbError;
use lyceum_domain::error_chain::Chain;
use lyceum_domain::i18n::catalogue;
use lyceum_domain::validation::Invalid;
use serde_json::json;
use std::sync::Arc;

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("invalid or expired token")]
    BadToken,
    /// The API token lacks the scope the request needs.
    #[error("token lacks the {} scope", .0.as_str())]
    MissingScope(lyceum_domain::api_token::Scope),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("invalid input")]
    Invalid(Invalid),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("too many requests")]
    RateLimited,
    /// Something failed that the request could not have avoided; its
    /// causes are kept and logged once, as a chain, when it becomes a response.
    #[error("internal error")]
    Internal(#[source] Arc<dyn std::error::Error + Send + Sync>),
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Invalid(i) => AppError::Invalid(i),
            DbError::NotFound => AppError::NotFound,
            other => AppError::internal(other),
        }
    }
}

impl AppError {
    /// An internal error from what caused it (an error, or words saying
    /// what went wrong).
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(Arc::from(cause.into()))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::MissingScope(_) => StatusCode::FORBIDDEN,
            AppError::Unauthenticated | AppError::BadToken => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code the JSON API returns.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden => "forbidden",
            AppError::Unauthenticated => "unauthenticated",
            AppError::BadToken => "invalid_token",
            AppError::MissingScope(_) => "insufficient_scope",
            AppError::BadRequest(_) => "bad_request",
            AppError::Invalid(_) => "validation_failed",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::RateLimited => "rate_limited",
            AppError::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for AppError {
    /// A bare response that carries the error; the router's renderer fills it in.
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(error = %Chain(cause.as_ref()), "request failed");
        }
        let mut r = self.status().into_response();
        r.extensions_mut().insert(self);
        r
    }
}

/// Renders errors from page routes as pages.
pub async fn render_page_errors(req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<Ctx>().cloned();
    let response = next.run(req).await;
    let (Some(error), Some(ctx)) = (response.extensions().get::<AppError>().cloned(), ctx) else {
        return fill_in_framework_errors(response, |e| page_error(e, None));
    };
    page_error(error, Some(&ctx))
}

/// Renders errors from API routes as JSON.
pub async fn render_api_errors(req: Request, next: Next) -> Response {
    let lang = req
        .extensions()
        .get::<Ctx>()
        .map_or(lyceum_domain::i18n::Lang::En, |c| c.lang);
    let response = next.run(req).await;
    match response.extensions().get::<AppError>().cloned() {
        Some(error) => json_error(&error, lang),
        None => fill_in_framework_errors(response, |e| json_error(&e, lang)),
    }
}

/// Empty error responses made by the framework itself (a rejected extractor,
/// no matching route) get the same treatment as ours.
fn fill_in_framework_errors(
    response: Response,
    render: impl FnOnce(AppError) -> Response,
) -> Response {
    let status = response.status();
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_none_or(|v| v.as_bytes().starts_with(b"text/plain"));
    if !plain || (!status.is_client_error() && !status.is_server_error()) {
        return response;
    }
    let error = match status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::UNAUTHORIZED => AppError::Unauthenticated,
        StatusCode::FORBIDDEN => AppError::Forbidden,
        StatusCode::TOO_MANY_REQUESTS => AppError::RateLimited,
        s if s.is_server_error() => AppError::internal(format!("status {s}")),
        _ => {
            // A rejected extractor: keep its plain-text explanation.
            return render(AppError::BadRequest(String::new()));
        }
    };
    render(error)
}

pub(crate) fn page_error(error: AppError, ctx: Option<&Ctx>) -> Response {
    if let (AppError::Unauthenticated, Some(ctx)) = (&error, ctx) {
        let next =
            percent_encoding::utf8_percent_encode(&ctx.here, percent_encoding::NON_ALPHANUMERIC);
        return crate::flash::redirect(&format!("/sign-in?next={next}"));
    }
    let fallback;
    let ctx = match ctx {
        Some(c) => c,
        None => {
            fallback = Ctx {
                user: None,
                lang: lyceum_domain::i18n::Lang::En,
                chosen_lang: None,
                flash: None,
                here: "/".into(),
                api: false,
            };
            &fallback
        }
    };
    let page = ErrorPage::new(Page::new(ctx, "error-title"), &error);
    let mut r = crate::page::render(&page);
    *r.status_mut() = error.status();
    r
}

pub(crate) fn json_error(error: &AppError, lang: lyceum_domain::i18n::Lang) -> Response {
    let c = catalogue();
    let key = format!("api-error-{}", error.code());
    let message = match error {
        AppError::MissingScope(scope) => c.text_with(
            lang,
            &key,
            &[("scope", lyceum_domain::i18n::Arg::Str(scope.as_str()))],
        ),
        _ => c.text(lang, &key),
    };
    let mut body = json!({ "error": { "code": error.code(), "message": message } });
    match error {
        AppError::Invalid(invalid) => {
            body["error"]["fields"] = invalid
                .0
                .iter()
                .map(|f| json!({ "field": f.field, "code": f.code, "message": f.message(lang) }))
                .collect();
        }
        AppError::BadRequest(detail) if !detail.is_empty() => {
            body["error"]["detail"] = json!(detail);
        }
        _ => {}
    }
    let mut r = (error.status(), Json(body)).into_response();
    if matches!(error, AppError::Unauthenticated | AppError::BadToken) {
        r.headers_mut().insert(
            axum::http::header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer realm=\"lyceum\""),
        );
    }
    r
}

/// What an action that checks input gives its page or API handler: the
/// input refused by field (`Ok(Err)`), or done (`Ok(Ok)`); anything else
/// is an error.
pub type Outcome<T> = Result<Result<T, Invalid>, AppError>;

/// A write's result as an [`Outcome`]: the database's own checks
/// (`DbError::Invalid`) become input refused; anything else stays an error.
pub fn refused<T>(r: Result<T, DbError>) -> Outcome<T> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(DbError::Invalid(invalid)) => Ok(Err(invalid)),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_keeps_every_cause_for_its_log_line() {
        let db = DbError::task_from("a read did not finish", std::io::Error::other("disk gone"));
        let e = AppError::from(db);
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            Chain(&e).to_string(),
            "internal error: database task failed: a read did not finish: disk gone"
        );
        // What people are shown names none of it.
        assert_eq!(e.code(), "internal");
    }
}
