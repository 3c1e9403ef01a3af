//! `mk.cart.clear`: empties the cart (also what the order service does once a cart is placed).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartRef};

use super::priced;
use crate::domain::CartOwner;
use crate::state::CartState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<CartState>, req: Incoming<CartRef>) -> Result<Cart, ReplyError> {
    let owner = CartOwner::resolve(&req.caller, req.body.cart_token.as_deref())?;
    if let Some(owner) = &owner {
        state.store.clear(&owner.key()).await?;
    }
    priced(&state, owner.as_ref()).await
}
