//! Keeps each product's `available` in step with the inventory service, from its
//! `mk.evt.inventory.stock_changed` events (durable consumer `catalog-stock`), so listings can
//! filter on stock without asking inventory about every product. Eventually consistent by
//! design: product details ask inventory directly.

use std::sync::Arc;

use menuskart_kit::consumer::{self, ConsumerError, Delivery, Subscription};
use menuskart_schemas::inventory::StockEvent;
use menuskart_schemas::subjects::events::inventory;

use crate::state::CatalogState;

pub const SUBSCRIPTION: Subscription = Subscription {
    stream: inventory::STREAM,
    durable: "catalog-stock",
    filter: inventory::STOCK_CHANGED,
    max_deliver: 10,
    backoff: consumer::DEFAULT_BACKOFF,
    max_ack_pending: None,
    concurrency: 1,
};

/// Runs until the task is dropped.
pub async fn run(state: Arc<CatalogState>) -> Result<(), ConsumerError> {
    consumer::run(
        state.nats.clone(),
        SUBSCRIPTION,
        move |delivery: Delivery<StockEvent>| {
            let state = state.clone();
            async move {
                state
                    .store
                    .set_available(
                        &delivery.event.product_id,
                        delivery.event.available,
                        delivery.stream_sequence,
                    )
                    .await
            }
        },
    )
    .await
}
