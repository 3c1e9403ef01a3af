//! `mk.orders.lookup`: any order by id, for a service acting for no signed-in user (notify
//! writing about an order event). NATS grants this subject to those services only, never to
//! the edge, so no customer reaches someone else's order through it.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{Order, OrderRef};

use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(state: Arc<OrdersState>, req: Incoming<OrderRef>) -> Result<Order, ReplyError> {
    let order_id = req.body.order_id;
    match state.store.order(order_id).await? {
        Some(record) if !record.placing => Ok(record.order),
        _ => Err(ReplyError::not_found(format!("no order {order_id}"))),
    }
}
