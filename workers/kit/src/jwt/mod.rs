//! Access tokens: EdDSA (Ed25519) JWTs carrying [`AccessClaims`].
//!
//! Only the auth worker holds a signing key ([`TokenSigner`], `MK_JWT_SIGNING_KEY`); the edge
//! and every worker hold only public keys ([`TokenVerifier`], `MK_JWT_PUBLIC_KEYS`), so taking
//! over any other process gives no power to mint a token. Each token names its key (`kid`):
//! to rotate, list the new public key everywhere, switch auth's signing key, and drop the old
//! public key once the last token it signed has expired (the access-token lifetime, 15 minutes
//! by default). Expiry is checked without leeway, and the issuer must match.
//!
//! [`AccessClaims`]: menuskart_schemas::auth::AccessClaims

mod keys;
mod signer;
mod verifier;

pub use keys::{KeyError, PublicKey, PublicKeys, SigningKey};
pub use signer::TokenSigner;
pub use verifier::{TokenVerifier, VerifiedToken};

/// The issuer every MenusKart token carries.
pub const ISSUER: &str = "menuskart";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JwtError {
    /// The words a client gets, from the edge and from a worker alike.
    #[error("the access token has expired")]
    Expired,
    #[error("the access token is invalid")]
    Invalid,
}

/// Only signing failures reach handlers (a bad token is mapped where it is decoded): an opaque 500.
impl From<JwtError> for crate::ReplyError {
    fn from(error: JwtError) -> Self {
        crate::ReplyError::internal(error)
    }
}

/// What every component reads to verify tokens.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct JwtSettings {
    /// `MK_JWT_PUBLIC_KEYS`: `<kid>:<base64url>` entries, comma separated (required).
    pub jwt_public_keys: PublicKeys,
}

impl JwtSettings {
    pub fn verifier(&self) -> TokenVerifier {
        TokenVerifier::new(&self.jwt_public_keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::auth::{AccessClaims, Role};
    use uuid::Uuid;

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

    fn key(kid: &str) -> SigningKey {
        SigningKey::generate(kid).unwrap()
    }

    fn verifier(keys: &[&SigningKey]) -> TokenVerifier {
        TokenVerifier::new(&keys.iter().map(|key| key.public_key()).collect())
    }

    #[test]
    fn a_token_round_trips_with_its_key_id() {
        let key = key("k1");
        let claims = claims(60);
        let token = TokenSigner::new(&key).encode(&claims).unwrap();
        assert_eq!(
            jsonwebtoken::decode_header(&token).unwrap().kid.as_deref(),
            Some("k1")
        );
        let verified = verifier(&[&key]).verify(&token).unwrap();
        assert_eq!(verified.claims(), &claims);
        assert_eq!(verified.token(), token);
    }

    #[test]
    fn expired_tampered_and_foreign_tokens_are_refused() {
        let key = key("k1");
        let signer = TokenSigner::new(&key);
        let verifier = verifier(&[&key]);
        assert_eq!(
            verifier.verify(&signer.encode(&claims(-5)).unwrap()),
            Err(JwtError::Expired)
        );

        let token = signer.encode(&claims(60)).unwrap();
        let mut tampered = token.clone().into_bytes();
        let middle = token.find('.').unwrap() + 3;
        tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            verifier.verify(&String::from_utf8(tampered).unwrap()),
            Err(JwtError::Invalid)
        );

        // Another key that calls itself k1.
        let impostor = TokenSigner::new(&self::key("k1"));
        assert_eq!(
            verifier.verify(&impostor.encode(&claims(60)).unwrap()),
            Err(JwtError::Invalid)
        );
    }

    #[test]
    fn an_hs256_token_is_refused_whatever_its_secret() {
        // The old scheme: a shared secret. Even the public key's own bytes as the HMAC secret
        // (the classic algorithm-confusion attack) gets nowhere.
        let key = key("k1");
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some("k1".into());
        for secret in [
            b"0123456789abcdef0123456789abcdef".as_slice(),
            key.public_key().bytes(),
        ] {
            let token = jsonwebtoken::encode(
                &header,
                &claims(60),
                &jsonwebtoken::EncodingKey::from_secret(secret),
            )
            .unwrap();
            assert_eq!(verifier(&[&key]).verify(&token), Err(JwtError::Invalid));
        }
    }

    #[test]
    fn rotation_accepts_old_tokens_while_their_key_is_listed() {
        let old = key("2026-11");
        let new = key("2026-12");
        let old_token = TokenSigner::new(&old).encode(&claims(60)).unwrap();
        let new_token = TokenSigner::new(&new).encode(&claims(60)).unwrap();

        // During the rotation both keys are listed: both tokens pass.
        let both = verifier(&[&old, &new]);
        assert!(both.verify(&old_token).is_ok());
        assert!(both.verify(&new_token).is_ok());

        // Once the old key is dropped, its tokens are refused.
        let after = verifier(&[&new]);
        assert_eq!(after.verify(&old_token), Err(JwtError::Invalid));
        assert!(after.verify(&new_token).is_ok());
    }
}
