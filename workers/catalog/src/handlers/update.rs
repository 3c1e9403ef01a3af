//! `mk.catalog.update` (admin): replace (PUT) or patch (PATCH) a product.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{Product, ProductInput, UpdateProduct};

use super::{category_path, slug_taken, written};
use crate::domain::ProductDraft;
use crate::state::CatalogState;

#[tracing::instrument(skip_all, fields(id = %req.body.id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<UpdateProduct>,
) -> Result<Product, ReplyError> {
    let admin = req.caller.require_admin()?;
    let UpdateProduct { id, put, patch } = req.body;
    let current = state
        .store
        .product(&id)
        .await?
        .ok_or_else(|| ReplyError::not_found(format!("no product {id:?}")))?;
    let draft = match (put, patch) {
        // A replacement without a status keeps the product's: a PUT must not publish a draft.
        (Some(input), None) => ProductDraft::parse(
            ProductInput {
                status: input.status.or(Some(current.status)),
                ..input
            },
            state.pricing.currency,
        )?,
        (None, Some(patch)) => current_draft(&current)?.patched(patch, state.pricing.currency)?,
        _ => return Err(ReplyError::validation("give exactly one of put or patch")),
    };
    let path = category_path(&state, "category", &draft.category).await?;
    let mut product = state
        .store
        .replace_product(&current.id, &draft, &path, admin)
        .await
        .map_err(slug_taken)?
        .ok_or_else(|| ReplyError::not_found(format!("no product {id:?}")))?;
    written(&state).await;
    super::pricing::with_tax(&state, std::slice::from_mut(&mut product)).await?;
    tracing::info!(%admin, product_id = %product.id, "product updated");
    Ok(product)
}

/// The stored product as a draft (it was valid when written; in its own currency, so a product
/// of another currency can be patched into the shop's).
fn current_draft(product: &Product) -> Result<ProductDraft, ReplyError> {
    ProductDraft::parse(
        ProductInput {
            name: product.name.clone(),
            slug: Some(product.slug.clone()),
            description: product.description.clone(),
            price: product.price,
            currency: Some(product.currency.to_string()),
            category: product.category.clone(),
            brand: product.brand.clone(),
            attributes: product.attributes.clone(),
            images: product.images.clone(),
            status: Some(product.status),
        },
        product.currency,
    )
    .map_err(|e| {
        ReplyError::internal(format!(
            "stored product {} no longer valid: {e}",
            product.id
        ))
    })
}
