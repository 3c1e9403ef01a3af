//! Reviews and the rating totals they keep on their product.

use chrono::{DateTime, Utc};
use menuskart_schemas::catalog::Review;
use menuskart_schemas::ids::ProductId;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Store, StoreError};

#[derive(Debug, Deserialize)]
struct ReviewRow {
    rid: String,
    product: ProductId,
    user: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    verified_buyer: Option<bool>,
    rating: i64,
    text: String,
    created_at: DateTime<Utc>,
}

impl ReviewRow {
    fn into_review(self) -> Review {
        Review {
            id: self.rid,
            product_id: self.product,
            user_id: self.user,
            author: self.author,
            verified_buyer: self.verified_buyer.unwrap_or(false),
            rating: self.rating,
            text: self.text,
            created_at: self.created_at,
        }
    }
}

const COLUMNS: &str =
    "rid, product, user, author, verified_buyer, rating, text, <string> created_at AS created_at";

/// A review to store.
#[derive(Debug, Clone, Copy)]
pub struct NewReview<'a> {
    pub product: &'a ProductId,
    pub user: &'a str,
    pub author: Option<&'a str>,
    pub verified_buyer: bool,
    pub rating: i64,
    pub text: &'a str,
}

impl Store {
    /// Stores a review and adds it to the product's totals, in one transaction; a second
    /// review by the same user is [`StoreError::Duplicate`].
    #[tracing::instrument(skip_all, fields(product = %review.product))]
    pub async fn add_review(&self, review: NewReview<'_>) -> Result<Review, StoreError> {
        let NewReview {
            product,
            user,
            author,
            verified_buyer,
            rating,
            text,
        } = review;
        let rid = uuid::Uuid::now_v7().simple().to_string();
        // `option<string>` takes NONE, not NULL: an unknown author is left out.
        let author_set = if author.is_some() {
            "author = $author, "
        } else {
            ""
        };
        let sql = format!(
            "BEGIN TRANSACTION; \
             CREATE review SET rid = $rid, product = $product, user = $user, {author_set}\
               verified_buyer = $verified_buyer, rating = $rating, text = $text, \
               created_at = time::now() RETURN NONE; \
             UPDATE product SET rating_sum += $rating, review_count += 1 WHERE pid = $product RETURN NONE; \
             COMMIT TRANSACTION; \
             SELECT {COLUMNS} FROM review WHERE rid = $rid;"
        );
        let response = self
            .db()
            .query(sql)
            .bind(json!({
                "rid": rid, "product": product, "user": user, "author": author,
                "verified_buyer": verified_buyer, "rating": rating, "text": text,
            }))
            .await
            .map_err(StoreError::from_write)?;
        let mut response = response.check().map_err(StoreError::from_write)?;
        let rows: Vec<Value> = response.take(4)?;
        let row = rows.into_iter().next().ok_or(StoreError::Duplicate)?;
        Ok(serde_json::from_value::<ReviewRow>(row)?.into_review())
    }

    /// The author (user id) of a review of `product`, if there is one.
    #[tracing::instrument(skip(self))]
    pub async fn review_author(
        &self,
        product: &ProductId,
        rid: &str,
    ) -> Result<Option<String>, StoreError> {
        let authors: Vec<String> = self
            .db()
            .query("SELECT VALUE user FROM review WHERE rid = $rid AND product = $product")
            .bind(json!({"rid": rid, "product": product}))
            .await?
            .take(0)?;
        Ok(authors.into_iter().next())
    }

    /// Deletes a review and takes it out of its product's totals, in one transaction; whether
    /// it existed. Deleting it twice at once takes it out once: the totals change only by the
    /// rating of the row this statement deleted.
    #[tracing::instrument(skip(self))]
    pub async fn delete_review(&self, product: &ProductId, rid: &str) -> Result<bool, StoreError> {
        let sql = "BEGIN TRANSACTION; \
             LET $gone = (DELETE review WHERE rid = $rid AND product = $product RETURN BEFORE); \
             IF array::len($gone) > 0 { \
               UPDATE product SET rating_sum -= $gone[0].rating, review_count -= 1 \
                 WHERE pid = $product RETURN NONE; \
             }; \
             COMMIT TRANSACTION; \
             RETURN array::len($gone);";
        let mut response = self
            .db()
            .query(sql)
            .bind(json!({"rid": rid, "product": product}))
            .await?
            .check()?;
        let last = response.num_statements() - 1;
        let deleted: Option<i64> = response.take(last)?;
        Ok(deleted.unwrap_or(0) > 0)
    }

    /// A page of a product's reviews, newest first, and their total.
    #[tracing::instrument(skip(self))]
    pub async fn reviews(
        &self,
        product: &ProductId,
        limit: u32,
        start: u32,
    ) -> Result<(Vec<Review>, i64), StoreError> {
        let sql = format!(
            "SELECT {COLUMNS}, created_at AS created_sort FROM review WHERE product = $product \
               ORDER BY created_sort DESC, rid DESC LIMIT $limit START $start; \
             SELECT count() AS total FROM review WHERE product = $product GROUP ALL;"
        );
        let mut response = self
            .db()
            .query(sql)
            .bind(json!({"product": product, "limit": limit, "start": start}))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        let totals: Vec<Value> = response.take(1)?;
        let reviews = rows
            .into_iter()
            .map(|row| Ok(serde_json::from_value::<ReviewRow>(row)?.into_review()))
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((
            reviews,
            totals
                .first()
                .and_then(|t| t["total"].as_i64())
                .unwrap_or(0),
        ))
    }
}
