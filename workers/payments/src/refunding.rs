//! Refunding a payment, for an admin's request and for an order cancelled after it was paid.

use menuskart_kit::ReplyError;
use menuskart_schemas::payments::{Payment, PaymentStatus};
use uuid::Uuid;

use crate::provider::ProviderError;
use crate::state::PaymentsState;
pub use crate::store::RefundCause;
use crate::store::{Decision, StoreError};
use menuskart_schemas::ids::TransactionId;
use menuskart_schemas::money::Amount;

#[derive(Debug, thiserror::Error)]
pub enum RefundError {
    #[error("no payment {0}")]
    NotFound(TransactionId),
    #[error("the payment is {0}; only captured payments are refunded")]
    NotCaptured(&'static str),
    #[error("a refund must be a positive amount")]
    NotPositive,
    #[error("{requested} is more than the {remaining} left to refund")]
    TooMuch {
        requested: Amount,
        remaining: Amount,
    },
    #[error("a refund of {pending} is under way; retry it (the same amount) to complete it")]
    OtherPending { pending: Amount },
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl menuskart_kit::consumer::HandlerError for RefundError {}

impl From<RefundError> for ReplyError {
    fn from(error: RefundError) -> Self {
        match error {
            RefundError::NotFound(_) => ReplyError::not_found(error.to_string()),
            RefundError::NotCaptured(_) => ReplyError::conflict(error.to_string()),
            RefundError::NotPositive => ReplyError::invalid_field("amount", error.to_string()),
            RefundError::TooMuch {
                requested,
                remaining,
            } => ReplyError::conflict(error.to_string())
                .with_details(serde_json::json!({"requested": requested, "remaining": remaining})),
            RefundError::OtherPending { pending } => ReplyError::conflict(error.to_string())
                .with_details(serde_json::json!({"pending": pending})),
            RefundError::Provider(provider) => provider.into(),
            RefundError::Store(store) => store.into(),
        }
    }
}

/// Refunds `amount` (all that is left when `None`) of a captured payment. A refund left
/// pending by a provider timeout is resumed first, under its own id, so the provider refunds it
/// once (see `store::refunds`); a request for another amount meanwhile is a conflict.
pub async fn refund(
    state: &PaymentsState,
    transaction_id: TransactionId,
    amount: Option<Amount>,
    cause: RefundCause<'_>,
) -> Result<Payment, RefundError> {
    let (stored, pending) = state
        .store
        .begin_refund(transaction_id, cause, |stored, left| {
            decide(&stored.payment, left, amount)
        })
        .await?
        .ok_or(RefundError::NotFound(transaction_id))?;
    // Checked by `decide` before the refund was written.
    let reference = stored
        .payment
        .provider_reference
        .clone()
        .ok_or(RefundError::NotCaptured("without a provider reference"))?;
    if pending.resumed {
        tracing::info!(refund_id = %pending.refund_id, "resuming a refund left pending");
    }
    match state
        .provider
        .refund(&reference, pending.amount, pending.refund_id)
        .await
    {
        Ok(receipt) => {
            state
                .store
                .complete_refund(transaction_id, pending.refund_id, &receipt.reference)
                .await?;
            state.written();
        }
        // The provider did nothing: the refund no longer holds the payment's place.
        Err(refused) if refused.nothing_happened() => {
            state.store.fail_refund(pending.refund_id).await?;
            return Err(refused.into());
        }
        // Unknown whether the provider refunded (no answer, or another attempt with this
        // refund's id still at the provider): the refund stays pending, and the next attempt
        // asks again under the same id.
        Err(unknown) => return Err(unknown.into()),
    }
    let refunded = state
        .store
        .payment(transaction_id)
        .await?
        .ok_or(RefundError::NotFound(transaction_id))?;
    Ok(refunded.payment)
}

/// Under the payment's lock, before anything is written: resume the refund left pending, or
/// check a new one.
fn decide(
    payment: &Payment,
    left: Option<(Uuid, Amount)>,
    amount: Option<Amount>,
) -> Result<Decision, RefundError> {
    if payment.provider_reference.is_none() {
        return Err(RefundError::NotCaptured("without a provider reference"));
    }
    if let Some((_, pending)) = left {
        return match amount {
            Some(asked) if asked != pending => Err(RefundError::OtherPending { pending }),
            _ => Ok(Decision::Resume),
        };
    }
    if !matches!(
        payment.status,
        PaymentStatus::Succeeded | PaymentStatus::PartiallyRefunded
    ) {
        return Err(RefundError::NotCaptured(payment.status.as_str()));
    }
    let remaining = payment.amount - payment.refunded_amount;
    let amount = amount.unwrap_or(remaining);
    if amount <= Amount::ZERO {
        return Err(RefundError::NotPositive);
    }
    if amount > remaining {
        return Err(RefundError::TooMuch {
            requested: amount,
            remaining,
        });
    }
    Ok(Decision::New(amount))
}
