//! The span of an HTTP request: method, path, request id, and the caller's W3C `traceparent`
//! as its parent, so a trace started by a browser or a load balancer continues through the edge
//! into the workers.

use axum::http::Request;
use menuskart_schemas::headers;

pub fn make_span<B>(request: &Request<B>) -> tracing::Span {
    let request_id = request
        .headers()
        .get(headers::HTTP_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "http",
        method = %request.method(),
        path = request.uri().path(),
        request_id,
    );
    menuskart_kit::trace_context::adopt_http_parent(&span, request.headers());
    span
}
