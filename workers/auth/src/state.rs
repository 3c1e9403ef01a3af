//! What every handler of the auth worker shares.

use menuskart_kit::outbox::Relay;

use crate::password_hasher::PasswordHasher;
use crate::store::Store;
use crate::store::login_throttle::ThrottlePolicy;
use crate::tokens::Tokens;

#[derive(Debug)]
pub struct AuthState {
    pub store: Store,
    pub hasher: PasswordHasher,
    pub tokens: Tokens,
    pub throttle: ThrottlePolicy,
    /// How long emailed links work.
    pub links: LinkLifetimes,
    /// Publishes the outbox (the link emails); woken after each commit that wrote to it.
    pub relay: Relay,
}

#[derive(Debug, Clone, Copy)]
pub struct LinkLifetimes {
    pub password_reset: chrono::Duration,
    pub verify_email: chrono::Duration,
}
