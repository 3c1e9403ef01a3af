//! The only code that touches the catalog database (SurrealDB).
//!
//! Embedded by default (`surrealkv://<dir>` on disk, `mem://` in tests); a `ws://` URL points
//! at a shared SurrealDB server when the pool has several instances (embedded storage belongs
//! to one process). The schema ([`SCHEMA`]) is applied at every start.

pub mod categories;
pub mod listing;
pub mod price_changes;
pub mod products;
pub mod reviews;

use menuskart_kit::surreal::SurrealSettings;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

pub use listing::Listing;
pub use reviews::NewReview;

const SCHEMA: &str = include_str!("schema.surql");
const NAMESPACE: &str = "menuskart";
const DATABASE: &str = "catalog";

pub use menuskart_kit::surreal::StoreError;

/// Rows taken as JSON values, each decoded as `T`.
pub(crate) fn rows_as<T: serde::de::DeserializeOwned>(
    rows: Vec<serde_json::Value>,
) -> Result<Vec<T>, StoreError> {
    rows.into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(Into::into)
}

#[derive(Debug, Clone)]
pub struct Store {
    db: Surreal<Any>,
}

impl Store {
    pub async fn connect(settings: &SurrealSettings) -> Result<Self, StoreError> {
        let db = menuskart_kit::surreal::connect(settings, NAMESPACE, DATABASE, SCHEMA).await?;
        Ok(Self { db })
    }

    fn db(&self) -> &Surreal<Any> {
        &self.db
    }
}
