//! `mk.payments.audit` (admin): the refunds of the audit log, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{AuditChange, AuditEntries, AuditEntry, AuditQuery, entry_id};
use menuskart_schemas::ids::{OrderId, TransactionId, UserId};
use menuskart_schemas::money::{Amount, Currency};

use crate::state::PaymentsState;
use crate::store::{CompletedRefund, StoreError};

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<AuditQuery>,
) -> Result<AuditEntries, ReplyError> {
    req.caller.require_admin()?;
    let limit = req.body.checked_limit()?;
    let after = req.body.after_uuid()?;
    let refunds = state.store.completed_refunds(after, limit).await?;
    let entries = refunds
        .into_iter()
        .map(entry)
        .collect::<Result<_, StoreError>>()?;
    Ok(AuditEntries { entries })
}

fn entry(refund: CompletedRefund) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: entry_id("payments", refund.refund_id),
        at: refund.completed_at,
        actor: refund.requested_by.map(UserId),
        actor_email: None,
        change: AuditChange::Refunded {
            transaction_id: TransactionId(refund.transaction_id),
            order_id: OrderId(refund.order_id),
            amount: Amount(refund.amount),
            currency: Currency::parse(&refund.currency)?,
            reason: refund.reason,
        },
    })
}
