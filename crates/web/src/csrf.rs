//! Cross-site request forgery defence for pages: besides `SameSite=Lax`
//! cookies, an unsafe request must come from our own origin, as the browser
//! reports it in `Sec-Fetch-Site` or, failing that, `Origin`.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn same_origin_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(req.headers(), state.config.public_origin()) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = req.uri().path(), "cross-site request refused");
        AppError::Forbidden.into_response()
    }
}

fn is_same_origin(headers: &HeaderMap, public_origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is the person typing the address or using a bookmark.
        return site == "same-origin" || site == "none";
    }
    match headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        // Neither header: not a browser, or a very old one; there is no
        // ambient credential to abuse without a browser.
        None => true,
        Some(origin) => {
            let scheme = public_origin.split("://").next().unwrap_or("http");
            let host_origin = headers
                .get(HOST)
                .and_then(|v| v.to_str().ok())
                .map(|h| format!("{scheme}://{h}"));
            origin == public_origin || host_origin.as_deref() == Some(origin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn decides_by_fetch_metadata_then_origin() {
        let us = "https://lyceum.example.org";
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            us
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            us
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            us
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "https://lyceum.example.org")]),
            us
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example")]),
            us
        ));
        assert!(!is_same_origin(&headers(&[("origin", "null")]), us));
        assert!(is_same_origin(
            &headers(&[
                ("origin", "https://10.1.2.3:8443"),
                ("host", "10.1.2.3:8443")
            ]),
            us
        ));
        assert!(is_same_origin(&headers(&[]), us));
    }
}
