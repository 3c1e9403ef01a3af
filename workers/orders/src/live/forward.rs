//! Sends each status change of a watched order to its watchers' live subjects.
//!
//! Every instance hears every status change (a plain subscription, not a queue group, to the
//! per-order status subjects the outbox relay publishes): a watch lives on the instance that
//! took or last renewed it, whichever instance made the change. Changes of orders nobody
//! watches here are dropped at once. What this instance misses (NATS away, a restart) the
//! watcher catches up with at its next renewal, whose answer is the order as it is then.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use menuskart_kit::CancellationToken;
use menuskart_schemas::orders::{LiveUpdate, OrderEvent};
use menuskart_schemas::subjects::events::orders::STATUS_SUBJECTS;
use menuskart_schemas::subjects::orders::live_subject;

use crate::state::OrdersState;

/// How often ended leases are dropped.
const SWEEP_EVERY: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    #[error("cannot subscribe to order status changes: {0}")]
    Subscribe(#[from] async_nats::SubscribeError),
}

/// Forwards status changes until `stop` is cancelled.
pub async fn run(state: Arc<OrdersState>, stop: CancellationToken) -> Result<(), ForwardError> {
    let client = state.live_client.clone();
    let mut changes = client.subscribe(STATUS_SUBJECTS).await?;
    let mut sweep = tokio::time::interval(SWEEP_EVERY);
    loop {
        tokio::select! {
            () = stop.cancelled() => return Ok(()),
            _ = sweep.tick() => state.watches.sweep(Instant::now()),
            message = changes.next() => {
                let Some(message) = message else { return Ok(()) };
                match serde_json::from_slice::<OrderEvent>(&message.payload) {
                    Ok(event) => forward(&state, &client, event).await,
                    Err(error) => tracing::warn!(%error, subject = %message.subject, "undecodable status change"),
                }
            }
        }
    }
}

async fn forward(state: &OrdersState, client: &async_nats::Client, event: OrderEvent) {
    let watchers = state.watches.watchers(event.order_id, Instant::now());
    if watchers.is_empty() {
        return;
    }
    let order_id = event.order_id;
    let last = event.status.is_final();
    let update = LiveUpdate::Status(event);
    let Ok(payload) = serde_json::to_vec(&update) else {
        return;
    };
    for watch in watchers {
        // At most once: a watcher that misses it catches up at its next renewal.
        if let Err(error) = client
            .publish(live_subject(watch), payload.clone().into())
            .await
        {
            tracing::warn!(%error, %order_id, "cannot send a live status change");
        }
    }
    if last {
        state.watches.forget(order_id);
    }
}
