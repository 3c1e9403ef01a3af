//! `mk.inventory.get`: a product's stock; anyone may ask.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::inventory::{StockLevel, StockQuery};

use crate::domain::ProductId;
use crate::state::InventoryState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<StockQuery>,
) -> Result<StockLevel, ReplyError> {
    let product_id = ProductId::parse(&req.body.product_id)?;
    Ok(state.store.stock(&product_id).await?)
}
