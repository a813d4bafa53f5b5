//! Health, readiness and metrics for operators and load balancers.

use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use lyceum_domain::error_chain::Chain;
use lyceum_domain::token::hash_token;
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
    if let Err(e) = &check {
        tracing::warn!(error = %Chain(e), "readiness check: the database did not answer");
    }
    readiness(&check).into_response()
}

/// What `/readyz` says: anyone can ask, so a failure is named in general
/// terms (the details, which can hold addresses or names, go to the log).
fn readiness(pending: &Result<usize, lyceum_db::DbError>) -> (StatusCode, String) {
    match pending {
        Ok(0) => (StatusCode::OK, "ready\n".into()),
        Ok(n) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{n} migrations pending\n"),
        ),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable\n".into(),
        ),
    }
}

/// Prometheus text, for those holding `server.metrics_token` (without one
/// configured, metrics are off: route names and volumes are not public).
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.config.metrics_token else {
        return (
            StatusCode::UNAUTHORIZED,
            "metrics are off: set server.metrics_token\n",
        )
            .into_response();
    };
    let given = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Compared as hashes, so the time taken says nothing about the token.
    if hash_token(given) != hash_token(token.expose()) {
        return (StatusCode::UNAUTHORIZED, "metrics token required\n").into_response();
    }
    let mut out = String::new();
    state.metrics.render(&mut out);
    let _ = writeln!(
        out,
        "# HELP lyceum_db_statements_total Statements run on the database (on PostgreSQL, each at least one round trip)."
    );
    let _ = writeln!(out, "# TYPE lyceum_db_statements_total counter");
    let _ = writeln!(out, "lyceum_db_statements_total {}", state.db.statements());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_names_no_details() {
        assert_eq!(readiness(&Ok(0)), (StatusCode::OK, "ready\n".into()));
        assert_eq!(readiness(&Ok(2)).1, "2 migrations pending\n");
        let down = lyceum_db::DbError::connect(
            "postgres://lyceum:***@db.internal:5432/lyceum",
            "refused for hunter2",
        );
        assert_eq!(
            readiness(&Err(down)),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable\n".into()
            )
        );
    }
}
