//! Per-client-IP rate limiting (GCRA, from `governor`) for the credential routes: login,
//! register, refresh. It is the edge's first defence against password guessing and sign-up
//! floods; the auth worker's per-address throttle is the second. Over the limit: 429 with
//! `Retry-After`.
//!
//! The key is the TCP peer address. Behind a proxy every client shares the proxy's address, so
//! give the proxy its own limits (we do not trust `X-Forwarded-For` from anyone).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderValue;
use axum::http::header::RETRY_AFTER;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use menuskart_schemas::ErrorCode;

use crate::errors::ApiError;

#[derive(Clone)]
pub struct RateLimit {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl RateLimit {
    /// `per_minute` requests a minute per IP, bursts of `burst` (both at least 1).
    pub fn per_minute(per_minute: u32, burst: u32) -> Self {
        let one = NonZeroU32::MIN;
        let quota = Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(one))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(one));
        Self {
            limiter: Arc::new(DefaultKeyedRateLimiter::keyed(quota)),
        }
    }
}

/// The middleware: lets the request through or answers 429.
pub async fn enforce(State(limit): State<RateLimit>, request: Request, next: Next) -> Response {
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
    match limit.limiter.check_key(&ip) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let mut response =
                ApiError::new(ErrorCode::TooManyRequests, "too many requests; slow down")
                    .into_response();
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            if let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string()) {
                response.headers_mut().insert(RETRY_AFTER, value);
            }
            response
        }
    }
}
