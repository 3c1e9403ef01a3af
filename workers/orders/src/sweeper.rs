//! Periodic clean-up, safe to run in every instance at once (each change re-checks the order's
//! status under a row lock):
//! - unpaid orders past their deadline are cancelled (reason `expired`), unless a payment of
//!   theirs is under way (see [`crate::store::payments_under_way`]); the stock follows from the
//!   `cancelled` event;
//! - placements abandoned half-way (a crash between writing and confirming) have their
//!   reservation released and are removed.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::CancellationToken;

use menuskart_kit::rpc::RpcError;
use menuskart_schemas::ErrorCode;

use crate::state::OrdersState;
use crate::store::StoreError;

const BATCH: i64 = 100;
/// A placement not confirmed after this long is abandoned (a request takes seconds at most).
const ABANDONED_AFTER: chrono::Duration = chrono::Duration::seconds(120);

/// Sweeps every `every` until `stop` is cancelled; a round in progress is finished first.
pub async fn run(state: Arc<OrdersState>, every: Duration, stop: CancellationToken) {
    menuskart_kit::periodic::every(every, stop, || async {
        if let Err(error) = expire(&state).await {
            tracing::warn!(%error, "expiring orders failed; next round retries");
        }
        if let Err(error) = give_up_abandoned(&state).await {
            tracing::warn!(%error, "cleaning up placements failed; next round retries");
        }
    })
    .await;
}

async fn expire(state: &OrdersState) -> Result<(), StoreError> {
    let wait_max = state.payment_wait_max;
    for order_id in state.store.expired_orders(wait_max, BATCH).await? {
        if state.store.expire(order_id, wait_max).await? {
            tracing::info!(%order_id, "unpaid order expired");
            state.written();
        }
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
enum SweepError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("inventory: {0}")]
    Inventory(#[from] RpcError),
}

async fn give_up_abandoned(state: &OrdersState) -> Result<(), SweepError> {
    for order_id in state
        .store
        .abandoned_placements(ABANDONED_AFTER, BATCH)
        .await?
    {
        match state.services.release(order_id).await {
            Ok(_) => {}
            Err(RpcError::Reply(body)) if body.code == ErrorCode::NotFound => {}
            Err(other) => return Err(other.into()),
        }
        state.store.delete_placing(order_id).await?;
        tracing::info!(%order_id, "abandoned placement given up");
    }
    Ok(())
}
