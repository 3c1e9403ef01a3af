//! The only code that touches the cart database (SurrealDB; see `menuskart_kit::surreal` for
//! embedded vs server). The schema ([`SCHEMA`]) is applied at every start.

pub mod lines;

use menuskart_kit::surreal::SurrealSettings;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

const SCHEMA: &str = include_str!("schema.surql");
const NAMESPACE: &str = "menuskart";
const DATABASE: &str = "cart";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("surrealdb: {0}")]
    Surreal(#[from] surrealdb::Error),
    #[error("stored data does not decode: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("the cart already has a line for this product")]
    Duplicate,
}

impl StoreError {
    /// A unique-index violation becomes [`StoreError::Duplicate`].
    fn from_write(error: surrealdb::Error) -> Self {
        if menuskart_kit::surreal::is_unique_violation(&error) {
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

impl Store {
    pub async fn connect(settings: &SurrealSettings) -> Result<Self, StoreError> {
        let db = menuskart_kit::surreal::connect(settings, NAMESPACE, DATABASE, SCHEMA).await?;
        Ok(Self { db })
    }
}
