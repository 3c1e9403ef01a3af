//! JWT verification at the edge.
//!
//! [`AuthUser`] is an extractor: a route that takes it requires a valid `Authorization: Bearer`
//! access token (signature, issuer, expiry). The verified user id and roles travel to workers in
//! NATS headers, and the workers check authorization again. [`AdminUser`] also requires the
//! `admin` role.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use menuskart_kit::Caller;
use menuskart_kit::jwt::JwtError;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::auth::{AccessClaims, Role};

use crate::errors::ApiError;
use crate::state::AppState;

/// A caller with a valid access token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub claims: AccessClaims,
    /// The raw token, for the endpoints where the auth worker checks it itself.
    pub token: String,
}

impl AuthUser {
    pub fn caller(&self) -> Caller {
        Caller {
            user_id: Some(self.claims.sub),
            roles: self.claims.roles.clone(),
        }
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

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(parts)?;
        let claims = state.jwt.decode(token).map_err(|error| {
            ApiError::new(
                ErrorCode::Unauthorized,
                match error {
                    JwtError::Expired => "the access token has expired",
                    _ => "the access token is invalid",
                },
            )
        })?;
        Ok(Self {
            claims,
            token: token.to_owned(),
        })
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
        self.0.as_ref().map(AuthUser::caller).unwrap_or_default()
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
