//! An order cancelled while its payment went through (an async payment confirmed after the
//! order expired, say) is refunded in full: a durable consumer (`payments-refunds`) of the
//! ORDERS stream's `cancelled` events. Refunding is idempotent in effect: a redelivered event
//! finds nothing left to refund.

use std::sync::Arc;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_schemas::subjects::events::orders;

use crate::refunding::{RefundCause, RefundError, refund};
use crate::state::PaymentsState;
use menuskart_schemas::ids::OrderId;

pub const SUBSCRIPTION: Subscription = Subscription {
    stream: orders::STREAM,
    durable: "payments-refunds",
    filter: orders::CANCELLED.subject,
    max_deliver: 50,
    backoff: consumer::DEFAULT_BACKOFF,
    max_ack_pending: None,
    concurrency: 1,
};

pub async fn handle(
    state: Arc<PaymentsState>,
    delivery: Delivery<orders::Event>,
) -> Result<(), RefundError> {
    match &delivery.event {
        orders::Event::Cancelled(cancelled) => refund_order(&state, cancelled.order_id).await,
        _ => Ok(()),
    }
}

/// Refunds every captured payment of a cancelled order (normally none).
pub async fn refund_order(state: &PaymentsState, order_id: OrderId) -> Result<(), RefundError> {
    for transaction_id in state.store.refundable_of_order(order_id).await? {
        tracing::info!(%order_id, %transaction_id, "refunding a cancelled order's payment");
        let cause = RefundCause {
            reason: "order cancelled",
            requested_by: None,
        };
        match refund(state, transaction_id, None, cause).await {
            Ok(_) | Err(RefundError::NotCaptured(_)) | Err(RefundError::NotPositive) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(())
}
