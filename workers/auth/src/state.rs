//! What every handler of the auth worker shares.

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
}
