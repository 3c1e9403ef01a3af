//! `mk.cart.get`: the cart, priced now.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartRef};

use super::priced;
use crate::domain::CartOwner;
use crate::state::CartState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<CartState>, req: Incoming<CartRef>) -> Result<Cart, ReplyError> {
    let owner = CartOwner::resolve(&req.caller, req.body.cart_token.as_deref())?;
    priced(&state, owner.as_ref()).await
}
