//! The cart worker's settings, from `MK_*` environment variables.

use menuskart_kit::surreal::SurrealSettings;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_CART_DB_URL`: `surrealkv://<dir>` (embedded, the default `~/.cache/menuskart/cart-db`),
    /// `mem://` or `ws://host:port` (a SurrealDB server shared by several instances);
    /// `MK_CART_DB_USER` / `MK_CART_DB_PASSWORD`: the cart's own user on a server (`mk-surreal-users`).
    #[serde(flatten)]
    pub surreal: SurrealSettings,
    /// `MK_SHOP_CURRENCY` and `MK_PRICES_INCLUDE_TAX`: what an empty cart says. A line is taxed
    /// at the rate, and by the setting, the catalog gives its product.
    #[serde(default = "defaults::shop_currency")]
    pub shop_currency: String,
    #[serde(default)]
    pub prices_include_tax: bool,
    /// `MK_CART_MAX_QUANTITY`: the most units of one product a line may hold.
    #[serde(default = "defaults::max_quantity")]
    pub cart_max_quantity: i64,
    /// `MK_CART_MAX_LINES`: the most different products a cart may hold.
    #[serde(default = "defaults::max_lines")]
    pub cart_max_lines: usize,
    /// `MK_CATALOG_TIMEOUT_MS`: how long a cart waits for the catalog.
    #[serde(default = "defaults::catalog_timeout_ms")]
    pub catalog_timeout_ms: u64,
}

mod defaults {
    pub fn shop_currency() -> String {
        "EUR".into()
    }
    pub fn max_quantity() -> i64 {
        99
    }
    pub fn max_lines() -> usize {
        50
    }
    pub fn catalog_timeout_ms() -> u64 {
        2_000
    }
}
