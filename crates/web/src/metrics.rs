//! Request metrics in the Prometheus text format.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use crate::state::AppState;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Default)]
pub struct Metrics {
    /// (method, route, status class) → series
    series: Mutex<BTreeMap<(String, String, &'static str), Series>>,
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let class = match status {
            100..=199 => "1xx",
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        if let Ok(mut map) = self.series.lock() {
            let s = map
                .entry((method.to_string(), route.to_string(), class))
                .or_default();
            s.count += 1;
            s.sum += seconds;
            for (i, bound) in BUCKETS.iter().enumerate() {
                if seconds <= *bound {
                    s.buckets[i] += 1;
                }
            }
        }
    }

    /// Writes the request series; `extra` lines (gauges) are appended by the caller.
    pub fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# HELP lyceum_http_requests_total Requests served, by route and status class."
        );
        let _ = writeln!(out, "# TYPE lyceum_http_requests_total counter");
        let Ok(map) = self.series.lock() else { return };
        for ((method, route, class), s) in map.iter() {
            let _ = writeln!(
                out,
                "lyceum_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{class}\"}} {}",
                s.count
            );
        }
        let _ = writeln!(
            out,
            "# HELP lyceum_http_request_duration_seconds Time to respond, by route."
        );
        let _ = writeln!(out, "# TYPE lyceum_http_request_duration_seconds histogram");
        for ((method, route, class), s) in map.iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{class}\"");
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "lyceum_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "lyceum_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "lyceum_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "lyceum_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
    }
}

/// Times every request under its route template (never the raw path, which
/// would hold ids and tokens).
pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().as_str().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_string();
    let response = next.run(req).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}
