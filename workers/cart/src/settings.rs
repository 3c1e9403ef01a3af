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
    /// `MK_TAX_DEFAULT_BP`: tax rate in basis points for products of a category without its own
    /// rate (700 = 7 %).
    #[serde(default)]
    pub tax_default_bp: i64,
    /// `MK_TAX_RATES`: per-category rates, `category=bp,category=bp` (e.g. `groceries=700,wine=1900`).
    #[serde(default)]
    pub tax_rates: String,
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
