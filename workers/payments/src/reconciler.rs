//! The reconciler: a payment left `pending` (our call to the provider timed out after it took
//! the money, or the process died mid-call) is asked for again, with the same transaction id as
//! the provider's idempotency key, so the provider answers with what it did the first time and
//! never charges twice. So a lost reply neither loses the money nor blocks the order.
//!
//! Only within the provider's idempotency window (Stripe keeps keys 24 hours): later, asking
//! again could charge anew, so an older pending payment is left to its webhook (which finds it
//! by the transaction id in the provider's metadata) and to the order's own expiry. Safe in
//! every instance at once: settling re-checks the row under a lock, and a repeated provider call
//! is answered from its idempotency key.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::CancellationToken;

use crate::handlers::charge::resume_or_answer;
use crate::state::PaymentsState;
use crate::store::StoreError;

const BATCH: i64 = 50;
/// Within the provider's idempotency window, with a margin.
const IDEMPOTENCY_WINDOW: chrono::Duration = chrono::Duration::hours(23);

/// Reconciles every `every` until `stop`, payments pending for longer than `stale_after`.
pub async fn run(
    state: Arc<PaymentsState>,
    every: Duration,
    stale_after: Duration,
    stop: CancellationToken,
) {
    let stale_after = chrono::Duration::from_std(stale_after).unwrap_or(chrono::Duration::MAX);
    menuskart_kit::periodic::every(every, stop, || async {
        if let Err(error) = reconcile(&state, stale_after).await {
            tracing::warn!(%error, "reconciling payments failed; next round retries");
        }
    })
    .await;
}

async fn reconcile(state: &PaymentsState, stale_after: chrono::Duration) -> Result<(), StoreError> {
    for transaction_id in state
        .store
        .stale_pending(stale_after, IDEMPOTENCY_WINDOW, BATCH)
        .await?
    {
        let Some(stored) = state.store.payment(transaction_id).await? else {
            continue;
        };
        match resume_or_answer(state, stored).await {
            Ok(payment) => {
                tracing::info!(%transaction_id, status = payment.status.as_str(), "pending payment reconciled");
            }
            Err(error) => {
                tracing::info!(%transaction_id, code = ?error.code(), message = error.message(), "pending payment not reconciled yet");
            }
        }
    }
    Ok(())
}
