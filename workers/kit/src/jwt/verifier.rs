//! Verifying access tokens with the public keys a component is configured with: the edge and
//! every worker (the kit, before any handler runs) check the same way.

use std::collections::HashMap;
use std::sync::Arc;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use menuskart_schemas::auth::AccessClaims;

use super::keys::PublicKeys;
use super::{ISSUER, JwtError};

#[derive(Clone)]
pub struct TokenVerifier {
    keys: Arc<HashMap<String, DecodingKey>>,
    validation: Arc<Validation>,
}

impl std::fmt::Debug for TokenVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut kids: Vec<&String> = self.keys.keys().collect();
        kids.sort();
        f.debug_struct("TokenVerifier")
            .field("kids", &kids)
            .finish()
    }
}

/// A token whose signature, issuer and expiry were checked: only [`TokenVerifier::verify`]
/// makes one, so holding one is proof (a `Caller` is built from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedToken {
    claims: AccessClaims,
    token: String,
}

impl VerifiedToken {
    pub fn claims(&self) -> &AccessClaims {
        &self.claims
    }

    /// The token as it came, to forward it to the next service.
    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn into_claims(self) -> AccessClaims {
        self.claims
    }
}

impl TokenVerifier {
    pub fn new(keys: &PublicKeys) -> Self {
        // Only EdDSA: a token that names another algorithm (HS256 with a guessed or old secret,
        // `none`) is refused before any key is tried.
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "sub"]);
        let keys = keys
            .iter()
            .map(|key| (key.kid().to_owned(), DecodingKey::from_ed_der(key.bytes())))
            .collect();
        Self {
            keys: Arc::new(keys),
            validation: Arc::new(validation),
        }
    }

    pub fn verify(&self, token: &str) -> Result<VerifiedToken, JwtError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| JwtError::Invalid)?;
        if header.alg != Algorithm::EdDSA {
            return Err(JwtError::Invalid);
        }
        // A key id we do not list: signed by a key we never had, or one retired after its
        // tokens expired.
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.keys.get(kid))
            .ok_or(JwtError::Invalid)?;
        let claims = jsonwebtoken::decode::<AccessClaims>(token, key, &self.validation)
            .map_err(|error| match error.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => JwtError::Expired,
                _ => JwtError::Invalid,
            })?
            .claims;
        Ok(VerifiedToken {
            claims,
            token: token.to_owned(),
        })
    }
}
