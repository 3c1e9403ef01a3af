//! The only code that touches the stock Redis.
//!
//! Keys (under the configured prefix): `stock:<product_id>` is a hash `{available, reserved}`;
//! `reservation:<order_id>` is a hash `{status, lines}` (`lines` is the JSON of the reserved
//! lines, written once and never changed); `audit` is a stream of the admins' stock changes
//! ([`audit`]). Every change that must be atomic is a Lua script in [`scripts`].

pub mod audit;
pub mod reservations;
pub mod scripts;
pub mod stock;

use menuskart_schemas::ids::{OrderId, ProductId};
use redis::aio::ConnectionManager;

pub use reservations::{ReserveOutcome, SettleOutcome};
pub use stock::{AdjustOutcome, StockChange};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("a script answered something unexpected: {0}")]
    Protocol(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

#[derive(Clone)]
pub struct Store {
    redis: ConnectionManager,
    prefix: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects (and reconnects by itself after Redis restarts).
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, StoreError> {
        let client = redis::Client::open(url)?;
        let redis = ConnectionManager::new(client).await?;
        Ok(Self {
            redis,
            prefix: prefix.to_owned(),
        })
    }

    fn stock_key(&self, product_id: &ProductId) -> String {
        format!("{}stock:{product_id}", self.prefix)
    }

    fn reservation_key(&self, order_id: OrderId) -> String {
        format!("{}reservation:{order_id}", self.prefix)
    }

    fn audit_key(&self) -> String {
        format!("{}audit", self.prefix)
    }

    fn connection(&self) -> ConnectionManager {
        self.redis.clone()
    }
}
