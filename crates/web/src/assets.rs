//! Static files, built into the binary and served under names that carry a
//! hash of their content, so browsers may cache them for a year.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
    url: String,
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    let files: [(&str, &str, &[u8]); 4] = [
        (
            "lyceum.css",
            "text/css; charset=utf-8",
            include_bytes!("../static/lyceum.css"),
        ),
        (
            "lyceum.js",
            "text/javascript; charset=utf-8",
            include_bytes!("../static/lyceum.js"),
        ),
        // htmx 2.0.11 (0BSD), from the npm registry.
        (
            "htmx.min.js",
            "text/javascript; charset=utf-8",
            include_bytes!("../static/htmx.min.js"),
        ),
        (
            "favicon.svg",
            "image/svg+xml",
            include_bytes!("../static/favicon.svg"),
        ),
    ];
    files
        .into_iter()
        .map(|(name, content_type, body)| {
            let hash = &lyceum_domain::token::hash_token(&String::from_utf8_lossy(body))[..12];
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            Asset {
                name,
                content_type,
                body,
                url: format!("/static/{stem}.{hash}.{ext}"),
            }
        })
        .collect()
});

/// The URL of asset `name` (e.g. `lyceum.css`).
pub fn url(name: &str) -> &'static str {
    ASSETS
        .iter()
        .find(|a| a.name == name)
        .map_or("/static/missing", |a| a.url.as_str())
}

pub async fn serve(Path(file): Path<String>) -> Response {
    let wanted = format!("/static/{file}");
    match ASSETS.iter().find(|a| a.url == wanted) {
        Some(a) => {
            let mut r = a.body.into_response();
            let h = r.headers_mut();
            h.insert(CONTENT_TYPE, HeaderValue::from_static(a.content_type));
            h.insert(
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            r
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
