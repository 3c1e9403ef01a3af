//! `mk.catalog.review_add`: a logged-in user rates a product 1 to 5, once; the review says
//! whether they bought it.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError, ValidationError};
use menuskart_schemas::catalog::{AddReview, Review};

use super::get::find_visible;
use super::reviewer;
use super::written;
use crate::state::CatalogState;
use crate::store::{NewReview, StoreError};

const MAX_TEXT_CHARS: usize = 2_000;

#[tracing::instrument(skip_all, fields(product = %req.body.product_id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<AddReview>,
) -> Result<Review, ReplyError> {
    let user = req.caller.require_user()?;
    let AddReview { product_id, review } = req.body;
    if !(1..=5).contains(&review.rating) {
        return Err(ValidationError::new("rating", "must be 1 to 5").into());
    }
    let text = review.text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ValidationError::new(
            "text",
            format!("must be at most {MAX_TEXT_CHARS} characters"),
        )
        .into());
    }
    let product = find_visible(&state, &product_id, &req.caller).await?;
    let reviewer = reviewer::about(&state, &req.caller, &product.id).await;
    let user = user.to_string();
    let added = state
        .store
        .add_review(NewReview {
            product: &product.id,
            user: &user,
            author: reviewer.name.as_deref(),
            verified_buyer: reviewer.verified_buyer,
            rating: review.rating,
            text,
        })
        .await
        .map_err(|error| match error {
            StoreError::Duplicate => ReplyError::conflict("you have reviewed this product already"),
            other => other.into(),
        })?;
    written(&state).await;
    Ok(added)
}
