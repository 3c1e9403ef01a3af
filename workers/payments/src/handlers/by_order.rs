//! `mk.payments.by_order`: an order's payments, declined attempts too (owner or admin).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::payments::{PaymentList, PaymentsOfOrder};

use crate::state::PaymentsState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<PaymentsOfOrder>,
) -> Result<PaymentList, ReplyError> {
    let user_id = req.caller.require_user()?;
    let mut items = state.store.payments_of_order(req.body.order_id).await?;
    // Someone else's order reads as one without payments: nothing about it leaks.
    if !req.caller.is_admin() {
        items.retain(|payment| payment.user_id == user_id);
    }
    Ok(PaymentList { items })
}
