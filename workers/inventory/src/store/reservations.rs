//! Reservations: reserve (all lines or none), then release or commit once.

use menuskart_schemas::ids::{OrderId, ProductId};
use menuskart_schemas::inventory::{ReservationLine, ReservationStatus};

use super::{Store, StoreError, scripts};
use crate::domain::ReservationLines;

#[derive(Debug, PartialEq, Eq)]
pub enum ReserveOutcome {
    /// Every line is now held for the order.
    Reserved,
    /// The order had a reservation already (a retry); nothing changed.
    Exists(ReservationStatus),
    /// Not enough stock for this line; nothing was taken.
    Short {
        product_id: ProductId,
        requested: i64,
        available: i64,
    },
}

#[derive(Debug, PartialEq, Eq)]
pub enum SettleOutcome {
    /// Moved to the new status, with the lines it covered.
    Settled(Vec<ReservationLine>),
    /// Already released or committed: nothing changed.
    Unchanged(ReservationStatus, Vec<ReservationLine>),
    Missing,
}

fn parse_status(raw: &str) -> Result<ReservationStatus, StoreError> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned()))
        .map_err(|_| StoreError::Corrupt(format!("reservation status {raw:?}")))
}

fn status_name(status: ReservationStatus) -> &'static str {
    match status {
        ReservationStatus::Reserved => "reserved",
        ReservationStatus::Released => "released",
        ReservationStatus::Committed => "committed",
    }
}

impl Store {
    #[tracing::instrument(skip(self, lines))]
    pub async fn reserve(
        &self,
        order_id: OrderId,
        lines: &ReservationLines,
    ) -> Result<ReserveOutcome, StoreError> {
        let wire = lines.to_wire();
        let mut invocation = scripts::RESERVE.prepare_invoke();
        invocation.key(self.reservation_key(order_id));
        invocation
            .arg(serde_json::to_string(&wire).map_err(|e| StoreError::Protocol(e.to_string()))?);
        for (product_id, quantity) in lines.iter() {
            invocation.key(self.stock_key(product_id));
            invocation.arg(quantity.get());
        }
        let reply: Vec<String> = invocation.invoke_async(&mut self.connection()).await?;
        match reply.as_slice() {
            [tag] if tag == "reserved" => Ok(ReserveOutcome::Reserved),
            [tag, status] if tag == "exists" => Ok(ReserveOutcome::Exists(parse_status(status)?)),
            [tag, index, available] if tag == "short" => {
                let index: usize = index
                    .parse()
                    .map_err(|_| StoreError::Protocol(format!("{reply:?}")))?;
                let line = wire
                    .get(index - 1)
                    .ok_or_else(|| StoreError::Protocol(format!("{reply:?}")))?;
                Ok(ReserveOutcome::Short {
                    product_id: line.product_id.clone(),
                    requested: line.quantity,
                    available: available
                        .parse()
                        .map_err(|_| StoreError::Protocol(format!("{reply:?}")))?,
                })
            }
            _ => Err(StoreError::Protocol(format!("{reply:?}"))),
        }
    }

    /// The stored reservation of an order.
    #[tracing::instrument(skip(self))]
    pub async fn reservation(
        &self,
        order_id: OrderId,
    ) -> Result<Option<(ReservationStatus, Vec<ReservationLine>)>, StoreError> {
        let (status, lines): (Option<String>, Option<String>) = redis::cmd("HMGET")
            .arg(self.reservation_key(order_id))
            .arg("status")
            .arg("lines")
            .query_async(&mut self.connection())
            .await?;
        let (Some(status), Some(lines)) = (status, lines) else {
            return Ok(None);
        };
        let lines = serde_json::from_str(&lines)
            .map_err(|e| StoreError::Corrupt(format!("reservation lines: {e}")))?;
        Ok(Some((parse_status(&status)?, lines)))
    }

    /// Moves a reservation to `to` (released: stock back to available; committed: sold).
    #[tracing::instrument(skip(self))]
    pub async fn settle(
        &self,
        order_id: OrderId,
        to: ReservationStatus,
    ) -> Result<SettleOutcome, StoreError> {
        // The lines never change once written, so reading them before the script is safe; the
        // script itself re-checks the status.
        let Some((_, lines)) = self.reservation(order_id).await? else {
            return Ok(SettleOutcome::Missing);
        };
        let mut invocation = scripts::SETTLE.prepare_invoke();
        invocation.key(self.reservation_key(order_id));
        invocation.arg(status_name(to));
        for line in &lines {
            invocation.key(self.stock_key(&line.product_id));
            invocation.arg(line.quantity);
        }
        let reply: Vec<String> = invocation.invoke_async(&mut self.connection()).await?;
        match reply.as_slice() {
            [tag] if tag == "missing" => Ok(SettleOutcome::Missing),
            [tag, status] if tag == "unchanged" => {
                Ok(SettleOutcome::Unchanged(parse_status(status)?, lines))
            }
            [status] if status == status_name(to) => Ok(SettleOutcome::Settled(lines)),
            _ => Err(StoreError::Protocol(format!("{reply:?}"))),
        }
    }
}
