//! The audit log of prices (`price_change`, written by `products::replace_product` in the
//! transaction that changes a price).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Store, StoreError, rows_as};

/// One price change as stored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PriceChange {
    pub cid: String,
    pub product: String,
    pub name: String,
    pub actor: String,
    pub from_price: i64,
    /// The currency of `from_price` (none on entries older than it: `currency`'s).
    #[serde(default)]
    pub from_currency: Option<String>,
    pub to_price: i64,
    pub currency: String,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Up to `limit` price changes older than change `after` (from the newest when `None`),
    /// newest first.
    #[tracing::instrument(skip(self))]
    pub async fn price_changes(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<PriceChange>, StoreError> {
        let keyset = if after.is_some() {
            "WHERE cid < $after"
        } else {
            ""
        };
        let rows: Vec<Value> = self
            .db()
            .query(format!(
                "SELECT cid, product, name, actor, from_price, from_currency, to_price, currency, at \
                 FROM price_change {keyset} ORDER BY cid DESC LIMIT $limit"
            ))
            .bind(json!({"after": after, "limit": limit}))
            .await?
            .take(0)?;
        rows_as(rows)
    }
}
