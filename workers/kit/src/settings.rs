//! Typed settings from the environment.
//!
//! Every binary describes its settings as a serde struct and loads it with [`load`]: variables are
//! `MK_<FIELD>` (`MK_NATS_URL`, `MK_DATABASE_URL`, ...). Secrets are `secrecy::SecretString`, so a
//! settings struct can be logged with `{:?}` without leaking them. Nothing here reads a file from
//! the repository: defaults are for a single development machine, secrets have none.

use serde::Deserialize;
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

/// What every worker shares: where NATS is and how much work it takes at once.
#[derive(Debug, Clone, Deserialize)]
pub struct WorkerSettings {
    /// `MK_NATS_URL`; comma-separated for a cluster.
    #[serde(default = "default_nats_url")]
    pub nats_url: String,
    /// `MK_MAX_IN_FLIGHT`: requests one instance handles concurrently; more wait in NATS.
    #[serde(default = "default_max_in_flight")]
    pub max_in_flight: usize,
    /// `MK_JS_REPLICAS`: copies of each JetStream stream we declare (1 on one machine, 3 on a
    /// cluster).
    #[serde(default = "default_js_replicas")]
    pub js_replicas: usize,
}

impl WorkerSettings {
    pub fn new(nats_url: impl Into<String>) -> Self {
        Self {
            nats_url: nats_url.into(),
            max_in_flight: default_max_in_flight(),
            js_replicas: default_js_replicas(),
        }
    }
}

fn default_js_replicas() -> usize {
    1
}

/// The development NATS server started by `scripts/dev` (not 4222: on our machines an old
/// Debian nats-server holds that port).
pub fn default_nats_url() -> String {
    "nats://127.0.0.1:14222".into()
}

fn default_max_in_flight() -> usize {
    256
}
