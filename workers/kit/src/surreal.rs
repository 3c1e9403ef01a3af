//! A SurrealDB connection for a worker that keeps its data there (catalog, cart).
//!
//! The URL picks the engine: `surrealkv://<dir>` embedded on disk (the default of one machine),
//! `mem://` embedded in memory (tests), `ws://host:port` a shared SurrealDB server, which a pool
//! needs as soon as it has more than one instance (embedded storage belongs to one process).

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

/// Where a worker's SurrealDB is: `MK_<SERVICE>_DB_URL` (`MK_CATALOG_DB_URL`, ...), with root
/// credentials for a server in `MK_<SERVICE>_DB_USER` / `MK_<SERVICE>_DB_PASSWORD`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SurrealSettings {
    /// `surrealkv://<dir>` (embedded; default `~/.cache/menuskart/<database>-db`), `mem://` or
    /// `ws://host:port`.
    #[serde(default)]
    pub db_url: Option<String>,
    #[serde(default)]
    pub db_user: Option<String>,
    #[serde(default)]
    pub db_password: Option<SecretString>,
}

impl SurrealSettings {
    /// An embedded or server URL without credentials.
    pub fn at(url: impl Into<String>) -> Self {
        Self {
            db_url: Some(url.into()),
            ..Self::default()
        }
    }

    fn url(&self, database: &str) -> String {
        self.db_url.clone().unwrap_or_else(|| {
            let home = std::env::var("HOME").unwrap_or_else(|_| "/var/lib".into());
            format!("surrealkv://{home}/.cache/menuskart/{database}-db")
        })
    }
}

/// Connects, signs in when credentials are given, creates the namespace and database if they do
/// not exist (SurrealDB 3 does not on first use), selects them and applies `schema` (which must
/// be idempotent: `DEFINE ... IF NOT EXISTS` / `OVERWRITE`).
pub async fn connect(
    settings: &SurrealSettings,
    namespace: &str,
    database: &str,
    schema: &str,
) -> Result<Surreal<Any>, surrealdb::Error> {
    let db = surrealdb::engine::any::connect(settings.url(database)).await?;
    if let (Some(username), Some(password)) = (&settings.db_user, &settings.db_password) {
        db.signin(surrealdb::opt::auth::Root {
            username: username.clone(),
            password: password.expose_secret().to_owned(),
        })
        .await?;
    }
    db.query(format!(
        "DEFINE NAMESPACE IF NOT EXISTS {namespace}; USE NS {namespace}; \
         DEFINE DATABASE IF NOT EXISTS {database};"
    ))
    .await?
    .check()?;
    db.use_ns(namespace).use_db(database).await?;
    db.query(schema).await?.check()?;
    Ok(db)
}

/// What every worker's SurrealDB store fails with (catalog, cart).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A write met a `UNIQUE` index (a slug taken, a second review): the caller's conflict.
    #[error("a record with this key exists already")]
    Duplicate,
    #[error("surrealdb: {0}")]
    Surreal(#[from] surrealdb::Error),
    #[error("stored data does not decode: {0}")]
    Decode(#[from] serde_json::Error),
}

impl StoreError {
    /// For a write: a unique-index violation becomes [`StoreError::Duplicate`].
    pub fn from_write(error: surrealdb::Error) -> Self {
        if is_unique_violation(&error) {
            StoreError::Duplicate
        } else {
            StoreError::Surreal(error)
        }
    }
}

impl From<StoreError> for crate::ReplyError {
    /// As for PostgreSQL (`crate::postgres::StoreError`): a duplicate is a conflict, a server
    /// out of reach (down, restarting, the connection lost) is 503 so the client retries, the
    /// rest an opaque 500.
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate => crate::ReplyError::conflict(error.to_string()),
            StoreError::Surreal(unreachable) if unreachable.is_connection() => {
                crate::ReplyError::unavailable("database", unreachable)
            }
            other => crate::ReplyError::internal(other),
        }
    }
}

/// Whether a write failed on a `UNIQUE` index (SurrealDB reports it only in the message).
fn is_unique_violation(error: &surrealdb::Error) -> bool {
    let text = error.to_string();
    text.contains("already contains") || text.contains("unique")
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ErrorCode;

    #[test]
    fn a_lost_server_is_unavailable_and_a_bad_query_internal() {
        // What the SurrealDB client reports when the server is down or the socket dropped.
        let lost = surrealdb::Error::connection(
            "connection refused".into(),
            surrealdb::types::ConnectionError::ConnectionFailed,
        );
        let reply = crate::ReplyError::from(StoreError::Surreal(lost));
        assert_eq!(reply.code(), ErrorCode::Unavailable);

        let bad = surrealdb::Error::validation(
            "no such field".into(),
            None::<surrealdb::types::ValidationError>,
        );
        let reply = crate::ReplyError::from(StoreError::Surreal(bad));
        assert_eq!(reply.code(), ErrorCode::Internal);
        assert_eq!(
            crate::ReplyError::from(StoreError::Duplicate).code(),
            ErrorCode::Conflict
        );
    }
}
