//! Products: create, read by id or slug, replace, delete.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use menuskart_schemas::catalog::{Product, ProductStatus, SitemapProduct};
use menuskart_schemas::ids::{ProductId, UserId};
use menuskart_schemas::money::{Amount, Currency};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Store, StoreError};
use crate::domain::ProductDraft;

/// The columns every product read selects (datetimes as RFC 3339 text).
pub(crate) const COLUMNS: &str = "pid, slug, name, description, price, currency, category, brand, \
    attributes, images, rating_sum, review_count, status, available, \
    <string> created_at AS created_at, <string> updated_at AS updated_at";

/// A product row as stored.
#[derive(Debug, Deserialize)]
pub(crate) struct ProductRow {
    pid: ProductId,
    slug: String,
    name: String,
    description: String,
    price: Amount,
    currency: Currency,
    category: String,
    #[serde(default)]
    brand: Option<String>,
    #[serde(default)]
    attributes: BTreeMap<String, Value>,
    #[serde(default)]
    images: Vec<String>,
    #[serde(default)]
    rating_sum: i64,
    #[serde(default)]
    review_count: i64,
    #[serde(default)]
    status: ProductStatus,
    #[serde(default)]
    available: i64,
    #[serde(default)]
    score: Option<f64>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl ProductRow {
    pub(crate) fn into_product(self) -> Product {
        Product {
            id: self.pid,
            slug: self.slug,
            name: self.name,
            description: self.description,
            price: self.price,
            currency: self.currency,
            // Set by the handler from the shop's settings and the category's rate.
            tax_rate_bp: 0,
            price_includes_tax: false,
            category: self.category,
            brand: self.brand,
            attributes: self.attributes,
            images: self.images,
            // One decimal is what a shop shows; computed from integers, stored as integers.
            rating: (self.review_count > 0)
                .then(|| (self.rating_sum as f64 / self.review_count as f64 * 10.0).round() / 10.0),
            review_count: self.review_count,
            status: self.status,
            available: Some(self.available),
            stock: None,
            score: self.score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Decodes rows taken as JSON values.
pub(crate) fn decode(rows: Vec<Value>) -> Result<Vec<Product>, StoreError> {
    rows.into_iter()
        .map(|row| Ok(serde_json::from_value::<ProductRow>(row)?.into_product()))
        .collect()
}

/// `SET` assignments for a draft. Absent optional fields are left out (SurrealDB's `option<T>`
/// takes NONE, not NULL) or, on update, set to NONE.
fn assignments(draft: &ProductDraft, category_path: &[String]) -> (String, Value) {
    let mut sets = vec![
        "slug = $slug",
        "name = $name",
        "description = $description",
        "price = $price",
        "currency = $currency",
        "category = $category",
        "category_path = $category_path",
        "attributes = $attributes",
        "images = $images",
        "status = $status",
        "updated_at = time::now()",
    ];
    sets.push(if draft.brand.is_some() {
        "brand = $brand"
    } else {
        "brand = NONE"
    });
    let vars = json!({
        "slug": draft.slug.as_str(),
        "name": draft.name,
        "description": draft.description,
        "price": draft.price,
        "currency": draft.currency.as_str(),
        "category": draft.category.as_str(),
        "category_path": category_path,
        "attributes": draft.attributes,
        "images": draft.images,
        "status": draft.status.as_str(),
        "brand": draft.brand,
    });
    (sets.join(", "), vars)
}

impl Store {
    /// Stores a new product; `category_path` is its category's path (see the schema).
    #[tracing::instrument(skip_all, fields(slug = draft.slug.as_str()))]
    pub async fn create_product(
        &self,
        pid: &ProductId,
        draft: &ProductDraft,
        category_path: &[String],
    ) -> Result<Product, StoreError> {
        let (sets, mut vars) = assignments(draft, category_path);
        vars["pid"] = json!(pid);
        let sql = format!(
            "CREATE product SET pid = $pid, created_at = time::now(), {sets} RETURN NONE; \
             SELECT {COLUMNS} FROM product WHERE pid = $pid;"
        );
        let mut response = self
            .db()
            .query(sql)
            .bind(vars)
            .await
            .map_err(StoreError::from_write)?;
        response = response.check().map_err(StoreError::from_write)?;
        let rows: Vec<Value> = response.take(1)?;
        decode(rows)?.pop().ok_or(StoreError::Duplicate)
    }

    /// A product by id or slug.
    #[tracing::instrument(skip(self))]
    pub async fn product(&self, id_or_slug: &str) -> Result<Option<Product>, StoreError> {
        let rows: Vec<Value> = self
            .db()
            .query(format!(
                "SELECT {COLUMNS} FROM product WHERE pid = $id OR slug = $id LIMIT 1"
            ))
            .bind(json!({"id": id_or_slug}))
            .await?
            .take(0)?;
        Ok(decode(rows)?.pop())
    }

    /// Replaces the content of product `pid` for admin `actor`; `None` if it does not exist.
    /// A new price (amount or currency) is logged in the audit log (`price_change`) in the same
    /// transaction.
    #[tracing::instrument(skip_all, fields(pid))]
    pub async fn replace_product(
        &self,
        pid: &ProductId,
        draft: &ProductDraft,
        category_path: &[String],
        actor: UserId,
    ) -> Result<Option<Product>, StoreError> {
        let (sets, mut vars) = assignments(draft, category_path);
        vars["pid"] = json!(pid);
        vars["cid"] = json!(uuid::Uuid::now_v7().to_string());
        vars["actor"] = json!(actor.to_string());
        let sql = format!(
            "BEGIN TRANSACTION; \
             LET $was = (SELECT price, currency FROM product WHERE pid = $pid)[0]; \
             UPDATE product SET {sets} WHERE pid = $pid RETURN NONE; \
             IF $was != NONE AND ($was.price != $price OR $was.currency != $currency) {{ \
               CREATE price_change SET cid = $cid, product = $pid, name = $name, \
                 actor = $actor, from_price = $was.price, from_currency = $was.currency, \
                 to_price = $price, currency = $currency, at = time::now() RETURN NONE; \
             }}; \
             COMMIT TRANSACTION; \
             SELECT {COLUMNS} FROM product WHERE pid = $pid;"
        );
        let response = self
            .db()
            .query(sql)
            .bind(vars)
            .await
            .map_err(StoreError::from_write)?;
        let mut response = response.check().map_err(StoreError::from_write)?;
        let last = response.num_statements() - 1;
        let rows: Vec<Value> = response.take(last)?;
        Ok(decode(rows)?.pop())
    }

    /// The slug and last change of up to `limit` active products, most recently changed first.
    #[tracing::instrument(skip(self))]
    pub async fn sitemap_products(&self, limit: usize) -> Result<Vec<SitemapProduct>, StoreError> {
        let rows: Vec<Value> = self
            .db()
            .query(
                "SELECT slug, updated_at FROM product WHERE status = 'active' \
                 ORDER BY updated_at DESC LIMIT $limit",
            )
            .bind(json!({ "limit": limit }))
            .await?
            .take(0)?;
        super::rows_as(rows)
    }

    /// Up to 5 slugs of products priced in another currency than `currency`, and how many
    /// there are: a shop sells in one currency, so the catalog checks at start-up.
    #[tracing::instrument(skip(self))]
    pub async fn priced_in_other_currencies(
        &self,
        currency: &str,
    ) -> Result<(i64, Vec<String>), StoreError> {
        let mut response = self
            .db()
            .query(
                "SELECT VALUE count() FROM product WHERE currency != $currency GROUP ALL; \
                 SELECT VALUE slug FROM product WHERE currency != $currency LIMIT 5;",
            )
            .bind(json!({"currency": currency}))
            .await?;
        let count: Vec<i64> = response.take(0)?;
        let slugs: Vec<String> = response.take(1)?;
        Ok((count.first().copied().unwrap_or(0), slugs))
    }

    /// Deletes product `pid`; whether it existed.
    #[tracing::instrument(skip(self))]
    pub async fn delete_product(&self, pid: &ProductId) -> Result<bool, StoreError> {
        let deleted: Vec<Value> = self
            .db()
            .query("DELETE product WHERE pid = $pid RETURN BEFORE")
            .bind(json!({"pid": pid}))
            .await?
            .take(0)?;
        Ok(!deleted.is_empty())
    }

    /// Mirrors the inventory's available units onto the product (drives `in_stock` and what
    /// listings show), unless a newer event (higher stream `sequence`) already did. Answers the
    /// units the product had before, when this changed them.
    #[tracing::instrument(skip(self))]
    pub async fn set_available(
        &self,
        pid: &ProductId,
        available: i64,
        sequence: u64,
    ) -> Result<Option<i64>, StoreError> {
        let before: Option<i64> = self
            .db()
            .query(
                "UPDATE product SET available = $available, available_seq = $sequence \
                 WHERE pid = $pid AND available_seq < $sequence RETURN VALUE $before.available",
            )
            .bind(json!({"pid": pid, "available": available, "sequence": sequence}))
            .await?
            .take(0)?;
        Ok(before)
    }
}
