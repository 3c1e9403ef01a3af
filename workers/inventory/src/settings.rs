//! The inventory worker's settings, from `MK_*` environment variables.

use secrecy::SecretString;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_STOCK_REDIS_URL`: the Redis that holds stock; it must persist (AOF). With inventory's
    /// own user: `redis://inventory:<password>@host:port/` (deploy/redis/stock.acl).
    #[serde(default = "defaults::stock_redis_url")]
    pub stock_redis_url: SecretString,
    /// `MK_STOCK_KEY_PREFIX`: prefix of every key we write (tests use one each).
    #[serde(default = "defaults::stock_key_prefix")]
    pub stock_key_prefix: String,
    /// `MK_LOW_STOCK_THRESHOLD`: at or below this many available units, `low_stock` is published.
    #[serde(default = "defaults::low_stock_threshold")]
    pub low_stock_threshold: i64,
}

mod defaults {
    use secrecy::SecretString;

    pub fn stock_redis_url() -> SecretString {
        SecretString::from("redis://127.0.0.1:16379/")
    }
    pub fn stock_key_prefix() -> String {
        "mk:".into()
    }
    pub fn low_stock_threshold() -> i64 {
        5
    }
}
