//! Health, readiness and metrics for operators and load balancers.

use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;

/// The process is up. Touches nothing else (the trivial route benchmarks compare with).
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// The process can serve: the database answers and no migration is pending.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let check = state
        .db
        .read(|c| {
            c.ping()?;
            lyceum_db::migrate::pending_count(c)
        })
        .await;
    match check {
        Ok(0) => (StatusCode::OK, "ready\n").into_response(),
        Ok(n) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{n} migrations pending\n"),
        )
            .into_response(),
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, format!("database: {e}\n")).into_response(),
    }
}

pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = &state.config.metrics_token {
        let given = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(token.as_str()) {
            return (StatusCode::UNAUTHORIZED, "metrics token required\n").into_response();
        }
    }
    let mut out = String::new();
    state.metrics.render(&mut out);
    if let Ok((waiting, failed)) = state.db.read(lyceum_db::jobs::counts).await {
        let _ = writeln!(
            out,
            "# HELP lyceum_jobs_waiting Jobs queued or being retried."
        );
        let _ = writeln!(out, "# TYPE lyceum_jobs_waiting gauge");
        let _ = writeln!(out, "lyceum_jobs_waiting {waiting}");
        let _ = writeln!(
            out,
            "# HELP lyceum_jobs_failed Jobs given up after their last attempt."
        );
        let _ = writeln!(out, "# TYPE lyceum_jobs_failed gauge");
        let _ = writeln!(out, "lyceum_jobs_failed {failed}");
    }
    let mut r = out.into_response();
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}
