//! Opaque secret tokens (refresh tokens, the secrets of emailed links, known-device tokens):
//! 256 random bits, base64url on the wire, only their SHA-256 in the database.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A freshly minted token: what the client gets, and what we store.
pub struct NewOpaqueToken {
    pub token: String,
    pub digest: Vec<u8>,
}

impl NewOpaqueToken {
    pub fn generate() -> Self {
        let mut bytes = [0_u8; 32];
        OsRng.fill_bytes(&mut bytes);
        let token = URL_SAFE_NO_PAD.encode(bytes);
        let digest = digest(&token);
        Self { token, digest }
    }
}

/// The stored form of a token the client presents.
pub fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_their_digest_is_stable() {
        let a = NewOpaqueToken::generate();
        let b = NewOpaqueToken::generate();
        assert_ne!(a.token, b.token);
        assert_eq!(a.token.len(), 43);
        assert_eq!(digest(&a.token), a.digest);
        assert_ne!(a.digest, b.digest);
    }
}
