//! `mk.orders.watch`: follow one order's status (owner or admin); see [`crate::live`].

use std::sync::Arc;
use std::time::Instant;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{Order, WatchRequest};

use super::visible_order;
use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<WatchRequest>,
) -> Result<Order, ReplyError> {
    let WatchRequest { order_id, watch_id } = req.body;
    let seen = visible_order(&state, &req.caller, order_id).await?;
    if seen.status.is_final() {
        return Ok(seen);
    }
    state
        .watches
        .lease(order_id, watch_id, &req.caller, Instant::now())?;
    // Read again now that the lease is held: a change made between the first read and the
    // lease is in this answer, and any later one is forwarded.
    visible_order(&state, &req.caller, order_id).await
}
