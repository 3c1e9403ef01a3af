//! The auth worker's settings, from `MK_*` environment variables.

use menuskart_kit::jwt::{JwtSettings, SigningKey};
use menuskart_kit::outbox::OutboxSettings;
use menuskart_kit::postgres::PostgresSettings;
use secrecy::SecretString;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_AUTH_DATABASE_URL`: the auth database (required; it may carry a password).
    /// `MK_DB_MAX_CONNECTIONS`: its pool size (default 10).
    #[serde(flatten)]
    pub postgres: PostgresSettings,
    /// `MK_OUTBOX_RELAY`: whether this instance publishes the outbox (default true).
    #[serde(flatten)]
    pub outbox: OutboxSettings,
    /// `MK_JWT_SIGNING_KEY`: `<kid>:<seed>`, the key access tokens are signed with; this worker
    /// alone holds it (required). Its public key must be in `MK_JWT_PUBLIC_KEYS`.
    pub jwt_signing_key: SigningKey,
    /// `MK_JWT_PUBLIC_KEYS`: the keys tokens are verified with, as everywhere.
    #[serde(flatten)]
    pub jwt: JwtSettings,
    /// `MK_ACCESS_TOKEN_TTL_SECS` (default 900: 15 minutes).
    #[serde(default = "defaults::access_token_ttl_secs")]
    pub access_token_ttl_secs: i64,
    /// `MK_REFRESH_TOKEN_TTL_SECS` (default 30 days).
    #[serde(default = "defaults::refresh_token_ttl_secs")]
    pub refresh_token_ttl_secs: i64,
    /// `MK_HASH_CONCURRENCY`: argon2 hashes at once (default: the number of cores).
    #[serde(default = "defaults::hash_concurrency")]
    pub hash_concurrency: usize,
    /// `MK_LOGIN_MAX_FAILURES` within `MK_LOGIN_WINDOW_SECS` lock an address for
    /// `MK_LOGIN_LOCKOUT_SECS` (defaults 5, 900, 900).
    #[serde(default = "defaults::login_max_failures")]
    pub login_max_failures: i32,
    #[serde(default = "defaults::fifteen_minutes")]
    pub login_window_secs: i64,
    #[serde(default = "defaults::fifteen_minutes")]
    pub login_lockout_secs: i64,
    /// `MK_ADMIN_EMAIL` and `MK_ADMIN_PASSWORD`: the first admin, created (or promoted) at start.
    /// `MK_PASSWORD_RESET_TTL_SECS` (default 3600): how long a reset link works.
    #[serde(default = "defaults::password_reset_ttl_secs")]
    pub password_reset_ttl_secs: i64,
    /// `MK_EMAIL_VERIFICATION_TTL_SECS` (default 2 days): how long a verification link works.
    #[serde(default = "defaults::email_verification_ttl_secs")]
    pub email_verification_ttl_secs: i64,
    #[serde(default)]
    pub admin_email: Option<String>,
    #[serde(default)]
    pub admin_password: Option<SecretString>,
}

mod defaults {
    pub fn password_reset_ttl_secs() -> i64 {
        3600
    }
    pub fn email_verification_ttl_secs() -> i64 {
        2 * 24 * 3600
    }
    pub fn access_token_ttl_secs() -> i64 {
        15 * 60
    }
    pub fn refresh_token_ttl_secs() -> i64 {
        30 * 24 * 3600
    }
    pub fn hash_concurrency() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    }
    pub fn login_max_failures() -> i32 {
        5
    }
    pub fn fifteen_minutes() -> i64 {
        15 * 60
    }
}
