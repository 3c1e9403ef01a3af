//! Messages of the auth service (`mk.auth.*`) and the access-token claims every verifier reads.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::ids::UserId;
use crate::paging::Paging;

/// A role carried in the access token and in the `mk-roles` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value.trim() {
            "customer" => Some(Role::Customer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// Claims of an access token (a JWT signed by the auth worker).
///
/// `sid` names the login session: logout and refresh-token reuse revoke it, and the auth worker
/// refuses tokens of a revoked session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The user id.
    pub sub: UserId,
    pub email: String,
    pub roles: Vec<Role>,
    /// Session (refresh-token family) id.
    pub sid: Uuid,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expires at, seconds since the epoch.
    pub exp: i64,
    pub iss: String,
}

/// `mk.auth.profile_of` and `mk.auth.marketing_opt_out`: a user named by a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub user_id: UserId,
}

/// POST /auth/register.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    #[cfg_attr(feature = "openapi", schema(example = "ada@example.com"))]
    pub email: String,
    /// 10 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(example = "correct horse battery"))]
    pub password: String,
    #[cfg_attr(feature = "openapi", schema(example = "Ada Lovelace"))]
    pub name: String,
}

/// An account as the public sees it after registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserView {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

/// POST /auth/login.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `mk.auth.login`: the credentials, and the known-device token the client presented (the edge
/// reads it from the `mk_device` cookie or the `X-Device-Token` header).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginAttempt {
    #[serde(flatten)]
    pub credentials: LoginRequest,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_token: Option<String>,
}

/// The answer to a login: the token pair, and the device token the client keeps (the one it
/// presented, or a new one after its first login on that device).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginOutcome {
    pub tokens: TokenPair,
    pub device_token: String,
}

/// An access token and a refresh token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    /// Opaque; use it once with POST /auth/refresh.
    pub refresh_token: String,
}

/// `mk.auth.refresh`: rotate this refresh token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// POST /auth/refresh: the refresh token, or nothing in a browser session (`X-Session: cookie`),
/// whose refresh token travels only in its HttpOnly cookie.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// POST /auth/login and /auth/refresh: the new access token and, for an API client, the
/// refresh token. A browser session (`X-Session: cookie`) gets its refresh token only in the
/// HttpOnly `mk_refresh` cookie, never in a body a page script could read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionTokens {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    /// Opaque; use it once with POST /auth/refresh. Absent in a browser session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

impl SessionTokens {
    /// `pair` with its refresh token, for an API client.
    pub fn with_refresh(pair: TokenPair) -> Self {
        Self {
            access_token: pair.access_token,
            token_type: pair.token_type,
            expires_in: pair.expires_in,
            refresh_token: Some(pair.refresh_token),
        }
    }

    /// `pair` without it, and the refresh token apart (for the cookie).
    pub fn without_refresh(pair: TokenPair) -> (Self, String) {
        (
            Self {
                access_token: pair.access_token,
                token_type: pair.token_type,
                expires_in: pair.expires_in,
                refresh_token: None,
            },
            pair.refresh_token,
        )
    }
}

/// `mk.auth.validate` and `mk.auth.logout`: the caller's access token, forwarded by the edge so the
/// auth worker checks it itself (signature, expiry, session not revoked).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenRequest {
    pub access_token: String,
}

/// GET /auth/validate-token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValidatedToken {
    pub user_id: UserId,
    pub email: String,
    pub roles: Vec<Role>,
    /// Expiry of the access token, seconds since the epoch.
    pub exp: i64,
}

/// A postal address on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    /// e.g. "home", "work".
    #[serde(default)]
    pub label: Option<String>,
    pub line1: String,
    #[serde(default)]
    pub line2: Option<String>,
    pub city: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2, e.g. "DE".
    pub country: String,
}

/// GET /users/me.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub id: UserId,
    pub email: String,
    /// Whether the owner proved the address is theirs (the emailed link). Promotional email
    /// goes to verified addresses only.
    pub email_verified: bool,
    pub name: String,
    pub phone: Option<String>,
    pub addresses: Vec<Address>,
    pub marketing_opt_in: bool,
    pub roles: Vec<Role>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// PATCH /users/me: absent fields stay as they are; `"phone": null` removes the phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfilePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub phone: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<Address>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing_opt_in: Option<bool>,
}

/// Tells "absent" (outer `None`, through `#[serde(default)]`) from "null" (`Some(None)`).
fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// GET /users (admin) query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UsersListRequest {
    #[serde(flatten)]
    pub paging: Paging,
    /// Only accounts whose email contains this (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A page of accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsersPage {
    pub items: Vec<Profile>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// `mk.auth.marketing_audience` (admin): the next page of opted-in users after `after`
/// (keyset pagination by id, so a page is never skipped or repeated while users sign up).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AudienceRequest {
    #[serde(default)]
    pub after: Option<UserId>,
    pub limit: u32,
}

/// A page of opted-in user ids, in id order; `next` is the cursor of the following page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudiencePage {
    pub user_ids: Vec<UserId>,
    pub next: Option<UserId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_tells_absent_from_null() {
        let absent: ProfilePatch = serde_json::from_str(r#"{"name":"A"}"#).unwrap();
        assert_eq!(absent.phone, None);
        let null: ProfilePatch = serde_json::from_str(r#"{"phone":null}"#).unwrap();
        assert_eq!(null.phone, Some(None));
        let set: ProfilePatch = serde_json::from_str(r#"{"phone":"+4930123456"}"#).unwrap();
        assert_eq!(set.phone, Some(Some("+4930123456".into())));
    }

    #[test]
    fn roles_round_trip_through_their_header_form() {
        for role in [Role::Customer, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}

/// POST /auth/password-reset: `{email}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetRequest {
    pub email: String,
}

/// POST /auth/password-reset/check: a reset link's token, to know before a new password is
/// typed whether the link still works.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetLinkCheck {
    pub token: String,
}

/// The reset link works (unused, unexpired, sent to the account's address) until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetLinkValid {
    pub expires_at: DateTime<Utc>,
}

/// POST /auth/password-reset/confirm: the link's token and the new password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetConfirm {
    pub token: String,
    pub password: String,
}

/// POST /auth/verify-email: the link's token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyEmailRequest {
    pub token: String,
}

/// POST /auth/verify-email: whose address is now verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailVerified {
    pub email: String,
    pub email_verified: bool,
}

/// Payload of `mk.evt.auth.*_requested`: a single-use link for the notify service to email.
///
/// It carries no secret. The stream keeps events for days and the dead letters keep a failed
/// one for good, both readable by operators; so notify asks auth for the link's token
/// (`mk.auth.link_token`, granted to notify alone) only when it sends the email, and auth
/// mints it then, keeping only its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLink {
    /// Names this link once (the notification record's key, and what `mk.auth.link_token`
    /// takes).
    pub link_id: Uuid,
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub expires_at: DateTime<Utc>,
}

/// `mk.auth.link_token`: which emailed link's token to mint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRef {
    pub link_id: Uuid,
}

/// `mk.auth.link_token`: the secret of a link, for the one email that carries it. Minting
/// another retires this one (auth keeps only the newest digest).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkToken {
    pub token: String,
}

impl std::fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkToken([REDACTED])")
    }
}
