//! `mk.inventory.commit`: the order is paid; its reserved stock is sold (idempotent).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::inventory::{Reservation, ReservationRef, ReservationStatus};
use menuskart_schemas::subjects::events::inventory as subjects;

use super::settle::settle;
use crate::state::InventoryState;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<ReservationRef>,
) -> Result<Reservation, ReplyError> {
    settle(
        &state,
        req.body.order_id,
        ReservationStatus::Committed,
        subjects::COMMITTED,
    )
    .await
}
