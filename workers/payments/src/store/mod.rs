//! The only code that touches the payment database (PostgreSQL through sqlx). Migrations live
//! in `workers/payments/migrations` and are applied at start-up.
//!
//! [`payments`]: creating, reading and settling payments (each settlement with its outbox
//! event); [`refunds`]: refunds under a row lock, so concurrent refunds cannot together exceed
//! what was captured.

pub mod payments;
pub mod refunds;

use menuskart_kit::postgres::PostgresSettings;
pub use menuskart_kit::postgres::StoreError;
use sqlx::PgPool;

pub use payments::{NewPayment, Settlement, StoredPayment};
pub use refunds::{CompletedRefund, Decision, PendingRefund, RefundCause};

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
