//! Reading and writing a cart's lines.

use menuskart_schemas::ids::ProductId;
use menuskart_schemas::money::Currency;
use serde_json::{Value, json};

use super::{Store, StoreError};
use crate::domain::StoredLine;

const COLUMNS: &str = "item_id, product_id, quantity, currency";

fn decode(rows: Vec<Value>) -> Result<Vec<StoredLine>, StoreError> {
    rows.into_iter()
        .map(|row| Ok(serde_json::from_value(row)?))
        .collect()
}

impl Store {
    /// A cart's lines, oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn lines(&self, cart: &str) -> Result<Vec<StoredLine>, StoreError> {
        let rows: Vec<Value> = self
            .db
            .query(format!(
                "SELECT {COLUMNS}, added_at FROM cart_line WHERE cart = $cart ORDER BY added_at, item_id"
            ))
            .bind(json!({ "cart": cart }))
            .await?
            .check()?
            .take(0)?;
        decode(rows)
    }

    /// A new line; [`StoreError::Duplicate`] if the cart has one for the product already.
    #[tracing::instrument(skip(self))]
    pub async fn insert_line(
        &self,
        cart: &str,
        product_id: &ProductId,
        quantity: i64,
        currency: Currency,
    ) -> Result<(), StoreError> {
        let item_id = uuid::Uuid::now_v7().simple().to_string();
        self.db
            .query(
                "CREATE cart_line SET cart = $cart, item_id = $item_id, product_id = $product_id, \
                   quantity = $quantity, currency = $currency, added_at = time::now(), \
                   updated_at = time::now() RETURN NONE",
            )
            .bind(json!({
                "cart": cart, "item_id": item_id, "product_id": product_id,
                "quantity": quantity, "currency": currency
            }))
            .await
            .map_err(StoreError::from_write)?
            .check()
            .map_err(StoreError::from_write)?;
        Ok(())
    }

    /// Sets a line's quantity only if it still is `expected` (an optimistic check: of two
    /// concurrent adds to the same line, one sees `false` and tries again). `false` also when
    /// the line is gone.
    #[tracing::instrument(skip(self))]
    pub async fn update_quantity(
        &self,
        cart: &str,
        item_id: &str,
        expected: Option<i64>,
        quantity: i64,
    ) -> Result<bool, StoreError> {
        let rows: Vec<Value> = self
            .db
            .query(
                "UPDATE cart_line SET quantity = $quantity, updated_at = time::now() \
                 WHERE cart = $cart AND item_id = $item_id \
                   AND ($expected = NONE OR $expected = NULL OR quantity = $expected) \
                 RETURN item_id",
            )
            .bind(json!({
                "cart": cart, "item_id": item_id, "expected": expected, "quantity": quantity
            }))
            .await?
            .check()?
            .take(0)?;
        Ok(!rows.is_empty())
    }

    /// Removes a line; `false` if the cart has no such line.
    #[tracing::instrument(skip(self))]
    pub async fn delete_line(&self, cart: &str, item_id: &str) -> Result<bool, StoreError> {
        let rows: Vec<Value> = self
            .db
            .query("DELETE cart_line WHERE cart = $cart AND item_id = $item_id RETURN BEFORE")
            .bind(json!({ "cart": cart, "item_id": item_id }))
            .await?
            .check()?
            .take(0)?;
        Ok(!rows.is_empty())
    }

    /// Removes the lines of these products (gone from the catalog).
    #[tracing::instrument(skip(self))]
    pub async fn delete_products(
        &self,
        cart: &str,
        products: &[ProductId],
    ) -> Result<(), StoreError> {
        self.db
            .query("DELETE cart_line WHERE cart = $cart AND product_id IN $products")
            .bind(json!({ "cart": cart, "products": products }))
            .await?
            .check()?;
        Ok(())
    }

    /// Empties a cart.
    #[tracing::instrument(skip(self))]
    pub async fn clear(&self, cart: &str) -> Result<(), StoreError> {
        self.db
            .query("DELETE cart_line WHERE cart = $cart")
            .bind(json!({ "cart": cart }))
            .await?
            .check()?;
        Ok(())
    }
}
