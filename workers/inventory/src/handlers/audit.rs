//! `mk.inventory.audit` (admin): the stock changes of the audit log, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{AuditChange, AuditEntries, AuditEntry, AuditQuery, entry_id};

use crate::state::InventoryState;
use crate::store::audit::{StockAudit, is_entry_id};

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<AuditQuery>,
) -> Result<AuditEntries, ReplyError> {
    req.caller.require_admin()?;
    let limit = req.body.checked_limit()?;
    let after = req.body.after.as_deref();
    if after.is_some_and(|id| !is_entry_id(id)) {
        return Err(ReplyError::invalid_field(
            "after",
            "not an entry of this log",
        ));
    }
    // At most `MAX_PAGE`, checked above.
    let limit = usize::try_from(limit).unwrap_or(1);
    let changes = state.store.stock_changes(after, limit).await?;
    Ok(AuditEntries {
        entries: changes.into_iter().map(entry).collect(),
    })
}

fn entry(change: StockAudit) -> AuditEntry {
    AuditEntry {
        id: entry_id("inventory", &change.id),
        at: change.at,
        actor: Some(change.actor),
        actor_email: None,
        change: AuditChange::StockChanged {
            product_id: change.product_id,
            product_name: None,
            from: change.from,
            to: change.to,
        },
    }
}
