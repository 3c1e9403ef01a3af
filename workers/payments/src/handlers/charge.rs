//! `mk.payments.charge`: pay an order's frozen total with a provider token.
//!
//! 1. With an `Idempotency-Key` the transaction id is derived from it: a payment that exists is
//!    answered as it stands (a decline again as 402), one left `pending` by a crash is resumed.
//! 2. The order is read from the order service as the caller (the owner check is the order
//!    service's); it must be `pending_payment`. The amount is the order's total, never the
//!    client's.
//! 3. A `pending` row is written, with a `started` event that keeps the order from expiring
//!    while the payment is under way; one live payment per order is a unique index, so a second
//!    payment of a paid (or being paid) order is 409.
//! 4. The provider is called with the transaction id as its idempotency key, and its verdict
//!    settled with the event in the outbox. Only a verdict, or a refusal that says the provider
//!    did nothing, closes the payment: with an unknown outcome (no answer, a 5xx, a 409 while
//!    another call with the key is still running) it stays `pending` for the webhook, the
//!    client's retry or the reconciler, so a capture is never recorded as a failure.
//! 5. The order is read again: if it was cancelled while the provider worked (it expired, or its
//!    owner cancelled it), the money taken goes back at once, on record, and the answer is 409.
//!    A payment resumed after its order was cancelled (a client's retry, the reconciler) is
//!    still asked of the provider, since an earlier call may have taken the money unseen, and
//!    then refunded the same way: it never pays a cancelled order, and no money stays taken.

use std::sync::Arc;

use menuskart_kit::{IdempotencyKey, Incoming, ReplyError};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::orders::OrderStatus;
use menuskart_schemas::payments::{ChargeRequest, Payment, PaymentMethod, PaymentStatus};
use uuid::Uuid;

use crate::provider::{ChargeIntent, ChargeOutcome, ProviderError};
use crate::state::PaymentsState;
use crate::store::payments::InsertConflict;
use crate::store::{NewPayment, Settlement, StoredPayment};

/// The namespace of transaction ids derived from idempotency keys (a fixed random UUID).
const TRANSACTION_IDS: Uuid = Uuid::from_u128(0x8e2c_41d7_3b9a_4c55_a1f0_6d2e_9b7c_0a14);

#[tracing::instrument(skip_all, fields(order_id = %req.body.pay.order_id, transaction_id))]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<ChargeRequest>,
) -> Result<Payment, ReplyError> {
    let user_id = req.caller.require_user()?;
    let (key, transaction_id) = IdempotencyKey::resolve(
        req.body.idempotency_key.as_deref(),
        &TRANSACTION_IDS,
        user_id,
    )?;
    tracing::Span::current().record("transaction_id", tracing::field::display(transaction_id));

    if let Some(existing) = state.store.payment(transaction_id).await? {
        return resume_or_answer(&state, existing).await;
    }
    let order = state
        .orders
        .order(&req.caller, req.body.pay.order_id)
        .await?;
    match order.status {
        OrderStatus::PendingPayment => {}
        OrderStatus::Cancelled => return Err(ReplyError::conflict("the order is cancelled")),
        _ => return Err(ReplyError::conflict("the order is paid already")),
    }
    // Orders are placed with something to pay; one from before that rule cannot be charged.
    if order.totals.total.minor_units() <= 0 {
        return Err(ReplyError::conflict("the order has nothing to pay"));
    }
    let new = NewPayment {
        transaction_id,
        order_id: order.id,
        user_id,
        idempotency_key: key.as_ref().map(IdempotencyKey::as_str),
        amount: order.totals.total,
        currency: order.totals.currency.as_str(),
        provider: state.provider.name(),
        payment_method: req.body.pay.payment_method.as_str(),
    };
    match state.store.insert_pending(&new).await? {
        Ok(()) => state.written(),
        Err(InsertConflict::OrderHasPayment) => {
            return Err(ReplyError::conflict(
                "the order is paid already, or a payment for it is under way",
            ));
        }
        // The same key raced us: answer as that request does.
        Err(InsertConflict::SameTransaction) => {
            let existing = state.store.payment(transaction_id).await?.ok_or_else(|| {
                ReplyError::conflict("a payment with this Idempotency-Key is under way; retry")
            })?;
            return answer(existing.payment);
        }
    }
    let pending = state
        .store
        .payment(transaction_id)
        .await?
        .ok_or_else(|| ReplyError::internal(format!("payment {transaction_id} vanished")))?;
    resume_or_answer(&state, pending).await
}

/// A `pending` payment goes to the provider (again: the same idempotency key makes a repeat
/// harmless); any other is answered as it stands.
pub(crate) async fn resume_or_answer(
    state: &PaymentsState,
    stored: StoredPayment,
) -> Result<Payment, ReplyError> {
    if stored.payment.status != PaymentStatus::Pending {
        return answer(stored.payment);
    }
    let method = PaymentMethod::try_from(stored.payment_method.clone())
        .map_err(|e| ReplyError::internal(format!("stored payment method: {e}")))?;
    let payment = &stored.payment;
    let intent = ChargeIntent {
        transaction_id: payment.transaction_id,
        order_id: payment.order_id,
        amount: payment.amount,
        currency: payment.currency,
        payment_method: &method,
    };
    let settlement = match state.provider.charge(&intent).await {
        Ok(ChargeOutcome::Succeeded { reference }) => Settlement::Succeeded { reference },
        Ok(ChargeOutcome::Processing {
            reference,
            next_action,
        }) => Settlement::Processing {
            reference,
            next_action,
        },
        Ok(ChargeOutcome::Declined { reference, reason }) => {
            Settlement::Failed { reference, reason }
        }
        // Refused as malformed: the provider did nothing, the payment failed (the order may be
        // paid another way).
        Err(ProviderError::Invalid(message)) => {
            state
                .store
                .settle(
                    payment.transaction_id,
                    &Settlement::Failed {
                        reference: None,
                        reason: "invalid_payment_method".into(),
                    },
                    None,
                )
                .await?;
            state.written();
            return Err(ReplyError::invalid_field("payment_method", message));
        }
        // Another call with this key (the client's first attempt, another reconciler) is still
        // at the provider and decides the outcome: the payment stays open, and is answered as
        // it stands (`pending`), to be followed like a bank payment.
        Err(ProviderError::KeyInUse(message)) => {
            tracing::info!(%message, "the provider is still working on this payment");
            let current = state.store.payment(payment.transaction_id).await?;
            return answer(current.map_or_else(|| stored.payment.clone(), |c| c.payment));
        }
        // Unknown outcome (unavailable, cut off) or our credentials refused: stays pending; the
        // client's retry with the same key, the webhook or the reconciler settle it.
        Err(other) => return Err(other.into()),
    };
    let (settled, _) = state
        .store
        .settle(payment.transaction_id, &settlement, None)
        .await?
        .ok_or_else(|| {
            ReplyError::internal(format!("payment {} vanished", payment.transaction_id))
        })?;
    state.written();
    if settled.payment.status == PaymentStatus::Succeeded {
        refund_if_order_cancelled(state, &settled.payment).await?;
    }
    answer(settled.payment)
}

/// After a capture: the order may have been cancelled while the provider worked. Then the
/// payment is refunded now, and the caller told. (A cancellation after this read is the refund
/// consumer's: the payment is already `succeeded` when its `cancelled` event comes.)
async fn refund_if_order_cancelled(
    state: &PaymentsState,
    payment: &Payment,
) -> Result<(), ReplyError> {
    let order = match state.orders.lookup(payment.order_id).await {
        Ok(order) => order,
        Err(error) => {
            tracing::warn!(%error, "order not re-read after the capture; the refund consumer covers a cancellation");
            return Ok(());
        }
    };
    if order.status != OrderStatus::Cancelled {
        return Ok(());
    }
    tracing::info!(order_id = %order.id, transaction_id = %payment.transaction_id, "captured for a cancelled order: refunding");
    crate::refund_on_cancel::refund_order(state, order.id).await?;
    state.written();
    Err(ReplyError::conflict(
        "the order was cancelled while it was being paid; the payment was refunded",
    )
    .with_details(serde_json::json!({
        "transaction_id": payment.transaction_id,
        "order_id": payment.order_id,
        "refunded": payment.amount,
    })))
}

/// A declined payment is 402 with the provider's reason; anything else is the payment.
fn answer(payment: Payment) -> Result<Payment, ReplyError> {
    if payment.status == PaymentStatus::Failed {
        let reason = payment
            .failure_reason
            .clone()
            .unwrap_or_else(|| "declined".into());
        return Err(ReplyError::new(
            ErrorCode::PaymentDeclined,
            format!("the payment was declined: {reason}"),
        )
        .with_details(serde_json::json!({
            "transaction_id": payment.transaction_id,
            "order_id": payment.order_id,
            "reason": reason,
            "amount": payment.amount,
            "currency": payment.currency,
        })));
    }
    Ok(payment)
}
