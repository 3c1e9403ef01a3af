//! `mk.orders.cancel`: the owner (or an admin) cancels an unpaid order; its stock is released
//! when the `cancelled` event is handled ([`crate::stock_settler`]). Cancelling twice is fine.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{Order, OrderRef, OrderStatus};

use super::visible_order;
use crate::state::OrdersState;
use crate::store::TransitionOutcome;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(state: Arc<OrdersState>, req: Incoming<OrderRef>) -> Result<Order, ReplyError> {
    let order = visible_order(&state, &req.caller, req.body.order_id).await?;
    let reason = if req.caller.user_id() == Some(order.user_id) {
        "cancelled by the customer"
    } else {
        "cancelled by an admin"
    };
    match state
        .store
        .transition(order.id, OrderStatus::Cancelled, Some(reason))
        .await?
    {
        TransitionOutcome::Changed(_) => state.written(),
        TransitionOutcome::Already => {}
        TransitionOutcome::NotAllowed(status) => {
            return Err(ReplyError::conflict(format!(
                "the order is {} and can no longer be cancelled",
                status.as_str()
            )));
        }
        TransitionOutcome::Missing => {
            return Err(ReplyError::not_found(format!("no order {}", order.id)));
        }
    }
    visible_order(&state, &req.caller, order.id).await
}
