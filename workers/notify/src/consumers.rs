//! The events that make notifications: durable consumers `notify-orders` (ORDERS) and
//! `notify-payments` (PAYMENTS), explicit ack, bounded redelivery with backoff, then the
//! dead-letter stream (see `menuskart_kit::consumer`).

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_schemas::subjects::events::{orders, payments};

use crate::deliver::{DeliverError, deliver};
use crate::notice::Notice;
use crate::state::NotifyState;

/// A consumer of a whole stream with the notification settings: `notify-orders` on ORDERS,
/// `notify-accounts` on AUTH,
/// `notify-payments` on PAYMENTS.
pub fn subscription(
    stream: menuskart_schemas::subjects::events::Stream,
    durable: &'static str,
    state: &NotifyState,
) -> Subscription {
    Subscription {
        stream,
        durable,
        filter: stream.subjects,
        max_deliver: state.max_deliver,
        backoff: state.backoff,
        max_ack_pending: None,
        concurrency: state.concurrency,
    }
}

pub fn orders(state: &NotifyState) -> Subscription {
    subscription(orders::STREAM, "notify-orders", state)
}

pub fn payments(state: &NotifyState) -> Subscription {
    subscription(payments::STREAM, "notify-payments", state)
}

/// Tells the customer what happened to an order, when that is news to them.
pub async fn on_order_event(
    state: Arc<NotifyState>,
    delivery: Delivery<orders::Event>,
) -> Result<(), DeliverError> {
    match Notice::from_order_event(&delivery.event) {
        Some(notice) => deliver(&state, &notice).await,
        None => Ok(()),
    }
}

/// Tells the customer about a payment (a failure, a refund).
pub async fn on_payment_event(
    state: Arc<NotifyState>,
    delivery: Delivery<payments::Event>,
) -> Result<(), DeliverError> {
    match Notice::from_payment_event(&delivery.event, delivery.stream_sequence) {
        Some(notice) => deliver(&state, &notice).await,
        None => Ok(()),
    }
}

/// Parses `MK_NOTIFY_RETRY_DELAYS_MS` (`1000,5000,30000`); kept for the process's life.
pub fn backoff(spec: &str) -> &'static [Duration] {
    let delays: Vec<Duration> = spec
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .map(Duration::from_millis)
        .collect();
    if delays.is_empty() {
        return consumer::DEFAULT_BACKOFF;
    }
    // Once per process: the consumer configuration lives as long as the worker.
    Box::leak(delays.into_boxed_slice())
}
