//! `mk.orders.get`: one order with its status history (owner or admin).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{Order, OrderRef};

use super::visible_order;
use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(state: Arc<OrdersState>, req: Incoming<OrderRef>) -> Result<Order, ReplyError> {
    visible_order(&state, &req.caller, req.body.order_id).await
}
