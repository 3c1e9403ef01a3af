//! The catalog worker's settings, from `MK_*` environment variables.

use menuskart_kit::surreal::SurrealSettings;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_CATALOG_DB_URL`: `surrealkv://<dir>` (embedded, on disk; the default
    /// `~/.cache/menuskart/catalog-db`), `mem://` (embedded, in memory) or `ws://host:port` (a
    /// SurrealDB server, for several instances); `MK_CATALOG_DB_USER` / `MK_CATALOG_DB_PASSWORD`:
    /// the catalog's own user on a server (`mk-surreal-users` makes it).
    #[serde(flatten)]
    pub surreal: SurrealSettings,
    /// `MK_CACHE_REDIS_URL`: the Redis for the read cache (the machine's; nothing to persist).
    #[serde(default = "defaults::cache_redis_url")]
    pub cache_redis_url: String,
    /// `MK_CACHE_KEY_PREFIX`.
    #[serde(default = "defaults::cache_key_prefix")]
    pub cache_key_prefix: String,
    /// `MK_SHOP_CURRENCY`: the shop's one currency; every product is priced in it.
    #[serde(default = "defaults::shop_currency")]
    pub shop_currency: String,
    /// `MK_PRICES_INCLUDE_TAX`: whether prices include tax (consumer prices in the EU must).
    #[serde(default)]
    pub prices_include_tax: bool,
    /// `MK_TAX_DEFAULT_BP`: tax rate in basis points for products of a category without its own
    /// rate (1900 = 19 %).
    #[serde(default)]
    pub tax_default_bp: i64,
    /// `MK_TAX_RATES`: per-category rates, `category=bp,category=bp` (e.g. `groceries=700`);
    /// a rate the owner sets on a category in the admin wins.
    #[serde(default)]
    pub tax_rates: String,
    /// `MK_STOCK_TIMEOUT_MS`: how long product details wait for the inventory service.
    #[serde(default = "defaults::stock_timeout_ms")]
    pub stock_timeout_ms: u64,
}

mod defaults {
    pub fn shop_currency() -> String {
        "EUR".into()
    }
    pub fn cache_redis_url() -> String {
        "redis://127.0.0.1:6379/".into()
    }
    pub fn cache_key_prefix() -> String {
        "mk:".into()
    }
    pub fn stock_timeout_ms() -> u64 {
        1_000
    }
}
