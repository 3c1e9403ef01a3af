//! The payment worker's settings, from `MK_*` environment variables.

use menuskart_kit::outbox::OutboxSettings;
use menuskart_kit::postgres::PostgresSettings;
use secrecy::SecretString;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_PAYMENTS_DATABASE_URL`: the payment database (required; it may carry a password).
    /// `MK_DB_MAX_CONNECTIONS`: its pool size (default 10).
    #[serde(flatten)]
    pub postgres: PostgresSettings,
    /// `MK_ENVIRONMENT`: in `production` the sandbox provider is refused (it moves no money).
    #[serde(default)]
    pub environment: menuskart_kit::settings::Environment,
    /// `MK_PAYMENTS_PROVIDER`: `sandbox` (the default) or `stripe`.
    #[serde(default = "defaults::provider")]
    pub payments_provider: String,
    /// `MK_STRIPE_API_BASE`: the Stripe-compatible API (default `https://api.stripe.com`).
    #[serde(default = "defaults::stripe_api_base")]
    pub stripe_api_base: String,
    /// `MK_STRIPE_SECRET_KEY`: required with the `stripe` provider.
    #[serde(default)]
    pub stripe_secret_key: Option<SecretString>,
    /// `MK_PAYMENTS_WEBHOOK_SECRETS`: the webhook signing secrets, comma separated (more than
    /// one while a key rotates). Required.
    pub payments_webhook_secrets: SecretString,
    /// `MK_WEBHOOK_TOLERANCE_SECS`: how old a webhook signature may be (default 300).
    #[serde(default = "defaults::webhook_tolerance_secs")]
    pub webhook_tolerance_secs: i64,
    /// `MK_PROVIDER_TIMEOUT_MS`: how long a provider call may take.
    #[serde(default = "defaults::provider_timeout_ms")]
    pub provider_timeout_ms: u64,
    /// `MK_SERVICE_TIMEOUT_MS`: how long payments waits for the order service.
    #[serde(default = "defaults::service_timeout_ms")]
    pub service_timeout_ms: u64,
    /// `MK_PAYMENTS_RECONCILE_SECS`: how often payments left `pending` are asked for again
    /// (default 60); `MK_PAYMENTS_STALE_AFTER_SECS`: how long a payment is pending before that
    /// (default 120; longer than `MK_PROVIDER_TIMEOUT_MS`, so a call in flight is not repeated).
    #[serde(default = "defaults::reconcile_secs")]
    pub payments_reconcile_secs: u64,
    #[serde(default = "defaults::stale_after_secs")]
    pub payments_stale_after_secs: u64,
    /// `MK_OUTBOX_RELAY`: whether this instance publishes the outbox (default true).
    #[serde(flatten)]
    pub outbox: OutboxSettings,
}

mod defaults {
    pub fn reconcile_secs() -> u64 {
        60
    }
    pub fn stale_after_secs() -> u64 {
        120
    }
    pub fn provider() -> String {
        "sandbox".into()
    }
    pub fn stripe_api_base() -> String {
        "https://api.stripe.com".into()
    }
    pub fn webhook_tolerance_secs() -> i64 {
        300
    }
    pub fn provider_timeout_ms() -> u64 {
        10_000
    }
    pub fn service_timeout_ms() -> u64 {
        5_000
    }
}
