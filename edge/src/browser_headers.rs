//! Headers that make browsers hold the storefront to what it really does, on every response
//! (the app, its files, the API's JSON and its errors), so an injected script or a framing page
//! gets as little as possible.
//!
//! The Content-Security-Policy fits the built storefront (`web/dist`): Vite emits module scripts
//! and one stylesheet, all same-origin, and no inline script or style element (React's `style`
//! props go through the CSSOM, which CSP does not govern). Calls and live streams go to the
//! same origin. The favicon is a `data:` URI. Product images are whatever addresses an admin
//! entered, so images alone may come from any http(s) origin: an image cannot run code.
//! Swagger UI at `/docs` gets a policy of its own ([`docs`]): it needs inline styles.
//!
//! HSTS only when the edge is served over HTTPS (`MK_BEHIND_TLS`, the TLS terminator in front
//! of it): over plain HTTP it would mean nothing to a browser, and behind TLS it keeps the
//! browser from ever trying plain HTTP again. A flag rather than the proxy's
//! `X-Forwarded-Proto`: whether the shop is HTTPS is a fact of the deployment, not of a request,
//! and the same flag marks the edge's cookies `Secure` ([`crate::secure_cookies`]).

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// The storefront's and the API's policy.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Swagger UI's policy: its scripts and stylesheet are same-origin files too, but it sets style
/// attributes in the markup it renders and draws its icons from `data:` images.
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// A year: what browsers' preload lists ask for. No `includeSubDomains`: the edge cannot know
/// what else runs under its domain.
pub const HSTS: &str = "max-age=31536000";

/// Only the origin goes to other sites (product images), the full address only to our own.
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// Adds the browser security headers to every response of `router`. A response that already
/// has a policy (the docs') keeps it.
pub fn protect(router: Router, behind_tls: bool) -> Router {
    let hsts = behind_tls.then(|| HeaderValue::from_static(HSTS));
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(APP_CSP),
        ))
        // For browsers that predate CSP's frame-ancestors.
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        ))
        // `None` sets nothing.
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            hsts,
        ))
}

/// Gives the Swagger UI routes (and the document they load) their own policy.
pub fn docs<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCS_CSP),
    ))
}
