//! Keeps each product's `available` in step with the inventory service, from its
//! `mk.evt.inventory.stock_changed` events (durable consumer `catalog-stock`), so listings can
//! filter on stock and show it without asking inventory about every product. Eventually
//! consistent by design: product details ask inventory directly.
//!
//! Cached listings carry `available` too. A stock change empties the cache only when it changes
//! what a listing shows ([`StockShown`]): a busy shop's orders would otherwise empty it with every
//! sale.

use std::sync::Arc;

use menuskart_kit::consumer::{self, Delivery, Subscription};
use menuskart_schemas::subjects::events::inventory;

use crate::domain::StockShown;
use crate::handlers::written;
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
    let before = state
        .store
        .set_available(&stock.product_id, stock.available, delivery.stream_sequence)
        .await?;
    if before.is_some_and(|before| StockShown::of(before) != StockShown::of(stock.available)) {
        written(&state).await;
    }
    Ok(())
}
