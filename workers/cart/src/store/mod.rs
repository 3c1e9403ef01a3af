//! The only code that touches the cart database (SurrealDB; see `menuskart_kit::surreal` for
//! embedded vs server). The schema ([`SCHEMA`]) is applied at every start.

pub mod lines;

use menuskart_kit::surreal::SurrealSettings;
use surrealdb::Surreal;
use surrealdb::engine::any::Any;

const SCHEMA: &str = include_str!("schema.surql");
const NAMESPACE: &str = "menuskart";
const DATABASE: &str = "cart";

pub use menuskart_kit::surreal::StoreError;

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
