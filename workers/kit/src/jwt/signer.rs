//! Signing access tokens: only the auth worker holds a [`SigningKey`], so only it can mint them.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use menuskart_schemas::auth::AccessClaims;

use super::JwtError;
use super::keys::{PublicKey, SigningKey};

#[derive(Clone)]
pub struct TokenSigner {
    kid: String,
    public_key: PublicKey,
    key: EncodingKey,
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TokenSigner({}: ..)", self.kid)
    }
}

impl TokenSigner {
    pub fn new(key: &SigningKey) -> Self {
        Self {
            kid: key.kid().to_owned(),
            public_key: key.public_key(),
            key: EncodingKey::from_ed_der(&key.pkcs8_der()),
        }
    }

    /// The public half of the key this signer signs with.
    pub fn public_key(&self) -> &PublicKey {
        &self.public_key
    }

    /// An EdDSA token whose header names the key (`kid`), so verifiers pick the right one.
    pub fn encode(&self, claims: &AccessClaims) -> Result<String, JwtError> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.key).map_err(|_| JwtError::Invalid)
    }
}
