//! Layers every response passes through: request ids, logs, time-outs,
//! compression and the security headers.

use crate::state::WebConfig;
use axum::Router;
use axum::extract::MatchedPath;
use axum::http::{HeaderName, HeaderValue, Request};
use std::sync::atomic::{AtomicU64, Ordering};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids: a per-process random prefix and a counter; unique enough to
/// find one request's log lines across servers, and cheap.
#[derive(Clone)]
struct Ids {
    prefix: String,
    next: std::sync::Arc<AtomicU64>,
}

impl MakeRequestId for Ids {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// Path parameters that are secrets: an invitation's token, a
/// certificate's code. Logs show `…` in their place.
const SECRET_PARAMS: &[&str] = &["{token}", "{code}"];

/// Unmatched paths may still carry a secret (a mistyped invitation link):
/// any segment this long is left out of the log.
const LONG_SEGMENT: usize = 20;

/// The request's path as the logs may keep it: the path only (query
/// strings can hold one-time tokens), with secret segments replaced.
fn loggable_path(route: Option<&str>, path: &str) -> String {
    let template: Vec<&str> = route.map_or_else(Vec::new, |r| r.split('/').collect());
    path.split('/')
        .enumerate()
        .map(|(i, segment)| {
            let secret = match route {
                Some(_) => template.get(i).is_some_and(|t| SECRET_PARAMS.contains(t)),
                None => segment.len() >= LONG_SEGMENT,
            };
            if secret { "…" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn layers(router: Router, config: &WebConfig) -> Router {
    let prefix = lyceum_domain::token::new_token()
        .map(|(t, _)| t[..8].to_string())
        .unwrap_or_else(|_| "req".into());
    let ids = Ids {
        prefix,
        next: Default::default(),
    };
    let static_header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    // Served over https: browsers must never fall back to plain http here,
    // where a network attacker could read or plant cookies. (Not
    // `includeSubDomains`: other hosts of the domain are not ours to bind.)
    let hsts = config.secure_cookies().then(|| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("strict-transport-security"),
            HeaderValue::from_static("max-age=31536000"),
        )
    });
    router
        .layer(CompressionLayer::new())
        .layer(tower::util::option_layer(hsts))
        .layer(static_header("content-security-policy", CSP))
        .layer(static_header("x-content-type-options", "nosniff"))
        .layer(static_header("x-frame-options", "DENY"))
        // Links with tokens in them must not leak to other sites through Referer.
        .layer(static_header("referrer-policy", "same-origin"))
        .layer(static_header(
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                let route = req
                    .extensions()
                    .get::<MatchedPath>()
                    .map(MatchedPath::as_str);
                let path = loggable_path(route, req.uri().path());
                tracing::info_span!("request", id, method = %req.method(), path)
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, ids))
}

#[cfg(test)]
mod tests {
    use super::{layers, loggable_path};
    use crate::state::WebConfig;
    use axum::routing::get;
    use tower::ServiceExt;

    /// What a log writer keeps.
    #[derive(Clone, Default)]
    struct LogBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for LogBuffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Through the very layers the app uses, routed as the app routes:
    /// an invitation's token never reaches the log (whoever reads a log
    /// could take the invitation).
    #[tokio::test]
    async fn request_logs_leave_secrets_out() {
        let log = LogBuffer::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let router = axum::Router::new()
            .route("/invitations/{token}", get(|| async { "ok" }))
            .route("/topics/{topic_id}", get(|| async { "ok" }));
        let app = layers(router, &WebConfig::default());
        let token = "Jd8sKq2mZx9Vb4Lr7Tn1Yp0Wc3Fh6Ga5Ue2Io8Ps4Dk";
        for path in [
            format!("/invitations/{token}"),
            format!("/invitations/{token}/typo"),
            "/topics/42".to_string(),
        ] {
            let request = axum::http::Request::get(path)
                .body(axum::body::Body::empty())
                .unwrap();
            app.clone().oneshot(request).await.unwrap();
        }
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        assert!(text.contains("path=\"/invitations/…\""), "{text}");
        assert!(text.contains("path=\"/topics/42\""), "{text}");
        assert!(!text.contains(token), "{text}");
    }

    #[test]
    fn secrets_stay_out_of_logged_paths() {
        let token = "Jd8sKq2mZx9Vb4Lr7Tn1Yp0Wc3Fh6Ga5Ue2Io8Ps4Dk";
        assert_eq!(
            loggable_path(
                Some("/invitations/{token}/register"),
                &format!("/invitations/{token}/register")
            ),
            "/invitations/…/register"
        );
        assert_eq!(
            loggable_path(Some("/certificates/{code}"), "/certificates/abc"),
            "/certificates/…"
        );
        // A calendar feed's address.
        assert_eq!(
            loggable_path(Some("/calendar/{token}"), &format!("/calendar/{token}.ics")),
            "/calendar/…"
        );
        assert_eq!(
            loggable_path(Some("/topics/{topic_id}"), "/topics/42"),
            "/topics/42"
        );
        assert_eq!(
            loggable_path(None, &format!("/invitaciones/{token}")),
            "/invitaciones/…"
        );
        assert_eq!(loggable_path(None, "/no/such/page"), "/no/such/page");
    }
}
