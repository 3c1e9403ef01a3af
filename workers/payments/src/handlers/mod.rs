//! One endpoint a file: check the caller, apply, reply.

pub mod audit;
pub mod by_order;
pub mod charge;
pub mod get;
pub mod refund;
pub mod webhook;

use menuskart_kit::{Caller, ReplyError};
use menuskart_schemas::payments::Payment;

use crate::provider::ProviderError;
use crate::state::PaymentsState;
use menuskart_schemas::ids::TransactionId;

impl From<ProviderError> for ReplyError {
    fn from(error: ProviderError) -> Self {
        match error {
            ProviderError::Invalid(message) => ReplyError::invalid_field("payment_method", message),
            ProviderError::Unavailable(_) => ReplyError::new(
                menuskart_schemas::ErrorCode::Unavailable,
                "the payment provider is unavailable; retry with the same Idempotency-Key",
            ),
            ProviderError::KeyInUse(_) => ReplyError::conflict(
                "the payment provider is still processing this request; its outcome will be \
                 recorded: read it again shortly",
            ),
            ProviderError::Unauthorized => {
                ReplyError::internal("the payment provider refused our credentials")
            }
        }
    }
}

/// A payment the caller may see: its owner's or, for an admin, any (404 for anyone else).
pub(crate) async fn visible_payment(
    state: &PaymentsState,
    caller: &Caller,
    transaction_id: TransactionId,
) -> Result<Payment, ReplyError> {
    let user_id = caller.require_user()?;
    match state.store.payment(transaction_id).await? {
        Some(stored) if stored.payment.user_id == user_id || caller.is_admin() => {
            Ok(stored.payment)
        }
        _ => Err(ReplyError::not_found(format!(
            "no payment {transaction_id}"
        ))),
    }
}
