//! A SurrealDB connection for a worker that keeps its data there (catalog, cart).
//!
//! The URL picks the engine: `surrealkv://<dir>` embedded on disk (the default of one machine),
//! `mem://` embedded in memory (tests), `ws://host:port` a shared SurrealDB server, which a pool
//! needs as soon as it has more than one instance (embedded storage belongs to one process).

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

/// Where a worker's SurrealDB is, as read from its settings.
#[derive(Debug, Clone, Deserialize)]
pub struct SurrealSettings {
    pub url: String,
    /// Root credentials, for a server only.
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub password: Option<SecretString>,
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
    let db = surrealdb::engine::any::connect(settings.url.as_str()).await?;
    if let (Some(username), Some(password)) = (&settings.user, &settings.password) {
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

/// Whether a write failed on a `UNIQUE` index (SurrealDB reports it only in the message).
pub fn is_unique_violation(error: &surrealdb::Error) -> bool {
    let text = error.to_string();
    text.contains("already contains") || text.contains("unique")
}
