//! Shared by every route: the NATS bus, the token verifier, the rate limit and the storefront.

use menuskart_kit::jwt::JwtCodec;

use crate::bus::Bus;
use crate::rate_limit::RateLimit;
use crate::web::WebApp;

#[derive(Clone)]
pub struct AppState {
    pub bus: Bus,
    pub jwt: JwtCodec,
    /// Limits the credential routes per client IP.
    pub auth_rate: RateLimit,
    /// The storefront, when the edge serves one.
    pub web: Option<WebApp>,
}
