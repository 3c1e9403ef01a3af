//! Shared by every route: the NATS bus, the token verifier, the rate limit and the storefront.

use menuskart_kit::jwt::TokenVerifier;

use crate::bus::Bus;
use crate::live_streams::LiveStreams;
use crate::rate_limit::RateLimits;
use crate::web::WebApp;

#[derive(Clone)]
pub struct AppState {
    pub bus: Bus,
    /// Verifies access tokens with the public keys only (auth alone can sign).
    pub tokens: TokenVerifier,
    /// Limits credential routes, order placement and cart writes, shared between edges.
    pub rate_limits: RateLimits,
    /// Open live order-status streams: their caps, and closing them at shutdown.
    pub live_streams: LiveStreams,
    /// The storefront, when the edge serves one.
    pub web: Option<WebApp>,
    /// Where the shop is reached, for absolute links (the sitemap).
    pub site: crate::site::SiteAddress,
}
