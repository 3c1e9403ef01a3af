//! `mk.orders.awaiting_payment`: whether an order waits for its customer to pay (unpaid, and
//! no payment under way, such as a bank debit being confirmed), for notify's "waiting for
//! payment" reminder. NATS grants it to services only, never to the edge.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{AwaitingPayment, OrderRef};

use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrderRef>,
) -> Result<AwaitingPayment, ReplyError> {
    let order_id = req.body.order_id;
    match state.store.awaiting_payment(order_id).await? {
        Some(awaiting_payment) => Ok(AwaitingPayment { awaiting_payment }),
        None => Err(ReplyError::not_found(format!("no order {order_id}"))),
    }
}
