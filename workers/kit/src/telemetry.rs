//! Tracing set-up for every binary.
//!
//! Logs go to stdout (`MK_LOG_FORMAT=json` for machines, human-readable otherwise; `RUST_LOG`
//! filters). Spans always carry OpenTelemetry contexts so `traceparent` propagates through NATS;
//! they are exported over OTLP/HTTP only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, so nothing
//! needs a collector to run.

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Keeps the tracer provider alive; dropping it flushes pending spans.
pub struct TelemetryGuard {
    provider: SdkTracerProvider,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        let _ = self.provider.shutdown();
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    #[error("cannot build the OTLP exporter: {0}")]
    Exporter(#[from] opentelemetry_otlp::ExporterBuildError),
}

/// Where log lines go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogOutput {
    Stdout,
    /// Through libtest's capture: shown only for failing tests.
    TestCapture,
}

/// Installs the global subscriber, logging to stdout.
pub fn init(service_name: &'static str) -> Result<TelemetryGuard, TelemetryError> {
    init_with(service_name, LogOutput::Stdout)
}

/// Installs the global subscriber. A second call (several workers in one test process) keeps
/// the first subscriber and still returns a guard.
pub fn init_with(
    service_name: &'static str,
    output: LogOutput,
) -> Result<TelemetryGuard, TelemetryError> {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());

    let mut builder = SdkTracerProvider::builder().with_resource(
        opentelemetry_sdk::Resource::builder()
            .with_service_name(service_name)
            .build(),
    );
    if std::env::var_os("OTEL_EXPORTER_OTLP_ENDPOINT").is_some() {
        // The exporter reads the endpoint and headers from the standard OTEL_* variables.
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .build()?;
        builder = builder.with_batch_exporter(exporter);
    }
    let provider = builder.build();
    let otel_layer = tracing_opentelemetry::layer().with_tracer(provider.tracer(service_name));

    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,async_nats=warn"));
    let json = std::env::var("MK_LOG_FORMAT").is_ok_and(|v| v == "json");
    let fmt_layer = match (json, output) {
        (true, LogOutput::Stdout) => tracing_subscriber::fmt::layer().json().boxed(),
        (false, LogOutput::Stdout) => tracing_subscriber::fmt::layer().boxed(),
        (_, LogOutput::TestCapture) => tracing_subscriber::fmt::layer().with_test_writer().boxed(),
    };
    // The filter applies to log lines only: spans always reach the OpenTelemetry layer, so trace
    // context propagates whatever the log level.
    let _ = tracing_subscriber::registry()
        .with(fmt_layer.with_filter(filter))
        .with(otel_layer)
        .try_init();
    Ok(TelemetryGuard { provider })
}
