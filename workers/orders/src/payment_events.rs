//! Payment outcomes move orders (durable consumer `orders-payments` on PAYMENTS): `started`
//! notes a payment under way, which keeps the order from expiring until its verdict
//! ([`crate::store::payments_under_way`]); succeeded -> `paid`. A failed payment only goes into the order's history: the order stays
//! `pending_payment`, its stock reserved, so the shopper can pay with another method until it
//! expires (as a card terminal lets one try another card). A redelivered event finds the order
//! there already and changes nothing; the stock follows from the order's own event
//! ([`crate::stock_settler`]).

use std::sync::Arc;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_schemas::orders::OrderStatus;
use menuskart_schemas::subjects::events::payments;

use crate::state::OrdersState;
use crate::store::{StoreError, TransitionOutcome};

pub const SUBSCRIPTION: Subscription = Subscription {
    stream: payments::STREAM,
    durable: "orders-payments",
    filter: payments::STREAM.subjects,
    max_deliver: 20,
    backoff: consumer::DEFAULT_BACKOFF,
    max_ack_pending: None,
    concurrency: 1,
};

pub async fn handle(
    state: Arc<OrdersState>,
    delivery: Delivery<payments::Event>,
) -> Result<(), StoreError> {
    let (to, reason, event) = match &delivery.event {
        // The order waits for it instead of expiring.
        payments::Event::Started(event) => {
            return state
                .store
                .payment_started(event.order_id, event.transaction_id)
                .await;
        }
        payments::Event::Succeeded(event) => (
            OrderStatus::Paid,
            format!("payment {} succeeded", event.transaction_id),
            event,
        ),
        payments::Event::Failed(event) => {
            let reason = format!(
                "payment {} failed: {}",
                event.transaction_id,
                event.reason.as_deref().unwrap_or("declined")
            );
            // Nothing to publish: the payment service announced the failure itself.
            state.store.note_unpaid(event.order_id, &reason).await?;
            // No longer under way: the order expires when its time is up.
            return state
                .store
                .payment_settled(event.order_id, event.transaction_id)
                .await;
        }
        // Refunds do not move an order; one in full makes it no longer a purchase.
        payments::Event::Refunded(event) => {
            return state
                .store
                .note_refund(event.order_id, event.amount, delivery.stream_sequence)
                .await;
        }
    };
    match state
        .store
        .transition(event.order_id, to, Some(&reason))
        .await?
    {
        TransitionOutcome::Changed(_) => state.written(),
        TransitionOutcome::Already => {}
        TransitionOutcome::NotAllowed(current) => {
            // E.g. paid after the order expired: the payment service refunds such payments
            // (its own rule); the order stays as it is.
            tracing::warn!(order_id = %event.order_id, current = current.as_str(), target = to.as_str(), "payment event does not apply");
        }
        TransitionOutcome::Missing => {
            tracing::warn!(order_id = %event.order_id, "payment event for an unknown order");
        }
    }
    state
        .store
        .payment_settled(event.order_id, event.transaction_id)
        .await
}
