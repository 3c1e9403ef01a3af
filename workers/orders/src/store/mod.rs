//! The only code that touches the order database (PostgreSQL through sqlx). Migrations live
//! in `workers/orders/migrations` and are applied at start-up.
//!
//! [`orders`]: writing a placement and reading orders; [`delivery_methods`]: what the shop
//! offers for delivery; [`transitions`]: every later status
//! change, each in one transaction with its history row and its outbox event;
//! [`payments_under_way`]: the payments an order waits for, and the expiry; [`status`]: the
//! status column's type; [`sales`]: the sales overview. Every query is a `sqlx::query!`, checked against the migrations at
//! compile time (`scripts/sqlx`).

pub mod delivery_methods;
pub mod order_search;
pub mod orders;
pub mod payments_under_way;
pub mod purchases;
pub mod sales;
pub mod status;
pub mod transitions;

use menuskart_kit::postgres::PostgresSettings;
pub use menuskart_kit::postgres::StoreError;
use sqlx::PgPool;

pub use orders::{Customer, OrderRecord, Placing};
pub use sales::{Shop, ShopError};
pub use transitions::TransitionOutcome;

#[derive(Debug, Clone)]
pub struct Store {
    pool: PgPool,
}

impl Store {
    /// Connects and applies pending migrations (idempotent; concurrent instances are serialised
    /// by sqlx's advisory lock).
    pub async fn connect(settings: &PostgresSettings) -> Result<Self, StoreError> {
        let pool =
            menuskart_kit::postgres::connect(settings, &sqlx::migrate!("./migrations")).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}
