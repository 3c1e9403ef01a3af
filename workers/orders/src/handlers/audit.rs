//! `mk.orders.audit` (admin): the delivery changes of the audit log, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{
    AuditChange, AuditEntries, AuditEntry, AuditQuery, DeliveryTerms, entry_id,
};
use menuskart_schemas::ids::{DeliveryMethodId, UserId};
use menuskart_schemas::money::{Amount, Currency};

use crate::state::OrdersState;
use crate::store::StoreError;
use crate::store::delivery_methods::DeliveryChange;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<AuditQuery>,
) -> Result<AuditEntries, ReplyError> {
    req.caller.require_admin()?;
    let limit = req.body.checked_limit()?;
    let after = req.body.after_uuid()?;
    let changes = state.store.delivery_changes(after, limit).await?;
    let entries = changes
        .into_iter()
        .map(entry)
        .collect::<Result<_, StoreError>>()?;
    Ok(AuditEntries { entries })
}

fn entry(change: DeliveryChange) -> Result<AuditEntry, StoreError> {
    let from = match (change.from_price, change.from_active) {
        (Some(price), Some(active)) => Some(DeliveryTerms {
            price: Amount(price),
            free_above: change.from_free_above.map(Amount),
            active,
        }),
        _ => None,
    };
    Ok(AuditEntry {
        id: entry_id("orders", change.id),
        at: change.changed_at,
        actor: Some(UserId(change.changed_by)),
        actor_email: None,
        change: AuditChange::DeliveryChanged {
            method_id: DeliveryMethodId(change.method_id),
            name: change.name,
            currency: Currency::parse(&change.currency)?,
            from,
            to: DeliveryTerms {
                price: Amount(change.to_price),
                free_above: change.to_free_above.map(Amount),
                active: change.to_active,
            },
        },
    })
}
