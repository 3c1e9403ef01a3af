//! `mk.inventory.reserve`: hold every line of an order, or nothing. Idempotent per order id.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::inventory::{Reservation, ReservationStatus, ReserveRequest};
use menuskart_schemas::subjects::events::inventory as subjects;

use super::{event_failed, publish_reservation_levels};
use crate::domain::ReservationLines;
use crate::state::InventoryState;
use crate::store::ReserveOutcome;

#[tracing::instrument(skip_all, fields(order_id = %req.body.order_id))]
pub async fn handle(
    state: Arc<InventoryState>,
    req: Incoming<ReserveRequest>,
) -> Result<Reservation, ReplyError> {
    let order_id = req.body.order_id;
    let lines = ReservationLines::parse(&req.body.lines)?;
    let reservation = match state.store.reserve(order_id, &lines).await? {
        ReserveOutcome::Reserved => Reservation {
            order_id,
            status: ReservationStatus::Reserved,
            lines: lines.to_wire(),
        },
        // A retry answers with what the first call reserved, whatever lines it brings now.
        ReserveOutcome::Exists(status) => {
            let (status, lines) = state
                .store
                .reservation(order_id)
                .await?
                .unwrap_or((status, lines.to_wire()));
            Reservation {
                order_id,
                status,
                lines,
            }
        }
        ReserveOutcome::Short {
            product_id,
            requested,
            available,
        } => {
            return Err(ReplyError::conflict(format!(
                "not enough stock of {product_id}: {requested} requested, {available} available"
            ))
            .with_details(serde_json::json!({
                "product_id": product_id, "requested": requested, "available": available
            })));
        }
    };
    if reservation.status == ReservationStatus::Reserved {
        state
            .events
            .publish(
                subjects::RESERVED,
                &format!("{order_id}:reserved"),
                &reservation,
            )
            .await
            .map_err(event_failed)?;
        // The products actually reserved (on a retry: the stored lines).
        publish_reservation_levels(&state, &reservation, "reserved").await?;
    }
    Ok(reservation)
}
