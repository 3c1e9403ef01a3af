//! The edge: MenusKart's HTTP gateway.
//!
//! It owns no business data. Each HTTP call is authenticated ([`auth`]: JWT verification),
//! validated (typed extractors in [`extract`], JSON errors for every rejection), and turned into
//! one NATS request ([`bus`]) to the worker pool that owns the data; the reply envelope is mapped
//! back to HTTP in one place ([`errors`]). [`routes`] has one file per resource; [`openapi`]
//! documents them at `/openapi.json` with Swagger UI at `/docs`; [`metrics`] serves Prometheus
//! metrics at `/metrics`; [`rate_limit`] guards the credential routes; [`live_streams`] caps the
//! live order-status streams and closes them at shutdown; [`web`] serves the built storefront at `/`;
//! [`browser_headers`] sets CSP, framing, sniffing, referrer and HSTS headers on every response,
//! and behind TLS [`secure_cookies`] makes every cookie `Secure`.

pub mod audit_log;
pub mod auth;
pub mod browser_headers;
pub mod bus;
pub mod cart_token;
pub mod client_token;
pub mod device_token;
pub mod errors;
pub mod extract;
pub mod http_span;
pub mod idempotency;
pub mod live_streams;
pub mod metrics;
pub mod openapi;
pub mod order_csv;
pub mod rate_limit;
pub mod routes;
pub mod secure_cookies;
pub mod serve;
pub mod session_cookie;
pub mod settings;
pub mod site;
pub mod startup;
pub mod state;
pub mod web;

pub use settings::Settings;
pub use startup::Application;
