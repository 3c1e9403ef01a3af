//! Settles the stock of orders from their own events (durable consumer `orders-stock` on
//! ORDERS): `paid` commits the reservation, `cancelled` releases it. Because the event is
//! written in the transaction of the status change, the stock is settled even if the process
//! dies right after the commit; both calls are idempotent, so redelivery is harmless.

use std::sync::Arc;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_kit::rpc::RpcError;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::subjects::events::orders;

use crate::state::OrdersState;

pub const SUBSCRIPTION: Subscription = Subscription {
    stream: orders::STREAM,
    durable: "orders-stock",
    filter: orders::STREAM.subjects,
    max_deliver: 50,
    backoff: consumer::DEFAULT_BACKOFF,
    max_ack_pending: None,
    concurrency: 1,
};

pub async fn handle(
    state: Arc<OrdersState>,
    delivery: Delivery<orders::Event>,
) -> Result<(), RpcError> {
    let (order_id, outcome) = match &delivery.event {
        orders::Event::Paid(paid) => (paid.order_id, state.services.commit(paid.order_id).await),
        orders::Event::Cancelled(cancelled) => (
            cancelled.order_id,
            state.services.release(cancelled.order_id).await,
        ),
        _ => return Ok(()),
    };
    match outcome {
        Ok(_) => Ok(()),
        // Nothing held (never reserved, or settled the other way by an operator): nothing to do.
        Err(RpcError::Reply(body))
            if matches!(body.code, ErrorCode::NotFound | ErrorCode::Conflict) =>
        {
            tracing::warn!(%order_id, error = %body.message, "reservation not settled");
            Ok(())
        }
        Err(other) => Err(other),
    }
}
