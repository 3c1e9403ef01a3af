//! `mk.cart.set_quantity`: a line's quantity (0 removes the line); more than the stock is 409.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartSetQuantity};

use super::{no_such_item, priced};
use crate::domain::CartOwner;
use crate::state::CartState;

#[tracing::instrument(skip_all, fields(item_id = %req.body.item_id))]
pub async fn handle(
    state: Arc<CartState>,
    req: Incoming<CartSetQuantity>,
) -> Result<Cart, ReplyError> {
    let CartSetQuantity {
        cart,
        item_id,
        quantity,
    } = req.body;
    state.limits.check_set(quantity)?;
    let owner = CartOwner::resolve(&req.caller, cart.cart_token.as_deref())?
        .ok_or_else(|| no_such_item(&item_id))?;
    let key = owner.key();
    if quantity == 0 {
        if !state.store.delete_line(&key, &item_id).await? {
            return Err(no_such_item(&item_id));
        }
        return priced(&state, Some(&owner)).await;
    }
    let lines = state.store.lines(&key).await?;
    let line = lines
        .iter()
        .find(|l| l.item_id == item_id)
        .ok_or_else(|| no_such_item(&item_id))?;
    if quantity > line.quantity {
        let product = state.catalog.product(&line.product_id).await?;
        if let Some(stock) = product.stock
            && quantity > stock.available
        {
            return Err(ReplyError::conflict(format!(
                "only {} of \"{}\" in stock",
                stock.available, product.name
            ))
            .with_details(serde_json::json!({
                "product_id": line.product_id, "requested": quantity, "available": stock.available
            })));
        }
    }
    if !state
        .store
        .update_quantity(&key, &item_id, None, quantity)
        .await?
    {
        return Err(no_such_item(&item_id));
    }
    priced(&state, Some(&owner)).await
}
