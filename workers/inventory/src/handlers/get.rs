//! `mk.inventory.get`: a product's stock; anyone may ask.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::inventory::{StockLevel, StockQuery};

use crate::state::InventoryState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<StockQuery>,
) -> Result<StockLevel, ReplyError> {
    Ok(state.store.stock(&req.body.product_id).await?)
}
