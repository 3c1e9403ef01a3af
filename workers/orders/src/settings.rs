//! The order worker's settings, from `MK_*` environment variables.

use menuskart_kit::outbox::OutboxSettings;
use menuskart_kit::postgres::PostgresSettings;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_ORDERS_DATABASE_URL`: the order database (required; it may carry a password).
    /// `MK_DB_MAX_CONNECTIONS`: its pool size (default 10).
    #[serde(flatten)]
    pub postgres: PostgresSettings,
    /// `MK_ORDER_PAYMENT_TIMEOUT_SECS`: an unpaid order is cancelled (and its stock released)
    /// this long after it was placed (default 15 minutes).
    #[serde(default = "defaults::payment_timeout_secs")]
    pub order_payment_timeout_secs: i64,
    /// `MK_ORDER_PAYMENT_WAIT_MAX_SECS`: how long a payment under way (a bank's confirmation,
    /// 3-D Secure) keeps its order from expiring (default 14 days, as long as a bank debit may
    /// take). Past it the order expires like an unpaid one, and a confirmation that still comes
    /// is refunded by the payment service.
    #[serde(default = "defaults::payment_wait_max_secs")]
    pub order_payment_wait_max_secs: i64,
    /// `MK_ORDER_MAX_UNPAID`: unpaid orders one customer may have at once (default 5): each
    /// holds stock, so one account cannot reserve the whole shop.
    #[serde(default = "defaults::max_unpaid")]
    pub order_max_unpaid: i64,
    /// `MK_ORDER_SWEEP_INTERVAL_MS`: how often expired orders are looked for.
    #[serde(default = "defaults::sweep_interval_ms")]
    pub order_sweep_interval_ms: u64,
    /// `MK_OUTBOX_RELAY`: whether this instance publishes the outbox (default true).
    #[serde(flatten)]
    pub outbox: OutboxSettings,
    /// `MK_SERVICE_TIMEOUT_MS`: how long the order worker waits for cart and inventory.
    #[serde(default = "defaults::service_timeout_ms")]
    pub service_timeout_ms: u64,
    /// `MK_ORDER_MAX_WATCHES`: live order views one instance feeds at once (default 10,000;
    /// each is a few dozen bytes and a lookup per status change of its order).
    #[serde(default = "defaults::max_watches")]
    pub order_max_watches: usize,
    /// `MK_SHOP_CURRENCY`: the shop's currency, in which the sales overview counts (default EUR).
    #[serde(default = "defaults::shop_currency")]
    pub shop_currency: String,
    /// `MK_SHOP_TIMEZONE`: the IANA time zone whose calendar days the sales overview counts
    /// ("today"); checked against PostgreSQL's zones at start (default UTC).
    #[serde(default = "defaults::shop_timezone")]
    pub shop_timezone: String,
}

mod defaults {
    pub fn shop_currency() -> String {
        "EUR".into()
    }
    pub fn shop_timezone() -> String {
        "UTC".into()
    }
    pub fn payment_timeout_secs() -> i64 {
        15 * 60
    }
    pub fn payment_wait_max_secs() -> i64 {
        14 * 24 * 3600
    }
    pub fn max_unpaid() -> i64 {
        5
    }
    pub fn sweep_interval_ms() -> u64 {
        5_000
    }
    pub fn service_timeout_ms() -> u64 {
        5_000
    }
    pub fn max_watches() -> usize {
        10_000
    }
}
