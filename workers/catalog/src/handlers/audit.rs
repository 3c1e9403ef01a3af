//! `mk.catalog.audit` (admin): the price changes of the audit log, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{AuditChange, AuditEntries, AuditEntry, AuditQuery, entry_id};
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::money::{Amount, Currency};

use crate::state::CatalogState;
use crate::store::price_changes::PriceChange;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<AuditQuery>,
) -> Result<AuditEntries, ReplyError> {
    req.caller.require_admin()?;
    let limit = req.body.checked_limit()?;
    // Change ids are UUIDs: anything else names no entry.
    let after = req.body.after_uuid()?.map(|id| id.to_string());
    let changes = state
        .store
        .price_changes(after.as_deref(), u32::try_from(limit).unwrap_or(1))
        .await?;
    let entries = changes
        .into_iter()
        .map(entry)
        .collect::<Result<_, ReplyError>>()?;
    Ok(AuditEntries { entries })
}

fn entry(change: PriceChange) -> Result<AuditEntry, ReplyError> {
    let corrupt = |what: &str| {
        ReplyError::internal(format!("stored price change {}: bad {what}", change.cid))
    };
    Ok(AuditEntry {
        id: entry_id("catalog", &change.cid),
        at: change.at,
        actor: Some(change.actor.parse().map_err(|_| corrupt("actor"))?),
        actor_email: None,
        change: AuditChange::PriceChanged {
            product_id: ProductId::parse(&change.product).map_err(|_| corrupt("product"))?,
            product_name: change.name,
            from: Amount(change.from_price),
            from_currency: Currency::parse(
                change.from_currency.as_deref().unwrap_or(&change.currency),
            )
            .map_err(|_| corrupt("from_currency"))?,
            to: Amount(change.to_price),
            currency: Currency::parse(&change.currency).map_err(|_| corrupt("currency"))?,
        },
    })
}
