//! Issuing token pairs: a short-lived JWT access token and an opaque rotating refresh token.

use chrono::{Duration, Utc};
use menuskart_kit::jwt::{ISSUER, JwtError, TokenSigner, TokenVerifier};
use menuskart_schemas::auth::{AccessClaims, TokenPair};
use uuid::Uuid;

use crate::opaque_token::NewOpaqueToken;
use crate::store::UserRecord;

#[derive(Debug, Clone)]
pub struct Tokens {
    /// Signs access tokens: only this worker holds the key.
    pub signer: TokenSigner,
    /// Checks the tokens presented to `validate` and `logout`.
    pub verifier: TokenVerifier,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
}

impl Tokens {
    /// When a refresh token minted now expires.
    pub fn refresh_expiry(&self) -> chrono::DateTime<Utc> {
        Utc::now() + self.refresh_ttl
    }

    /// The pair handed to the client for `user` in `session_id`.
    pub fn pair(
        &self,
        user: &UserRecord,
        session_id: Uuid,
        refresh: NewOpaqueToken,
    ) -> Result<TokenPair, JwtError> {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            sub: user.user_id(),
            email: user.email.clone(),
            roles: user.roles(),
            sid: session_id,
            iat: now,
            exp: now + self.access_ttl.num_seconds(),
            iss: ISSUER.into(),
        };
        Ok(TokenPair {
            access_token: self.signer.encode(&claims)?,
            token_type: "Bearer".into(),
            expires_in: self.access_ttl.num_seconds(),
            refresh_token: refresh.token,
        })
    }
}
