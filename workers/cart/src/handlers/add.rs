//! `mk.cart.add`: a product into the cart, or more of it. A visitor without a cart gets one
//! (and its token in the answer).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::cart::{Cart, CartAdd};

use super::priced;
use crate::domain::{CartOwner, CartToken, StoredLine};
use crate::state::CartState;
use crate::store::StoreError;
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::money::Currency;

/// Concurrent writes to one line are retried this often before the client is told.
const ATTEMPTS: usize = 3;

#[tracing::instrument(skip_all, fields(product_id = %req.body.item.product_id))]
pub async fn handle(state: Arc<CartState>, req: Incoming<CartAdd>) -> Result<Cart, ReplyError> {
    let quantity = req.body.item.quantity;
    state.limits.check_added(quantity)?;
    let owner = CartOwner::resolve(&req.caller, req.body.cart.cart_token.as_deref())?
        .unwrap_or_else(|| CartOwner::Visitor(CartToken::mint()));
    // Unknown products are the catalog's 404, passed on.
    let product = state.catalog.product(&req.body.item.product_id).await?;
    let available = product.stock.as_ref().map(|s| s.available);
    if available.is_none() {
        // The reservation at checkout is the real guard; a cart need not fail without stock news.
        tracing::warn!(product_id = %product.id, "stock unknown; added without a stock check");
    }
    let addition = Addition {
        product_id: &product.id,
        name: &product.name,
        currency: product.currency,
        quantity,
        available,
    };
    add_units(&state, &owner.key(), &addition).await?;
    priced(&state, Some(&owner)).await
}

/// Units of one product going into a cart.
pub(crate) struct Addition<'a> {
    pub product_id: &'a ProductId,
    /// The product's name, for messages a shopper reads.
    pub name: &'a str,
    pub currency: Currency,
    pub quantity: i64,
    /// The product's available stock, when known: the line may not exceed it.
    pub available: Option<i64>,
}

/// Adds to the line of the product (creating it), checking the cart's currency, the line and
/// cart limits and the stock. Optimistic: a concurrent change to the same line is retried.
pub(crate) async fn add_units(
    state: &CartState,
    cart: &str,
    addition: &Addition<'_>,
) -> Result<(), ReplyError> {
    for _ in 0..ATTEMPTS {
        let lines = state.store.lines(cart).await?;
        let existing = check(state, &lines, addition)?;
        let written = match existing {
            Some(line) => {
                state
                    .store
                    .update_quantity(
                        cart,
                        &line.item_id,
                        Some(line.quantity),
                        line.quantity + addition.quantity,
                    )
                    .await?
            }
            None => match state
                .store
                .insert_line(
                    cart,
                    addition.product_id,
                    addition.quantity,
                    addition.currency,
                )
                .await
            {
                Ok(()) => true,
                Err(StoreError::Duplicate) => false,
                Err(other) => return Err(other.into()),
            },
        };
        if written {
            return Ok(());
        }
    }
    Err(ReplyError::conflict(
        "the cart changed while adding; please try again",
    ))
}

/// The rules for adding to a cart as its lines stand; the product's current line, if any.
fn check<'l>(
    state: &CartState,
    lines: &'l [StoredLine],
    addition: &Addition<'_>,
) -> Result<Option<&'l StoredLine>, ReplyError> {
    if let Some(line) = lines.iter().find(|l| l.currency != addition.currency) {
        return Err(ReplyError::conflict(format!(
            "the cart is in {}; this product is priced in {}",
            line.currency, addition.currency
        )));
    }
    let existing = lines.iter().find(|l| &l.product_id == addition.product_id);
    let total = existing.map_or(0, |l| l.quantity) + addition.quantity;
    state.limits.check_line_total(total)?;
    if existing.is_none() && lines.len() >= state.limits.max_lines {
        return Err(ReplyError::invalid_field(
            "product_id",
            format!("a cart holds at most {} products", state.limits.max_lines),
        ));
    }
    if let Some(available) = addition.available
        && total > available
    {
        return Err(ReplyError::conflict(format!(
            "only {available} of \"{}\" in stock ({total} wanted)",
            addition.name
        ))
        .with_details(serde_json::json!({
            "product_id": addition.product_id, "requested": total, "available": available
        })));
    }
    Ok(existing)
}
