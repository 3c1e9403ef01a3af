//! One endpoint a file: find whose cart it is, apply, reply with the cart priced now.

pub mod add;
pub mod clear;
pub mod get;
pub mod merge;
pub mod remove;
pub mod set_quantity;

use menuskart_kit::ReplyError;
use menuskart_schemas::cart::Cart;

use crate::domain::{CartOwner, price};
use crate::state::CartState;

/// The cart of `owner` priced from the catalog now (an empty cart for a visitor without one).
/// Lines whose product left the catalog are dropped from the store and reported once.
pub(crate) async fn priced(
    state: &CartState,
    owner: Option<&CartOwner>,
) -> Result<Cart, ReplyError> {
    let Some(owner) = owner else {
        return Ok(price(&[], &[], state.shop));
    };
    let key = owner.key();
    let lines = state.store.lines(&key).await?;
    let ids = lines.iter().map(|l| l.product_id.clone()).collect();
    let products = state.catalog.products(ids).await?;
    let mut cart = price(&lines, &products, state.shop);
    if !cart.removed_products.is_empty() {
        state
            .store
            .delete_products(&key, &cart.removed_products)
            .await?;
    }
    cart.cart_token = owner.token();
    Ok(cart)
}

/// A line that is not in this cart (or a visitor without a cart).
pub(crate) fn no_such_item(item_id: &str) -> ReplyError {
    ReplyError::not_found(format!("no item {item_id:?} in the cart"))
}
