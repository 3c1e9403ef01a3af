//! `mk.payments.refund` (admin): all or part of a captured payment, never more than is left.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::payments::{Payment, RefundRequest};

use crate::refunding::{RefundCause, refund};
use crate::state::PaymentsState;

#[tracing::instrument(skip_all, fields(transaction_id = %req.body.transaction_id))]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<RefundRequest>,
) -> Result<Payment, ReplyError> {
    let admin = req.caller.require_admin()?;
    let cause = RefundCause {
        reason: "refunded by an admin",
        requested_by: Some(admin),
    };
    Ok(refund(
        &state,
        req.body.transaction_id,
        req.body.refund.amount,
        cause,
    )
    .await?)
}
