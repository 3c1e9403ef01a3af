//! The access-token codec: HS256 JWTs with [`AccessClaims`].
//!
//! The auth worker signs; the edge (and the auth worker itself) verify. The secret is shared
//! through the environment (`MK_JWT_SECRET`), never the repository. Expiry is checked without
//! leeway, and the issuer must match.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use menuskart_schemas::auth::AccessClaims;
use secrecy::{ExposeSecret, SecretString};

/// The issuer every MenusKart token carries.
pub const ISSUER: &str = "menuskart";

/// Shorter secrets are refused at start-up: HS256 is only as strong as its key.
pub const MIN_SECRET_LEN: usize = 32;

#[derive(Clone)]
pub struct JwtCodec {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for JwtCodec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtCodec { .. }")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JwtError {
    #[error("the JWT secret must be at least {MIN_SECRET_LEN} bytes")]
    WeakSecret,
    #[error("the token has expired")]
    Expired,
    #[error("the token is invalid")]
    Invalid,
}

/// Only signing failures reach handlers (a bad token is mapped where it is decoded): an opaque 500.
impl From<JwtError> for crate::ReplyError {
    fn from(error: JwtError) -> Self {
        crate::ReplyError::internal(error)
    }
}

impl JwtCodec {
    pub fn hs256(secret: &SecretString) -> Result<Self, JwtError> {
        let secret = secret.expose_secret().as_bytes();
        if secret.len() < MIN_SECRET_LEN {
            return Err(JwtError::WeakSecret);
        }
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        })
    }

    pub fn encode(&self, claims: &AccessClaims) -> Result<String, JwtError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|_| JwtError::Invalid)
    }

    pub fn decode(&self, token: &str) -> Result<AccessClaims, JwtError> {
        jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|error| match error.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => JwtError::Expired,
                _ => JwtError::Invalid,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::auth::Role;
    use uuid::Uuid;

    fn codec(secret: &str) -> JwtCodec {
        JwtCodec::hs256(&SecretString::from(secret.to_owned())).unwrap()
    }

    fn claims(exp_offset: i64) -> AccessClaims {
        let now = chrono::Utc::now().timestamp();
        AccessClaims {
            sub: menuskart_schemas::ids::UserId::new(),
            email: "a@example.com".into(),
            roles: vec![Role::Customer],
            sid: Uuid::new_v4(),
            iat: now,
            exp: now + exp_offset,
            iss: ISSUER.into(),
        }
    }

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn a_token_round_trips() {
        let codec = codec(SECRET);
        let claims = claims(60);
        assert_eq!(
            codec.decode(&codec.encode(&claims).unwrap()).unwrap(),
            claims
        );
    }

    #[test]
    fn expired_tampered_and_foreign_tokens_are_refused() {
        let codec = codec(SECRET);
        assert_eq!(
            codec.decode(&codec.encode(&claims(-5)).unwrap()),
            Err(JwtError::Expired)
        );

        let token = codec.encode(&claims(60)).unwrap();
        let mut tampered = token.clone().into_bytes();
        let middle = token.find('.').unwrap() + 3;
        tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            codec.decode(&String::from_utf8(tampered).unwrap()),
            Err(JwtError::Invalid)
        );

        let other = self::codec("ffffffffffffffffffffffffffffffff");
        assert_eq!(other.decode(&token), Err(JwtError::Invalid));
    }

    #[test]
    fn short_secrets_are_refused() {
        assert_eq!(
            JwtCodec::hs256(&SecretString::from("short".to_owned())).unwrap_err(),
            JwtError::WeakSecret
        );
    }
}
