//! Shared by every route: the NATS bus and the token verifier.

use menuskart_kit::jwt::JwtCodec;

use crate::bus::Bus;
use crate::rate_limit::RateLimit;

#[derive(Clone)]
pub struct AppState {
    pub bus: Bus,
    pub jwt: JwtCodec,
    /// Limits the credential routes per client IP.
    pub auth_rate: RateLimit,
}
