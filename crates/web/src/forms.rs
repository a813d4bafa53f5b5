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
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let at = e.path().to_string();
            // `.` is the whole body: nothing more to name.
            if at == "." {
                AppError::BadRequest(format!("invalid JSON: {}", e.inner()))
            } else {
                AppError::BadRequest(format!("invalid JSON at `{at}`: {}", e.inner()))
            }
        })?;
        de.end()
            .map_err(|e| AppError::BadRequest(format!("invalid JSON: {e}")))?;
        Ok(ApiJson(value))
    }
}

/// A `multipart/form-data` body (a form with a file input), read whole:
/// the request's body limit (see `Routes::add_upload`) bounds it.
pub struct Upload {
    parts: Vec<UploadPart>,
}

pub struct UploadPart {
    pub name: String,
    /// As the browser sent it; None for a field that is not a file.
    pub file_name: Option<String>,
    pub bytes: Bytes,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let mut multipart = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let mut parts = Vec::new();
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?
        {
            let name = field.name().unwrap_or("").to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::BadRequest(e.body_text()))?;
            parts.push(UploadPart {
                name,
                file_name,
                bytes,
            });
        }
        Ok(Upload { parts })
    }
}

impl Upload {
    /// The text of the last field called `name` ("" if none).
    pub fn text(&self, name: &str) -> String {
        self.parts
            .iter()
            .rev()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
            .unwrap_or_default()
    }

    /// The file sent in `name`, as (its name, its bytes): None when the
    /// input was left empty (browsers still send a part, with no bytes).
    pub fn file(&self, name: &str) -> Option<(String, Vec<u8>)> {
        self.parts
            .iter()
            .rev()
            .find(|p| p.name == name && !p.bytes.is_empty())
            .map(|p| (p.file_name.clone().unwrap_or_default(), p.bytes.to_vec()))
    }

    /// Every part, in the order sent.
    pub fn parts(&self) -> &[UploadPart] {
        &self.parts
    }
}
