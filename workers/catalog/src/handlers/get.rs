//! `mk.catalog.get`: one product by id or slug, with its current stock.

use std::sync::Arc;

use menuskart_kit::{Caller, Incoming, ReplyError};
use menuskart_schemas::catalog::{Product, ProductRef, ProductStatus};
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::inventory::{StockLevel, StockQuery};
use menuskart_schemas::subjects::inventory;

use crate::state::CatalogState;

/// A product by id or slug, through the cache, without stock.
pub(crate) async fn find(state: &CatalogState, id: &str) -> Result<Product, ReplyError> {
    if id.is_empty() || id.len() > 100 {
        return Err(ReplyError::not_found("no such product"));
    }
    let found = state
        .cache
        .get_or_load(&format!("product:{id}"), async {
            Ok::<_, ReplyError>(state.store.product(id).await?)
        })
        .await?;
    found.ok_or_else(|| ReplyError::not_found(format!("no product {id:?}")))
}

#[tracing::instrument(skip_all, fields(id = %req.body.id))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ProductRef>,
) -> Result<Product, ReplyError> {
    let mut product = find(&state, &req.body.id).await?;
    if !visible_to(&product, &req.caller) {
        return Err(ReplyError::not_found(format!(
            "no product {:?}",
            req.body.id
        )));
    }
    // Stock is always fresh (never cached); without an answer the product shows without it.
    product.stock = stock(&state, &product.id).await;
    super::pricing::with_tax(&state, std::slice::from_mut(&mut product)).await?;
    Ok(product)
}

/// A product `caller` may see, through the cache; any other is "no such product".
pub(crate) async fn find_visible(
    state: &CatalogState,
    id: &str,
    caller: &Caller,
) -> Result<Product, ReplyError> {
    let product = find(state, id).await?;
    if !visible_to(&product, caller) {
        return Err(ReplyError::not_found(format!("no product {id:?}")));
    }
    Ok(product)
}

/// Whether `caller` may see the product: shoppers (and the cart, which asks anonymously) see
/// active products only, as if the others did not exist; admins see every status.
pub(crate) fn visible_to(product: &Product, caller: &Caller) -> bool {
    product.status == ProductStatus::Active || caller.is_admin()
}

/// The product's current stock from the inventory service, if it answers in time.
pub(crate) async fn stock(state: &CatalogState, product_id: &ProductId) -> Option<StockLevel> {
    let query = StockQuery {
        product_id: product_id.clone(),
    };
    state
        .services
        .call(inventory::GET, &Caller::anonymous(), &query)
        .await
        .inspect_err(|error| tracing::warn!(%error, "stock unavailable"))
        .ok()
}
