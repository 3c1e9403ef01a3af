//! `mk.catalog.delete` (admin): remove a product.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::ProductRef;

use super::written;
use crate::state::CatalogState;

#[tracing::instrument(skip_all, fields(id = %req.body.id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ProductRef>,
) -> Result<Empty, ReplyError> {
    let admin = req.caller.require_admin()?;
    let id = req.body.id;
    let product = state
        .store
        .product(&id)
        .await?
        .ok_or_else(|| ReplyError::not_found(format!("no product {id:?}")))?;
    if !state.store.delete_product(&product.id).await? {
        return Err(ReplyError::not_found(format!("no product {id:?}")));
    }
    written(&state).await;
    tracing::info!(%admin, product_id = %product.id, "product deleted");
    Ok(Empty {})
}
