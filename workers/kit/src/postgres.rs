//! A PostgreSQL pool for a worker that keeps its data there (auth, orders, payments), with its
//! migrations applied: idempotent, and serialised by sqlx's advisory lock when several
//! instances start at once.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use sqlx::PgPool;
use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;

/// `text` as a literal inside a `LIKE ... ESCAPE '\\'` pattern: its `%`, `_` and `\\` match
/// only themselves (a search box's input is never a pattern).
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Where a worker's PostgreSQL database is: `MK_<SERVICE>_DATABASE_URL` (required; it may
/// carry a password) and `MK_DB_MAX_CONNECTIONS`.
#[derive(Debug, Clone, Deserialize)]
pub struct PostgresSettings {
    pub database_url: SecretString,
    #[serde(default = "default_max_connections")]
    pub db_max_connections: u32,
}

impl PostgresSettings {
    pub fn new(database_url: impl Into<String>, db_max_connections: u32) -> Self {
        Self {
            database_url: SecretString::from(database_url.into()),
            db_max_connections,
        }
    }
}

fn default_max_connections() -> u32 {
    10
}

/// Connects (waiting at most 5 s for a connection from the pool) and runs `migrations`
/// (the worker's `sqlx::migrate!()`).
pub async fn connect(
    settings: &PostgresSettings,
    migrations: &Migrator,
) -> Result<PgPool, sqlx::Error> {
    let pool = PgPoolOptions::new()
        .max_connections(settings.db_max_connections)
        // Shorter than the edge's request timeout (5 s by default): a database that cannot be
        // reached is answered as such (503), not left to the edge's 504.
        .acquire_timeout(Duration::from_secs(2))
        .connect(settings.database_url.expose_secret())
        .await?;
    migrations.run(&pool).await?;
    Ok(pool)
}

/// What every worker's PostgreSQL store fails with (auth, orders, payments, notify).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An insert met a unique index (an email registered twice, say): the caller's conflict.
    #[error("a row with this key exists already")]
    Duplicate,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value that the code cannot read back (an unknown status, say).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Outbox(#[from] crate::outbox::OutboxError),
}

impl StoreError {
    /// Whether the database could not be reached (down, restarting, refusing connections, every
    /// connection busy): nothing the caller did, and worth a retry.
    pub fn is_unavailable(&self) -> bool {
        let StoreError::Database(error) = self else {
            return false;
        };
        match error {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => true,
            // Class 08: connection exceptions; 57P01-03: shutting down or starting up; 53300:
            // too many connections; 55000 at connect: a database not accepting connections
            // (`ALLOW_CONNECTIONS false`, as during maintenance).
            sqlx::Error::Database(db) => db.code().is_some_and(|code| {
                code.starts_with("08")
                    || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300" | "55000")
            }),
            _ => false,
        }
    }

    /// For an insert: a unique violation becomes [`StoreError::Duplicate`].
    pub fn from_insert(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
            _ => StoreError::Database(error),
        }
    }
}

/// A stored currency code we do not know (the row was written by something else).
impl From<menuskart_schemas::money::UnknownCurrency> for StoreError {
    fn from(error: menuskart_schemas::money::UnknownCurrency) -> Self {
        StoreError::Corrupt(error.to_string())
    }
}

/// A stored product id that is no product id (the row was written by something else).
impl From<menuskart_schemas::ids::InvalidProductId> for StoreError {
    fn from(error: menuskart_schemas::ids::InvalidProductId) -> Self {
        StoreError::Corrupt(format!("stored {error}"))
    }
}

impl From<StoreError> for crate::ReplyError {
    /// A duplicate is the caller's conflict (a handler that can say more maps it itself); an
    /// unreachable database is a 503 the caller may retry; any other store failure is ours,
    /// never the caller's: logged, answered as an opaque 500.
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate => crate::ReplyError::conflict(error.to_string()),
            unreachable if unreachable.is_unavailable() => {
                crate::ReplyError::unavailable("database", unreachable)
            }
            other => crate::ReplyError::internal(other),
        }
    }
}

#[cfg(test)]
mod escape_like_tests {
    use super::escape_like;

    #[test]
    fn like_wildcards_in_a_search_match_only_themselves() {
        assert_eq!(escape_like("ada@example.com"), "ada@example.com");
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }
}
