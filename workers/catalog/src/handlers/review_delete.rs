//! `mk.catalog.review_delete`: the shop's admin removes a review (spam, abuse), or its author
//! takes it back. The product's rating follows.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::ReviewRef;

use super::get::find;
use super::written;
use crate::state::CatalogState;

#[tracing::instrument(skip_all, fields(product = %req.body.product_id, review = %req.body.review_id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ReviewRef>,
) -> Result<Empty, ReplyError> {
    let user = req.caller.require_user()?;
    let ReviewRef {
        product_id,
        review_id,
    } = req.body;
    let product = find(&state, &product_id).await?;
    let no_such_review =
        || ReplyError::not_found(format!("no review {review_id:?} of this product"));
    let author = state
        .store
        .review_author(&product.id, &review_id)
        .await?
        .ok_or_else(no_such_review)?;
    if author != user.to_string() && !req.caller.is_admin() {
        return Err(ReplyError::forbidden(
            "only the shop's admins and its author may remove a review",
        ));
    }
    if !state.store.delete_review(&product.id, &review_id).await? {
        return Err(no_such_review());
    }
    written(&state).await;
    tracing::info!(%user, product_id = %product.id, review_id, "review removed");
    Ok(Empty {})
}
