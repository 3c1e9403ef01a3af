//! Refunding a payment, for an admin's request and for an order cancelled after it was paid.

use menuskart_kit::ReplyError;
use menuskart_schemas::payments::{Payment, PaymentStatus};
use uuid::Uuid;

use crate::provider::ProviderError;
use crate::state::PaymentsState;
use crate::store::StoreError;
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
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

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
            RefundError::Provider(provider) => provider.into(),
            RefundError::Store(store) => store.into(),
        }
    }
}

/// Refunds `amount` (all that is left when `None`) of a captured payment.
pub async fn refund(
    state: &PaymentsState,
    transaction_id: TransactionId,
    amount: Option<Amount>,
    reason: Option<&str>,
) -> Result<Payment, RefundError> {
    let lock = state
        .store
        .lock_for_refund(transaction_id)
        .await?
        .ok_or(RefundError::NotFound(transaction_id))?;
    let payment = &lock.payment.payment;
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
    let reference = payment
        .provider_reference
        .clone()
        .ok_or(RefundError::NotCaptured("without a provider reference"))?;
    let refund_id = Uuid::now_v7();
    let receipt = state.provider.refund(&reference, amount, refund_id).await?;
    lock.record(refund_id, amount, &receipt.reference, reason)
        .await?;
    state.written();
    let refunded = state
        .store
        .payment(transaction_id)
        .await?
        .ok_or(RefundError::NotFound(transaction_id))?;
    Ok(refunded.payment)
}
