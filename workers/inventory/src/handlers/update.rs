//! `mk.inventory.update` (admin): set or adjust a product's available stock.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError, ValidationError};
use menuskart_schemas::inventory::{StockLevel, StockUpdate};

use super::publish_level;
use crate::state::InventoryState;
use crate::store::{AdjustOutcome, StockChange};

/// The most units one product may hold.
const MAX_STOCK: i64 = 1_000_000_000;

fn parse_change(update: &StockUpdate) -> Result<StockChange, ValidationError> {
    match (update.set, update.delta) {
        (Some(set), None) if (0..=MAX_STOCK).contains(&set) => Ok(StockChange::Set(set)),
        (Some(_), None) => Err(ValidationError::new(
            "set",
            format!("must be 0 to {MAX_STOCK}"),
        )),
        (None, Some(delta)) if delta != 0 && delta.abs() <= MAX_STOCK => {
            Ok(StockChange::Delta(delta))
        }
        (None, Some(_)) => Err(ValidationError::new(
            "delta",
            format!("must be non-zero, at most {MAX_STOCK} either way"),
        )),
        _ => Err(ValidationError::new(
            "set",
            "give exactly one of `set` or `delta`",
        )),
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<StockUpdate>,
) -> Result<StockLevel, ReplyError> {
    let admin = req.caller.require_admin()?;
    let product_id = &req.body.product_id;
    let change = parse_change(&req.body)?;
    let level = match state.store.adjust(product_id, change, admin).await? {
        AdjustOutcome::Adjusted(level) => level,
        AdjustOutcome::WouldGoNegative { available } => {
            return Err(ReplyError::conflict(format!(
                "only {available} available; stock cannot go below zero"
            ))
            .with_details(
                serde_json::json!({"product_id": product_id.as_str(), "available": available}),
            ));
        }
    };
    tracing::info!(%admin, product_id = product_id.as_str(), ?change, available = level.available, "stock updated");
    let id = uuid::Uuid::now_v7().to_string();
    publish_level(&state, product_id, &id).await?;
    Ok(level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ids::ProductId;

    fn update(set: Option<i64>, delta: Option<i64>) -> StockUpdate {
        StockUpdate {
            product_id: ProductId::parse("p").unwrap(),
            set,
            delta,
        }
    }

    #[test]
    fn exactly_one_of_set_or_delta() {
        assert_eq!(
            parse_change(&update(Some(5), None)),
            Ok(StockChange::Set(5))
        );
        assert_eq!(
            parse_change(&update(None, Some(-2))),
            Ok(StockChange::Delta(-2))
        );
        assert!(parse_change(&update(Some(5), Some(1))).is_err());
        assert!(parse_change(&update(None, None)).is_err());
        assert!(parse_change(&update(Some(-1), None)).is_err());
        assert!(parse_change(&update(None, Some(0))).is_err());
    }
}
