//! JWT verification at the edge.
//!
//! [`AuthUser`] is an extractor: a route that takes it requires a valid `Authorization: Bearer`
//! access token (signature, key id, issuer, expiry), checked with the public keys only. The
//! token itself travels on to the workers in the NATS message's `Authorization` header, and
//! each worker verifies it again and checks authorization itself. [`AdminUser`] also requires
//! the `admin` role.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use menuskart_kit::Caller;
use menuskart_schemas::auth::{AccessClaims, Role};
use menuskart_schemas::{ErrorBody, ErrorCode};

use crate::errors::ApiError;
use crate::state::AppState;

/// A caller with a valid access token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub claims: AccessClaims,
    /// The raw token, for the endpoints where the auth worker checks it itself.
    pub token: String,
    caller: Caller,
}

impl AuthUser {
    /// The caller as workers see it: the verified token, forwarded.
    pub fn caller(&self) -> Caller {
        self.caller.clone()
    }
}

fn bearer_token(parts: &Parts) -> Result<&str, ApiError> {
    let unauthorized = |message: &str| ApiError::new(ErrorCode::Unauthorized, message);
    let value = parts
        .headers
        .get(AUTHORIZATION)
        .ok_or_else(|| unauthorized("missing bearer token"))?
        .to_str()
        .map_err(|_| unauthorized("malformed Authorization header"))?;
    let (scheme, token) = value
        .split_once(' ')
        .ok_or_else(|| unauthorized("malformed Authorization header"))?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(unauthorized("expected a Bearer token"));
    }
    Ok(token.trim())
}

/// The outcome of checking a request's bearer token, kept in the request's extensions.
#[derive(Clone)]
struct Checked(Result<AuthUser, ErrorBody>);

/// The request's bearer token, verified once per request: the outcome is kept in the request,
/// so a route's rate limit (which counts per user) and its own extractor share one check.
pub(crate) fn authenticate(parts: &mut Parts, state: &AppState) -> Result<AuthUser, ApiError> {
    if let Some(Checked(outcome)) = parts.extensions.get::<Checked>() {
        return outcome.clone().map_err(ApiError);
    }
    let outcome = bearer_token(parts).and_then(|token| {
        let verified = state
            .tokens
            .verify(token)
            .map_err(|error| ApiError::new(ErrorCode::Unauthorized, error.to_string()))?;
        Ok(AuthUser {
            claims: verified.claims().clone(),
            token: token.to_owned(),
            caller: Caller::from(verified),
        })
    });
    parts
        .extensions
        .insert(Checked(outcome.as_ref().cloned().map_err(|e| e.0.clone())));
    outcome
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate(parts, state)
    }
}

/// A caller with a valid access token and the `admin` role.
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let user = AuthUser::from_request_parts(parts, state).await?;
        if !user.claims.roles.contains(&Role::Admin) {
            return Err(ApiError::new(ErrorCode::Forbidden, "admin role required"));
        }
        Ok(Self(user))
    }
}

/// A caller who may or may not be signed in (carts: visitors have them too). No
/// `Authorization` header is a visitor; a header with a bad token is still 401, so a client
/// with an expired token learns it rather than silently getting a visitor's cart.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<AuthUser>);

impl MaybeUser {
    pub fn caller(&self) -> Caller {
        self.0
            .as_ref()
            .map(AuthUser::caller)
            .unwrap_or_else(Caller::anonymous)
    }
}

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if !parts.headers.contains_key(AUTHORIZATION) {
            return Ok(Self(None));
        }
        Ok(Self(Some(
            AuthUser::from_request_parts(parts, state).await?,
        )))
    }
}

/// Whoever reads a public page: the user of a valid token, else a visitor. A public read never
/// fails on a missing, bad or stale token (a shopper whose session ran out still sees the
/// shop); a valid token can only widen what is shown (an admin also sees draft products),
/// and the worker decides that from the token it verifies itself. A token about to expire
/// goes as a visitor too: the worker checks it again a moment later, and would refuse it.
#[derive(Debug, Clone)]
pub struct Viewer(pub Caller);

/// A token with less than this left is not forwarded on a public read.
const VIEWER_MARGIN_SECS: i64 = 5;

/// Whether a token expiring at `exp` still outlives the request it came with.
fn lasts_the_request(exp: i64, now: i64) -> bool {
    exp - now >= VIEWER_MARGIN_SECS
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, std::convert::Infallible> {
        if !parts.headers.contains_key(AUTHORIZATION) {
            return Ok(Self(Caller::anonymous()));
        }
        let now = chrono::Utc::now().timestamp();
        Ok(Self(match authenticate(parts, state) {
            Ok(user) if lasts_the_request(user.claims.exp, now) => user.caller(),
            _ => Caller::anonymous(),
        }))
    }
}

#[cfg(test)]
mod viewer_tests {
    use super::lasts_the_request;

    #[test]
    fn a_token_about_to_expire_is_not_forwarded() {
        assert!(lasts_the_request(1_000 + 60, 1_000));
        assert!(lasts_the_request(1_005, 1_000));
        assert!(!lasts_the_request(1_004, 1_000));
        assert!(!lasts_the_request(999, 1_000));
    }
}
