//! `mk.cart.merge`: at login, the visitor's cart moves into the user's. Quantities of a product
//! in both add up (capped at the line limit); a line in another currency than the user's cart,
//! or past the cart's line limit, stays behind rather than failing the login.

use std::collections::HashMap;
use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartMerge};
use menuskart_schemas::ids::ProductId;

use super::add::{Addition, add_units};
use super::priced;
use crate::domain::{CartOwner, CartToken};
use crate::state::CartState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<CartState>, req: Incoming<CartMerge>) -> Result<Cart, ReplyError> {
    let user = CartOwner::User(req.caller.require_user()?);
    let visitor = CartOwner::Visitor(CartToken::parse(&req.body.cart_token)?);
    let (user_key, visitor_key) = (user.key(), visitor.key());
    // The user's quantities, read once (a visitor's cart has one line per product).
    let already: HashMap<ProductId, i64> = state
        .store
        .lines(&user_key)
        .await?
        .into_iter()
        .map(|l| (l.product_id, l.quantity))
        .collect();
    for line in state.store.lines(&visitor_key).await? {
        let room = state.limits.max_quantity - already.get(&line.product_id).copied().unwrap_or(0);
        let addition = Addition {
            product_id: &line.product_id,
            // Merging checks no stock, so never says a name.
            name: line.product_id.as_str(),
            currency: line.currency,
            quantity: line.quantity.min(room),
            available: None,
        };
        if addition.quantity <= 0 {
            continue;
        }
        if let Err(error) = add_units(&state, &user_key, &addition).await {
            tracing::info!(%error, product_id = %line.product_id, "visitor line not merged");
        }
    }
    state.store.clear(&visitor_key).await?;
    priced(&state, Some(&user)).await
}
