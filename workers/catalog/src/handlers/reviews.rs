//! `mk.catalog.reviews`: a product's reviews, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{ListReviews, ReviewPage};

use super::get::find_visible;
use crate::state::CatalogState;

#[tracing::instrument(skip_all, fields(product = %req.body.product_id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ListReviews>,
) -> Result<ReviewPage, ReplyError> {
    let ListReviews { product_id, paging } = req.body;
    let window = paging.window()?;
    let product = find_visible(&state, &product_id, &req.caller).await?;
    let (items, total) = state
        .store
        .reviews(&product.id, window.limit, window.offset)
        .await?;
    Ok(ReviewPage {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    })
}
