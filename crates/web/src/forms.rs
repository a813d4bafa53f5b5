//! Extractors for what browsers and clients send: HTML forms and query
//! strings (repeated keys become lists, an empty value is "none") and JSON
//! for the API, each turning a malformed input into our own error.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// A URL-encoded form body. Unknown fields are ignored; missing ones take
/// their defaults, so validation (not parsing) reports what is wrong.
pub struct HtmlForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for HtmlForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        serde_html_form::from_bytes(&bytes)
            .map(HtmlForm)
            .map_err(|e| AppError::BadRequest(e.to_string()))
    }
}

/// A query string as an HTML form with `method="get"` sends it: a select
/// left at "any" arrives as `org=`, which an `Option` field reads as None
/// (axum's `Query` would refuse the whole request).
pub struct HtmlQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for HtmlQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        serde_html_form::from_str(parts.uri.query().unwrap_or(""))
            .map(HtmlQuery)
            .map_err(|e| AppError::BadRequest(e.to_string()))
    }
}

/// A JSON body. Malformed JSON, a wrong type or an unknown field is a 400
/// whose `detail` says which.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let json_type = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !json_type {
            return Err(AppError::BadRequest(
                "send the body as JSON with Content-Type: application/json".into(),
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        serde_json::from_slice(&bytes)
            .map(ApiJson)
            .map_err(|e| AppError::BadRequest(format!("invalid JSON: {e}")))
    }
}
