//! `mk.orders.set_status` (admin): a paid order moves on to `fulfilled` or `shipped`.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{Order, OrderStatus, SetStatusRequest};

use super::visible_order;
use crate::state::OrdersState;
use crate::store::TransitionOutcome;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id, status = req.body.status.as_str()))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<SetStatusRequest>,
) -> Result<Order, ReplyError> {
    req.caller.require_admin()?;
    let SetStatusRequest { order_id, status } = req.body;
    if !matches!(status, OrderStatus::Fulfilled | OrderStatus::Shipped) {
        return Err(ReplyError::invalid_field(
            "status",
            "an admin may set `fulfilled` or `shipped`; payment and cancellation have their own ways",
        ));
    }
    match state.store.transition(order_id, status, None).await? {
        TransitionOutcome::Changed(_) => state.written(),
        TransitionOutcome::Already => {}
        TransitionOutcome::NotAllowed(current) => {
            return Err(ReplyError::conflict(format!(
                "the order is {} and cannot become {}",
                current.as_str(),
                status.as_str()
            )));
        }
        TransitionOutcome::Missing => {
            return Err(ReplyError::not_found(format!("no order {order_id}")));
        }
    }
    visible_order(&state, &req.caller, order_id).await
}
