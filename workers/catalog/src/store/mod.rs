//! The only code that touches the catalog database (SurrealDB).
//!
//! Embedded by default (`surrealkv://<dir>` on disk, `mem://` in tests); a `ws://` URL points
//! at a shared SurrealDB server when the pool has several instances (embedded storage belongs
//! to one process). The schema ([`SCHEMA`]) is applied at every start.

pub mod categories;
pub mod listing;
pub mod products;
pub mod reviews;

use secrecy::{ExposeSecret, SecretString};
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

pub use listing::Listing;

const SCHEMA: &str = include_str!("schema.surql");
const NAMESPACE: &str = "menuskart";
const DATABASE: &str = "catalog";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("surrealdb: {0}")]
    Surreal(#[from] surrealdb::Error),
    #[error("stored data does not decode: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("a product or category with this slug exists")]
    Duplicate,
}

impl StoreError {
    /// A unique-index violation becomes [`StoreError::Duplicate`].
    fn from_write(error: surrealdb::Error) -> Self {
        let text = error.to_string();
        if text.contains("already contains") || text.contains("unique") {
            StoreError::Duplicate
        } else {
            StoreError::Surreal(error)
        }
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    db: Surreal<Any>,
}

/// Credentials for a SurrealDB server (unused for embedded storage).
#[derive(Debug, Clone)]
pub struct ServerAuth {
    pub username: String,
    pub password: SecretString,
}

impl Store {
    pub async fn connect(url: &str, auth: Option<&ServerAuth>) -> Result<Self, StoreError> {
        let db = surrealdb::engine::any::connect(url).await?;
        if let Some(auth) = auth {
            db.signin(surrealdb::opt::auth::Root {
                username: auth.username.clone(),
                password: auth.password.expose_secret().to_owned(),
            })
            .await?;
        }
        // SurrealDB 3 creates neither namespace nor database on first use.
        db.query(format!(
            "DEFINE NAMESPACE IF NOT EXISTS {NAMESPACE}; USE NS {NAMESPACE}; \
             DEFINE DATABASE IF NOT EXISTS {DATABASE};"
        ))
        .await?
        .check()?;
        db.use_ns(NAMESPACE).use_db(DATABASE).await?;
        db.query(SCHEMA).await?.check()?;
        Ok(Self { db })
    }

    fn db(&self) -> &Surreal<Any> {
        &self.db
    }
}
