//! Who is calling, proven by the access token that travels with the request.
//!
//! The edge forwards the user's own token in the `Authorization` header of the NATS message; the
//! kit verifies it (signature, key id, issuer, expiry) before any handler runs, so a handler
//! only ever sees a [`Caller`] made from a [`VerifiedToken`]. No other header says who the
//! caller is: a message that merely claims a user or a role gets nothing from it. A worker that
//! calls another service for the user forwards the same token ([`Caller::write_headers`]), and
//! the next worker verifies it again.
//!
//! A request without a token is anonymous. Calls that act for no user (the order worker
//! reserving stock, the notify worker looking up a recipient) are authorized by NATS alone: only
//! the components granted such a subject in `nats/permissions.conf` can publish on it.
//!
//! Workers check authorization themselves with [`Caller::require_user`] and
//! [`Caller::require_admin`] instead of trusting that the edge routed correctly.

use std::sync::Arc;

use async_nats::HeaderMap;
use menuskart_schemas::auth::Role;
use menuskart_schemas::headers;
use menuskart_schemas::ids::UserId;

use crate::ReplyError;
use crate::jwt::{TokenVerifier, VerifiedToken};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    user_id: Option<UserId>,
    roles: Vec<Role>,
    /// When the token the identity was verified from expires (seconds since the epoch): what
    /// the caller was given may not outlive it (a live view, say).
    expires_at: Option<i64>,
    /// The token the identity was verified from; `None` for anonymous callers (and for the
    /// unproven callers of unit tests, which therefore cannot be forwarded).
    proof: Option<Proof>,
}

/// A verified token kept to be forwarded; its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
struct Proof(Arc<str>);

impl std::fmt::Debug for Proof {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Proof(..)")
    }
}

impl From<VerifiedToken> for Caller {
    fn from(token: VerifiedToken) -> Self {
        let proof = Proof(Arc::from(token.token()));
        let claims = token.into_claims();
        Self {
            user_id: Some(claims.sub),
            roles: claims.roles,
            expires_at: Some(claims.exp),
            proof: Some(proof),
        }
    }
}

impl Caller {
    /// Nobody signed in: public endpoints, and calls a service makes for no user.
    pub fn anonymous() -> Self {
        Self::default()
    }

    /// A user for a unit test, with no token behind it (kit feature `testing`).
    #[cfg(feature = "testing")]
    pub fn unproven(user_id: UserId, roles: Vec<Role>) -> Self {
        Self {
            user_id: Some(user_id),
            roles,
            expires_at: None,
            proof: None,
        }
    }

    /// The same unproven user, with a token that expires at `exp` (kit feature `testing`).
    #[cfg(feature = "testing")]
    pub fn expiring_at(mut self, exp: i64) -> Self {
        self.expires_at = Some(exp);
        self
    }

    /// The caller of a NATS message: anonymous without an `Authorization` header, the token's
    /// user with a valid one, and `unauthorized` for a token that does not verify (so a client
    /// with an expired token learns it instead of being served as a visitor).
    pub fn from_headers(
        headers: Option<&HeaderMap>,
        verifier: &TokenVerifier,
    ) -> Result<Self, ReplyError> {
        let Some(value) = headers.and_then(|headers| headers.get(headers::AUTHORIZATION)) else {
            return Ok(Self::anonymous());
        };
        let token = value
            .as_str()
            .strip_prefix(headers::BEARER_PREFIX)
            .ok_or_else(|| ReplyError::unauthorized("expected a Bearer token"))?;
        verifier
            .verify(token)
            .map(Self::from)
            .map_err(|error| ReplyError::unauthorized(error.to_string()))
    }

    /// Writes the caller's proof into message headers, for the next service to verify.
    pub fn write_headers(&self, headers: &mut HeaderMap) {
        if let Some(Proof(token)) = &self.proof {
            headers.insert(
                headers::AUTHORIZATION,
                format!("{}{token}", headers::BEARER_PREFIX).as_str(),
            );
        }
    }

    pub fn user_id(&self) -> Option<UserId> {
        self.user_id
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// When the caller's token expires (seconds since the epoch); `None` without a token.
    pub fn expires_at(&self) -> Option<i64> {
        self.expires_at
    }

    pub fn is_admin(&self) -> bool {
        self.user_id.is_some() && self.roles.contains(&Role::Admin)
    }

    /// The caller's user id, or `unauthorized`.
    pub fn require_user(&self) -> Result<UserId, ReplyError> {
        self.user_id
            .ok_or_else(|| ReplyError::unauthorized("authentication required"))
    }

    /// The admin's user id, or `unauthorized` / `forbidden`.
    pub fn require_admin(&self) -> Result<UserId, ReplyError> {
        let user_id = self.require_user()?;
        if self.is_admin() {
            Ok(user_id)
        } else {
            Err(ReplyError::forbidden("admin role required"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::{ISSUER, SigningKey, TokenSigner};
    use menuskart_schemas::ErrorCode;
    use menuskart_schemas::auth::AccessClaims;

    struct Keys {
        signer: TokenSigner,
        verifier: TokenVerifier,
    }

    fn keys() -> Keys {
        let key = SigningKey::generate("test").unwrap();
        Keys {
            signer: TokenSigner::new(&key),
            verifier: TokenVerifier::new(&std::iter::once(key.public_key()).collect()),
        }
    }

    fn token(signer: &TokenSigner, roles: Vec<Role>) -> (UserId, String) {
        let now = chrono::Utc::now().timestamp();
        let user = UserId::new();
        let claims = AccessClaims {
            sub: user,
            email: "a@example.com".into(),
            roles,
            sid: uuid::Uuid::new_v4(),
            iat: now,
            exp: now + 60,
            iss: ISSUER.into(),
        };
        (user, signer.encode(&claims).unwrap())
    }

    fn bearer(token: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(headers::AUTHORIZATION, format!("Bearer {token}").as_str());
        headers
    }

    #[test]
    fn a_verified_caller_is_forwarded_as_its_token() {
        let keys = keys();
        let (user, token) = token(&keys.signer, vec![Role::Customer]);
        let caller = Caller::from_headers(Some(&bearer(&token)), &keys.verifier).unwrap();
        assert_eq!(caller.user_id(), Some(user));
        assert_eq!(caller.roles(), [Role::Customer]);

        let mut forwarded = HeaderMap::new();
        caller.write_headers(&mut forwarded);
        assert_eq!(
            Caller::from_headers(Some(&forwarded), &keys.verifier).unwrap(),
            caller
        );
    }

    #[test]
    fn claimed_identities_grant_nothing() {
        let keys = keys();
        // The headers that once named the caller are ignored.
        let mut claimed = HeaderMap::new();
        claimed.insert("mk-user-id", UserId::new().to_string().as_str());
        claimed.insert("mk-roles", "admin");
        let caller = Caller::from_headers(Some(&claimed), &keys.verifier).unwrap();
        assert_eq!(caller, Caller::anonymous());
        assert_eq!(
            caller.require_admin().unwrap_err().code(),
            ErrorCode::Unauthorized
        );

        // A customer's real token with an admin claim beside it is still a customer.
        let (_, token) = token(&keys.signer, vec![Role::Customer]);
        let mut headers = bearer(&token);
        headers.insert("mk-roles", "admin");
        let caller = Caller::from_headers(Some(&headers), &keys.verifier).unwrap();
        assert_eq!(
            caller.require_admin().unwrap_err().code(),
            ErrorCode::Forbidden
        );
        assert!(caller.require_user().is_ok());
    }

    #[test]
    fn a_token_that_does_not_verify_is_unauthorized_not_anonymous() {
        let keys = keys();
        let (_, foreign) = token(&self::keys().signer, vec![Role::Admin]);
        for headers in [bearer(&foreign), bearer("not-a-jwt"), {
            let mut basic = HeaderMap::new();
            basic.insert(headers::AUTHORIZATION, "Basic YWRtaW46YWRtaW4=");
            basic
        }] {
            assert_eq!(
                Caller::from_headers(Some(&headers), &keys.verifier)
                    .unwrap_err()
                    .code(),
                ErrorCode::Unauthorized
            );
        }
    }
}
