//! `mk.orders.purchased`: whether the caller bought a product (the catalog asks with a
//! reviewer's own token, to mark the review as a verified buyer's). The caller only learns
//! about themselves.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{PurchaseQuestion, Purchased};

use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(product = %req.body.product_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<PurchaseQuestion>,
) -> Result<Purchased, ReplyError> {
    let user = req.caller.require_user()?;
    let purchased = state.store.purchased(user, &req.body.product_id).await?;
    Ok(Purchased { purchased })
}
