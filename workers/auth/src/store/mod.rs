//! The only code that touches the auth database (PostgreSQL through sqlx).
//!
//! One file per table family: [`users`], [`sessions`] (sessions and their refresh tokens),
//! [`account_links`] (emailed single-use links, with the outbox of their emails),
//! [`login_throttle`], [`known_devices`] and
//! [`role_changes`] (roles and their audit log). Migrations live in `workers/auth/migrations` and are applied at start-up.

pub mod account_links;
pub mod known_devices;
pub mod login_throttle;
pub mod role_changes;
pub mod sessions;
pub mod users;

use menuskart_kit::postgres::PostgresSettings;
use sqlx::PgPool;

pub use account_links::LinkPurpose;
pub use sessions::RotateOutcome;
pub use users::{NewUser, UserRecord};

pub use menuskart_kit::postgres::StoreError;

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
