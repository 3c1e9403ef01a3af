//! Shared by every route: the NATS bus and the token verifier.

use menuskart_kit::jwt::JwtCodec;

use crate::bus::Bus;

#[derive(Debug, Clone)]
pub struct AppState {
    pub bus: Bus,
    pub jwt: JwtCodec,
}
