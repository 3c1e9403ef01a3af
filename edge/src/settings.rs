//! The edge's settings, from `MK_*` environment variables (`MK_EDGE_*` over `MK_*`, as a
//! worker's: `MK_EDGE_NATS_SEED` is the edge's own NATS key).

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_HTTP_ADDR` (default `127.0.0.1:8080`; port 0 picks a free one).
    #[serde(default = "defaults::http_addr")]
    pub http_addr: String,
    /// `MK_NATS_URL`, `MK_EDGE_NATS_SEED` (the edge's own NATS user), `MK_NATS_TLS_CA`.
    #[serde(flatten)]
    pub nats: menuskart_kit::nats::NatsSettings,
    /// `MK_JWT_PUBLIC_KEYS`: the public keys of the auth worker's signing keys (required).
    #[serde(flatten)]
    pub jwt: menuskart_kit::jwt::JwtSettings,
    /// `MK_METRICS_ADDR`: where `/metrics` is served, apart from the public address (default
    /// `127.0.0.1:9464`; port 0 picks a free one).
    #[serde(default = "defaults::metrics_addr")]
    pub metrics_addr: String,
    /// `MK_REQUEST_TIMEOUT_MS`: how long a worker may take before the client gets 504.
    #[serde(default = "defaults::request_timeout_ms")]
    pub request_timeout_ms: u64,
    /// `MK_HEADER_READ_TIMEOUT_MS`: a client that has not sent its request headers by then is
    /// disconnected (slow clients cannot hold connections open): a new connection's first
    /// request, whatever the protocol, and each further HTTP/1 request.
    #[serde(default = "defaults::ten_seconds_ms")]
    pub header_read_timeout_ms: u64,
    /// `MK_BODY_READ_TIMEOUT_MS`: a request body not received by then is refused (408). With
    /// `MK_REQUEST_TIMEOUT_MS` for the worker's answer, this bounds every request's time.
    #[serde(default = "defaults::ten_seconds_ms")]
    pub body_read_timeout_ms: u64,
    /// `MK_MAX_CONNECTIONS`: connections the public address holds open at once; beyond it new
    /// ones wait to be accepted. Keep the process's file descriptor limit above it.
    #[serde(default = "defaults::max_connections")]
    pub max_connections: usize,
    /// `MK_BODY_LIMIT_BYTES`: larger request bodies get 413.
    #[serde(default = "defaults::body_limit_bytes")]
    pub body_limit_bytes: usize,
    /// `MK_AUTH_RATE_PER_MINUTE`: credential requests (login, register, refresh) one client IP
    /// may make per minute, with bursts of `MK_AUTH_RATE_BURST`.
    #[serde(default = "defaults::auth_rate_per_minute")]
    pub auth_rate_per_minute: u32,
    #[serde(default = "defaults::auth_rate_burst")]
    pub auth_rate_burst: u32,
    /// `MK_ORDER_RATE_PER_MINUTE`, `MK_ORDER_RATE_BURST`: orders placed per minute, per client
    /// address and per user.
    #[serde(default = "defaults::order_rate_per_minute")]
    pub order_rate_per_minute: u32,
    #[serde(default = "defaults::order_rate_burst")]
    pub order_rate_burst: u32,
    /// `MK_CART_RATE_PER_MINUTE`, `MK_CART_RATE_BURST`: cart changes per minute, per client
    /// address and per user.
    #[serde(default = "defaults::cart_rate_per_minute")]
    pub cart_rate_per_minute: u32,
    #[serde(default = "defaults::cart_rate_burst")]
    pub cart_rate_burst: u32,
    /// `MK_PAYMENT_RATE_PER_MINUTE`, `MK_PAYMENT_RATE_BURST`: payment attempts per minute, per
    /// client address and per user (card testing tries one stolen card after another).
    #[serde(default = "defaults::payment_rate_per_minute")]
    pub payment_rate_per_minute: u32,
    #[serde(default = "defaults::payment_rate_burst")]
    pub payment_rate_burst: u32,
    /// `MK_EMAIL_RESEND_RATE_PER_MINUTE`, `MK_EMAIL_RESEND_RATE_BURST`: verification emails one
    /// may ask for again per minute, per client address and per user.
    #[serde(default = "defaults::email_resend_rate_per_minute")]
    pub email_resend_rate_per_minute: u32,
    #[serde(default = "defaults::email_resend_rate_burst")]
    pub email_resend_rate_burst: u32,
    /// `MK_REVIEW_RATE_PER_MINUTE`, `MK_REVIEW_RATE_BURST`: reviews one may write per minute,
    /// per client address and per user.
    #[serde(default = "defaults::review_rate_per_minute")]
    pub review_rate_per_minute: u32,
    #[serde(default = "defaults::review_rate_burst")]
    pub review_rate_burst: u32,
    /// `MK_RATE_REDIS_URL`: the Redis every edge counts rate limits in; `MK_RATE_KEY_PREFIX`
    /// starts its keys.
    #[serde(default = "defaults::rate_redis_url")]
    pub rate_redis_url: String,
    #[serde(default = "defaults::rate_key_prefix")]
    pub rate_key_prefix: String,
    /// `MK_TRUSTED_PROXIES`: addresses or networks (comma separated) whose `X-Forwarded-For`
    /// names the client; empty: the TCP peer is the client.
    #[serde(default)]
    pub trusted_proxies: crate::rate_limit::TrustedProxies,
    /// `MK_SSE_MAX_STREAMS`: live order-status streams one edge serves at once (503 beyond);
    /// `MK_SSE_MAX_PER_USER`: streams one user may have open on it (429 beyond).
    #[serde(default = "defaults::sse_max_streams")]
    pub sse_max_streams: usize,
    #[serde(default = "defaults::sse_max_per_user")]
    pub sse_max_per_user: usize,
    /// `MK_WEB_DIR`: the built storefront (`web/dist`) to serve at `/`; unset serves none.
    #[serde(default)]
    pub web_dir: Option<String>,
    /// `MK_BEHIND_TLS`: browsers reach the edge over HTTPS (a TLS terminator in front of it).
    /// Then responses carry HSTS and cookies are `Secure`. Default false (plain HTTP, as in
    /// development): set it in every deployment served over HTTPS.
    #[serde(default)]
    pub behind_tls: bool,
    /// `MK_PUBLIC_URL`: the shop's public address (`https://shop.example`), for the absolute
    /// links of `/sitemap.xml`. Unset: the request's `Host`, over HTTPS when `MK_BEHIND_TLS`.
    #[serde(default)]
    pub public_url: Option<String>,
}

mod defaults {
    pub fn order_rate_per_minute() -> u32 {
        10
    }
    pub fn order_rate_burst() -> u32 {
        5
    }
    pub fn cart_rate_per_minute() -> u32 {
        300
    }
    pub fn cart_rate_burst() -> u32 {
        60
    }
    pub fn payment_rate_per_minute() -> u32 {
        5
    }
    pub fn payment_rate_burst() -> u32 {
        5
    }
    pub fn email_resend_rate_per_minute() -> u32 {
        1
    }
    pub fn email_resend_rate_burst() -> u32 {
        3
    }
    pub fn review_rate_per_minute() -> u32 {
        2
    }
    pub fn review_rate_burst() -> u32 {
        5
    }
    pub fn rate_redis_url() -> String {
        "redis://127.0.0.1:6379/".into()
    }
    pub fn rate_key_prefix() -> String {
        "mk:".into()
    }
    pub fn max_connections() -> usize {
        10_000
    }
    pub fn ten_seconds_ms() -> u64 {
        10_000
    }
    pub fn sse_max_streams() -> usize {
        1_000
    }
    pub fn sse_max_per_user() -> usize {
        5
    }
    pub fn http_addr() -> String {
        "127.0.0.1:8080".into()
    }
    pub fn metrics_addr() -> String {
        "127.0.0.1:9464".into()
    }
    pub fn request_timeout_ms() -> u64 {
        5_000
    }
    pub fn body_limit_bytes() -> usize {
        64 * 1024
    }
    pub fn auth_rate_per_minute() -> u32 {
        60
    }
    pub fn auth_rate_burst() -> u32 {
        20
    }
}
