//! Wiring the edge: NATS, state, routes and layers; binding works with port 0 so tests run the
//! very same code on a free port.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use futures::FutureExt;
use menuskart_schemas::headers;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_swagger_ui::SwaggerUi;

use crate::bus::Bus;
use crate::errors;
use crate::live_streams::LiveStreams;
use crate::rate_limit::{Quota, Quotas, RateLimits};
use crate::serve::ConnectionLimits;
use crate::settings::Settings;
use crate::state::AppState;
use crate::{browser_headers, openapi, routes};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Nats(#[from] menuskart_kit::nats::ConnectError),
    #[error("rate limits: cannot reach Redis ({0})")]
    RateLimits(redis::RedisError),
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
}

/// Connections to `/metrics` at once: it is for Prometheus, not for the public.
const METRICS_MAX_CONNECTIONS: usize = 16;

/// How often the rate limits' in-memory fallback forgets idle clients.
const RATE_SWEEP_EVERY: Duration = Duration::from_secs(60);

pub struct Application {
    listener: TcpListener,
    router: Router,
    /// `/metrics` only, on an address of its own (internal: Prometheus scrapes it).
    metrics_listener: TcpListener,
    nats: async_nats::Client,
    /// Cancelled when the shutdown comes: live streams end and background rounds stop on it.
    stopping: CancellationToken,
    rate_limits: RateLimits,
    connection_limits: ConnectionLimits,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let nats = menuskart_kit::nats::connect(&settings.nats, "edge").await?;
        let rate_limits = RateLimits::connect(
            &settings.rate_redis_url,
            &settings.rate_key_prefix,
            Quotas {
                credentials: Quota::per_minute(
                    settings.auth_rate_per_minute,
                    settings.auth_rate_burst,
                ),
                orders: Quota::per_minute(
                    settings.order_rate_per_minute,
                    settings.order_rate_burst,
                ),
                carts: Quota::per_minute(settings.cart_rate_per_minute, settings.cart_rate_burst),
                payments: Quota::per_minute(
                    settings.payment_rate_per_minute,
                    settings.payment_rate_burst,
                ),
                email_resends: Quota::per_minute(
                    settings.email_resend_rate_per_minute,
                    settings.email_resend_rate_burst,
                ),
                reviews: Quota::per_minute(
                    settings.review_rate_per_minute,
                    settings.review_rate_burst,
                ),
            },
            settings.trusted_proxies.clone(),
        )
        .await
        .map_err(StartupError::RateLimits)?;
        let stopping = CancellationToken::new();
        let state = AppState {
            bus: Bus::new(
                nats.clone(),
                Duration::from_millis(settings.request_timeout_ms),
            ),
            tokens: settings.jwt.verifier(),
            rate_limits: rate_limits.clone(),
            live_streams: LiveStreams::new(
                settings.sse_max_streams,
                settings.sse_max_per_user,
                stopping.clone(),
            ),
            web: settings.web_dir.as_deref().map(crate::web::WebApp::new),
            site: crate::site::SiteAddress::new(
                settings.public_url.as_deref(),
                settings.behind_tls,
            ),
        };
        crate::metrics::install();
        let router = router(
            state,
            settings.body_limit_bytes,
            Duration::from_millis(settings.body_read_timeout_ms),
            settings.behind_tls,
        );
        let listener = bind(&settings.http_addr).await?;
        let metrics_listener = bind(&settings.metrics_addr).await?;
        Ok(Self {
            listener,
            router,
            metrics_listener,
            nats,
            stopping,
            rate_limits,
            connection_limits: ConnectionLimits {
                header_read_timeout: Duration::from_millis(settings.header_read_timeout_ms),
                max_connections: settings.max_connections,
            },
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn port(&self) -> u16 {
        self.address().port()
    }

    /// Where `/metrics` is served.
    pub fn metrics_address(&self) -> SocketAddr {
        self.metrics_listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `shutdown`; requests in flight finish and live streams end, then the NATS
    /// connection drains.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let stopping = self.stopping;
        // An SSE response never ends by itself: the stop token ends them all, or the shutdown
        // would wait for their clients to leave.
        let shutdown = {
            let stopping = stopping.clone();
            async move {
                shutdown.await;
                stopping.cancel();
            }
            .shared()
        };
        let public = crate::serve::serve(
            self.listener,
            self.router,
            self.connection_limits,
            shutdown.clone(),
        );
        let metrics = crate::serve::serve(
            self.metrics_listener,
            crate::metrics::router(),
            ConnectionLimits {
                max_connections: METRICS_MAX_CONNECTIONS,
                ..self.connection_limits
            },
            shutdown,
        );
        let rate_limits = &self.rate_limits;
        let sweeper = menuskart_kit::periodic::every(RATE_SWEEP_EVERY, stopping, || async move {
            rate_limits.sweep();
        });
        tokio::join!(public, metrics, sweeper);
        if let Err(error) = self.nats.flush().await {
            tracing::warn!(%error, "nats flush");
        }
        if let Err(error) = self.nats.drain().await {
            tracing::warn!(%error, "nats drain");
        }
        Ok(())
    }
}

/// The whole HTTP surface: API routes, docs, the storefront (or JSON 404s) for the rest, and the layers every request
/// passes (outermost first: request id, tracing, browser security headers, panic guard, body
/// limit, metrics).
pub fn router(
    state: AppState,
    body_limit: usize,
    body_read_timeout: Duration,
    behind_tls: bool,
) -> Router {
    let request_id = HeaderName::from_static(headers::HTTP_REQUEST_ID);
    let (api, document) = openapi::split(routes::router());
    let docs = browser_headers::docs(Router::from(
        SwaggerUi::new("/docs").url("/openapi.json", document),
    ));
    let router = Router::new()
        .merge(api)
        .merge(docs)
        .fallback(crate::web::fallback)
        .method_not_allowed_fallback(errors::method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn(crate::metrics::track))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(RequestBodyTimeoutLayer::new(body_read_timeout))
        .layer(CatchPanicLayer::custom(errors::panic_response));
    let router = if behind_tls {
        router.layer(axum::middleware::map_response(
            crate::secure_cookies::mark_secure,
        ))
    } else {
        router
    };
    // Outside the panic guard, so its 500s carry them too.
    browser_headers::protect(router, behind_tls)
        .layer(TraceLayer::new_for_http().make_span_with(crate::http_span::make_span))
        .layer(SetSensitiveRequestHeadersLayer::new([
            axum::http::header::AUTHORIZATION,
        ]))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

async fn bind(address: &str) -> Result<TcpListener, StartupError> {
    TcpListener::bind(address)
        .await
        .map_err(|source| StartupError::Bind {
            address: address.to_owned(),
            source,
        })
}
