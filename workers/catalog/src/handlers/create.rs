//! `mk.catalog.create` (admin): add a product.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{CreateProduct, Product};
use menuskart_schemas::ids::ProductId;

use super::{category_path, slug_taken, written};
use crate::domain::ProductDraft;
use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<CreateProduct>,
) -> Result<Product, ReplyError> {
    let admin = req.caller.require_admin()?;
    let draft = ProductDraft::parse(req.body.product, state.pricing.currency)?;
    let path = category_path(&state, "category", &draft.category).await?;
    let pid = ProductId::new();
    let mut product = state
        .store
        .create_product(&pid, &draft, &path)
        .await
        .map_err(slug_taken)?;
    written(&state).await;
    // Later stock changes arrive as events; stock set before the product existed would not.
    if let Some(level) = super::get::stock(&state, &product.id).await {
        state
            .store
            .set_available(&product.id, level.available, 0)
            .await?;
    }
    super::pricing::with_tax(&state, std::slice::from_mut(&mut product)).await?;
    tracing::info!(%admin, product_id = %product.id, slug = %product.slug, "product created");
    Ok(product)
}
