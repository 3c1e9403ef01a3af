//! Typed settings from the environment.
//!
//! Every binary describes its settings as a serde struct and loads it with [`load`]: variables are
//! `MK_<FIELD>` (`MK_NATS_URL`, `MK_MAX_IN_FLIGHT`, ...). A worker loads with [`load_for`], which
//! reads `MK_<SERVICE>_<FIELD>` over `MK_<FIELD>`: settings that several workers share are one
//! type each ([`WorkerSettings`], read by the kit itself; `postgres::PostgresSettings`,
//! `surreal::SurrealSettings`, `outbox::OutboxSettings`, flattened into the worker's own), and
//! `MK_ORDERS_DATABASE_URL` is the order worker's `database_url` while `MK_DB_MAX_CONNECTIONS`
//! sets every worker's pool size unless `MK_ORDERS_DB_MAX_CONNECTIONS` says otherwise.
//!
//! Secrets are `secrecy::SecretString`, so a settings struct can be logged with `{:?}` without
//! leaking them. Nothing here reads a file from the repository: defaults are for a single
//! development machine, secrets have none.

use serde::Deserialize;

use crate::jwt::JwtSettings;
use crate::nats::NatsSettings;
use serde::de::DeserializeOwned;

/// The prefix of every MenusKart environment variable.
pub const ENV_PREFIX: &str = "MK_";

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct SettingsError(#[from] Box<figment::Error>);

/// Loads `T` from `MK_*` environment variables.
pub fn load<T: DeserializeOwned>() -> Result<T, SettingsError> {
    figment::Figment::new()
        .merge(figment::providers::Env::prefixed(ENV_PREFIX))
        .extract()
        .map_err(|e| SettingsError(Box::new(e)))
}

/// Loads a worker's `T`: `MK_<SERVICE>_*` variables (the service's name in capitals, e.g.
/// `MK_ORDERS_`) over the shared `MK_*` ones.
pub fn load_for<T: DeserializeOwned>(service: &str) -> Result<T, SettingsError> {
    let own = format!("{ENV_PREFIX}{}_", service.to_ascii_uppercase());
    figment::Figment::new()
        .merge(figment::providers::Env::prefixed(ENV_PREFIX))
        .merge(figment::providers::Env::prefixed(&own))
        .extract()
        .map_err(|e| SettingsError(Box::new(e)))
}

/// What every worker shares: where NATS is, which tokens it trusts, and how much work it takes
/// at once.
#[derive(Debug, Clone, Deserialize)]
pub struct WorkerSettings {
    /// `MK_NATS_URL`, `MK_<SERVICE>_NATS_SEED`, `MK_NATS_TLS_CA`.
    #[serde(flatten)]
    pub nats: NatsSettings,
    /// `MK_JWT_PUBLIC_KEYS`: the keys callers' tokens are verified with.
    #[serde(flatten)]
    pub jwt: JwtSettings,
    /// `MK_MAX_IN_FLIGHT`: requests one instance handles concurrently; more wait in NATS.
    #[serde(default = "default_max_in_flight")]
    pub max_in_flight: usize,
    /// `MK_JS_REPLICAS`: copies of each JetStream stream we declare (1 on one machine, 3 on a
    /// cluster).
    #[serde(default = "default_js_replicas")]
    pub js_replicas: usize,
}

impl WorkerSettings {
    pub fn new(nats: NatsSettings, jwt: JwtSettings) -> Self {
        Self {
            nats,
            jwt,
            max_in_flight: default_max_in_flight(),
            js_replicas: default_js_replicas(),
        }
    }
}

fn default_js_replicas() -> usize {
    1
}

/// Where a process runs (`MK_ENVIRONMENT`): `development` (the default: one machine, tests) or
/// `production`, where settings that only make sense on a developer's machine are refused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    #[default]
    Development,
    Production,
}

/// The development NATS server started by `scripts/dev` (not 4222: on our machines an old
/// Debian nats-server holds that port).
pub fn default_nats_url() -> String {
    "nats://127.0.0.1:14222".into()
}

fn default_max_in_flight() -> usize {
    256
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Example {
        database_url: String,
        db_max_connections: u32,
    }

    #[test]
    // figment's `Jail` API fixes the closure's (large) error type.
    #[allow(clippy::result_large_err)]
    fn a_services_own_variables_win_over_the_shared_ones() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("MK_DATABASE_URL", "postgres://shared");
            jail.set_env("MK_DB_MAX_CONNECTIONS", "7");
            jail.set_env("MK_ORDERS_DATABASE_URL", "postgres://orders");
            let orders: Example = load_for("orders").expect("loads");
            assert_eq!(orders.database_url, "postgres://orders");
            assert_eq!(orders.db_max_connections, 7);
            let payments: Example = load_for("payments").expect("loads");
            assert_eq!(payments.database_url, "postgres://shared");
            Ok(())
        });
    }
}
