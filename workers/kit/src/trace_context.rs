//! W3C trace context (`traceparent`) in NATS headers.
//!
//! The edge injects the current span's context into every request it sends; the kit extracts it
//! and makes it the parent of the handler's span, so one trace runs from the HTTP call through
//! every worker it reaches. The edge adopts the caller's HTTP `traceparent` the same way.

use async_nats::HeaderMap;
use opentelemetry::propagation::{Extractor, Injector};
use tracing_opentelemetry::OpenTelemetrySpanExt;

struct HeaderExtractor<'a>(&'a HeaderMap);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|v| v.as_str())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.iter().map(|(k, _)| k.as_ref()).collect()
    }
}

struct HttpHeaderExtractor<'a>(&'a http::HeaderMap);

impl Extractor for HttpHeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

struct HeaderInjector<'a>(&'a mut HeaderMap);

impl Injector for HeaderInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        self.0.insert(key, value.as_str());
    }
}

/// Makes the trace context found in NATS `headers` (if any) the parent of `span`.
pub fn adopt_parent(span: &tracing::Span, headers: Option<&HeaderMap>) {
    if let Some(headers) = headers {
        adopt(span, &HeaderExtractor(headers));
    }
}

/// Makes the trace context found in HTTP `headers` (if any) the parent of `span`.
pub fn adopt_http_parent(span: &tracing::Span, headers: &http::HeaderMap) {
    adopt(span, &HttpHeaderExtractor(headers));
}

fn adopt(span: &tracing::Span, extractor: &dyn Extractor) {
    let context =
        opentelemetry::global::get_text_map_propagator(|propagator| propagator.extract(extractor));
    // Fails only when no OpenTelemetry layer is installed; then there is no trace to join.
    let _ = span.set_parent(context);
}

/// Writes the trace context of `span` into `headers`.
pub fn inject(span: &tracing::Span, headers: &mut HeaderMap) {
    let context = span.context();
    opentelemetry::global::get_text_map_propagator(|propagator| {
        propagator.inject_context(&context, &mut HeaderInjector(headers))
    });
}
