//! One endpoint a file: parse, check the caller, apply, publish, reply.

pub mod audit;
pub mod commit;
pub mod get;
pub mod release;
pub mod reserve;
mod settle;
pub mod update;

use menuskart_kit::ReplyError;
use menuskart_kit::events::EventError;
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::inventory::{StockEvent, StockLevel};
use menuskart_schemas::subjects::events::inventory as subjects;

use crate::state::InventoryState;
use crate::store::StoreError;

impl From<StoreError> for ReplyError {
    /// Redis out of reach (down, restarting, the connection lost) is a 503 to retry; anything
    /// else is ours.
    fn from(error: StoreError) -> Self {
        match &error {
            StoreError::Redis(redis)
                if redis.is_io_error()
                    || redis.is_connection_dropped()
                    || redis.is_connection_refusal()
                    || redis.is_timeout() =>
            {
                ReplyError::unavailable("stock store", error)
            }
            _ => ReplyError::internal(error),
        }
    }
}

/// Publishing failed after the change was made: the caller sees an error and retries; the
/// retry finds the change done (every write here is idempotent) and publishes again, and
/// JetStream's de-duplication keeps one copy.
pub(crate) fn event_failed(error: EventError) -> ReplyError {
    tracing::error!(%error, "event not published");
    ReplyError::new(
        menuskart_schemas::ErrorCode::Unavailable,
        "event bus unavailable; retry",
    )
}

/// Publishes a product's current level as `stock_changed` (message id `id`), then `low_stock`
/// if it is at or under the threshold. The catalog mirrors these to filter by stock.
pub(crate) async fn publish_level(
    state: &InventoryState,
    product_id: &ProductId,
    id: &str,
) -> Result<StockLevel, ReplyError> {
    let level = state.store.stock(product_id).await?;
    let event = StockEvent {
        product_id: level.product_id.clone(),
        available: level.available,
        reserved: level.reserved,
        threshold: None,
    };
    state
        .events
        .publish(subjects::STOCK_CHANGED, id, &event)
        .await
        .map_err(event_failed)?;
    check_low_stock(state, &level).await.map_err(event_failed)?;
    Ok(level)
}

/// Publishes the level of every product of `reservation` after event `event` (`reserved`,
/// `released`, `committed`); message ids `<order>:<event>:<product>` make a retry's repeat a
/// duplicate.
pub(crate) async fn publish_reservation_levels(
    state: &InventoryState,
    reservation: &menuskart_schemas::inventory::Reservation,
    event: &str,
) -> Result<(), ReplyError> {
    for line in &reservation.lines {
        let id = format!("{}:{event}:{}", reservation.order_id, line.product_id);
        publish_level(state, &line.product_id, &id).await?;
    }
    Ok(())
}

/// Publishes `low_stock` for a level at or under the threshold.
pub(crate) async fn check_low_stock(
    state: &InventoryState,
    level: &StockLevel,
) -> Result<(), EventError> {
    if level.available > state.low_stock_threshold {
        return Ok(());
    }
    let event = StockEvent {
        product_id: level.product_id.clone(),
        available: level.available,
        reserved: level.reserved,
        threshold: Some(state.low_stock_threshold),
    };
    // One event per product and level: repeats of the same state de-duplicate.
    let id = format!(
        "low_stock:{}:{}:{}",
        level.product_id, level.available, level.reserved
    );
    state.events.publish(subjects::LOW_STOCK, &id, &event).await
}
