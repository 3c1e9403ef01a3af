//! `mk.cart.remove`: a line out of the cart.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartRemove};

use super::{no_such_item, priced};
use crate::domain::CartOwner;
use crate::state::CartState;

#[tracing::instrument(skip_all, fields(item_id = %req.body.item_id))]
pub async fn handle(state: Arc<CartState>, req: Incoming<CartRemove>) -> Result<Cart, ReplyError> {
    let item_id = &req.body.item_id;
    let owner = CartOwner::resolve(&req.caller, req.body.cart.cart_token.as_deref())?
        .ok_or_else(|| no_such_item(item_id))?;
    if !state.store.delete_line(&owner.key(), item_id).await? {
        return Err(no_such_item(item_id));
    }
    priced(&state, Some(&owner)).await
}
