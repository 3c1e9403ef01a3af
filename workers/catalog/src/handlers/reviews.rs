//! `mk.catalog.reviews`: a product's reviews, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError, ValidationError};
use menuskart_schemas::catalog::{ListReviews, ReviewPage};

use super::get::find;
use crate::domain::MAX_PER_PAGE;
use crate::state::CatalogState;

#[tracing::instrument(skip_all, fields(product = %req.body.product_id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ListReviews>,
) -> Result<ReviewPage, ReplyError> {
    let ListReviews {
        product_id,
        page,
        per_page,
    } = req.body;
    if page == 0 {
        return Err(ValidationError::new("page", "starts at 1").into());
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(
            ValidationError::new("per_page", format!("must be 1 to {MAX_PER_PAGE}")).into(),
        );
    }
    let product = find(&state, &product_id).await?;
    let (items, total) = state
        .store
        .reviews(&product.id, per_page, (page - 1) * per_page)
        .await?;
    Ok(ReviewPage {
        items,
        total,
        page,
        per_page,
    })
}
