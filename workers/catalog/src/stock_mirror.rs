//! Keeps each product's `available` in step with the inventory service, from its
//! `mk.evt.inventory.stock_changed` events (durable consumer `catalog-stock`), so listings can
//! filter on stock without asking inventory about every product. Eventually consistent by
//! design: product details ask inventory directly.

use std::sync::Arc;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_schemas::subjects::events::inventory;

use crate::state::CatalogState;
use crate::store::StoreError;

pub const SUBSCRIPTION: Subscription = Subscription {
    stream: inventory::STREAM,
    durable: "catalog-stock",
    filter: inventory::STOCK_CHANGED.subject,
    max_deliver: 10,
    backoff: consumer::DEFAULT_BACKOFF,
    max_ack_pending: None,
    concurrency: 1,
};

/// Mirrors one stock change; an older one than what the product holds changes nothing.
pub async fn handle(
    state: Arc<CatalogState>,
    delivery: Delivery<inventory::Event>,
) -> Result<(), StoreError> {
    let inventory::Event::StockChanged(stock) = &delivery.event else {
        return Ok(());
    };
    state
        .store
        .set_available(&stock.product_id, stock.available, delivery.stream_sequence)
        .await
}
