//! `mk.payments.get`: one payment with its refunds (owner or admin).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::payments::{Payment, PaymentRef};

use super::visible_payment;
use crate::state::PaymentsState;

#[tracing::instrument(skip_all, fields(transaction_id = %req.body.transaction_id))]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<PaymentRef>,
) -> Result<Payment, ReplyError> {
    visible_payment(&state, &req.caller, req.body.transaction_id).await
}
