//! Prometheus metrics at `/metrics` on the edge's own metrics listener (`MK_METRICS_ADDR`, never
//! the public one: they describe traffic, errors and internal subjects): requests by method,
//! route template and status, and their latency as a histogram. One recorder per process (the
//! `metrics` facade is global), installed on first use.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

const REQUESTS: &str = "mk_http_requests_total";
const DURATION: &str = "mk_http_request_duration_seconds";
/// NATS requests the edge sent, by subject and outcome (`ok` or an error code).
pub const NATS_REQUESTS: &str = "mk_nats_requests_total";

fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full(DURATION.into()),
                &[
                    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
                ],
            )
            .expect("static bucket list is not empty")
            .install_recorder()
            .expect("the only metrics recorder of this process")
    })
}

/// Installs the recorder (idempotent); call at start-up so the first request is counted.
pub fn install() {
    handle();
}

/// The metrics listener's whole surface: `GET /metrics`.
pub fn router() -> axum::Router {
    axum::Router::new().route("/metrics", axum::routing::get(render))
}

/// `GET /metrics`.
async fn render() -> Response {
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle().render(),
    )
        .into_response()
}

/// A request's method as a label: one of the methods HTTP defines, or `other` (a client's
/// invented methods must not grow the label set without bound).
fn method_label(method: &axum::http::Method) -> String {
    use axum::http::Method;
    const KNOWN: [Method; 9] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
        Method::CONNECT,
        Method::TRACE,
    ];
    if KNOWN.contains(method) {
        method.to_string()
    } else {
        "other".to_owned()
    }
}

/// The middleware that counts and times every request by its route template (not its raw path:
/// ids in paths would explode the label set).
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = method_label(request.method());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(REQUESTS, "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!(DURATION, "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}
