//! Stock levels.

use menuskart_schemas::inventory::StockLevel;

use super::{Store, StoreError, scripts};
use menuskart_schemas::ids::{ProductId, UserId};

/// How to change a product's available stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockChange {
    Set(i64),
    Delta(i64),
}

#[derive(Debug, PartialEq, Eq)]
pub enum AdjustOutcome {
    Adjusted(StockLevel),
    /// The change would make available stock negative; nothing changed.
    WouldGoNegative {
        available: i64,
    },
}

impl Store {
    /// A product's stock; a product never stocked has zero of both.
    #[tracing::instrument(skip(self), fields(product_id = product_id.as_str()))]
    pub async fn stock(&self, product_id: &ProductId) -> Result<StockLevel, StoreError> {
        let (available, reserved): (Option<i64>, Option<i64>) = redis::cmd("HMGET")
            .arg(self.stock_key(product_id))
            .arg("available")
            .arg("reserved")
            .query_async(&mut self.connection())
            .await?;
        Ok(StockLevel {
            product_id: product_id.clone(),
            available: available.unwrap_or(0),
            reserved: reserved.unwrap_or(0),
        })
    }

    /// Changes a product's available stock for admin `actor`, logging the change in the audit
    /// stream in the same script.
    #[tracing::instrument(skip(self), fields(product_id = product_id.as_str()))]
    pub async fn adjust(
        &self,
        product_id: &ProductId,
        change: StockChange,
        actor: UserId,
    ) -> Result<AdjustOutcome, StoreError> {
        let (kind, amount) = match change {
            StockChange::Set(n) => ("set", n),
            StockChange::Delta(n) => ("delta", n),
        };
        let reply: Vec<String> = scripts::ADJUST
            .key(self.stock_key(product_id))
            .key(self.audit_key())
            .arg(kind)
            .arg(amount)
            .arg(actor.to_string())
            .arg(product_id.as_str())
            .arg(super::audit::oldest_kept())
            .invoke_async(&mut self.connection())
            .await?;
        let number = |s: &String| {
            s.parse::<i64>()
                .map_err(|_| StoreError::Protocol(format!("{reply:?}")))
        };
        match reply.as_slice() {
            [tag, available] if tag == "negative" => Ok(AdjustOutcome::WouldGoNegative {
                available: number(available)?,
            }),
            [available, reserved] => Ok(AdjustOutcome::Adjusted(StockLevel {
                product_id: product_id.clone(),
                available: number(available)?,
                reserved: number(reserved)?,
            })),
            _ => Err(StoreError::Protocol(format!("{reply:?}"))),
        }
    }
}
