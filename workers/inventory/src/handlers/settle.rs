//! Release and commit share one shape: move a reservation out of `reserved` exactly once, then
//! publish what happened.

use menuskart_kit::ReplyError;
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::inventory::{Reservation, ReservationStatus};
use menuskart_schemas::subjects::events::EventSubject;

use super::{event_failed, publish_reservation_levels};
use crate::state::InventoryState;
use crate::store::SettleOutcome;

/// Moves the reservation of `order_id` to `to`, publishing `subject` when it moved. Repeating
/// a settle that already happened answers the same; settling the other way is a conflict.
pub(crate) async fn settle(
    state: &InventoryState,
    order_id: OrderId,
    to: ReservationStatus,
    subject: EventSubject<Reservation>,
) -> Result<Reservation, ReplyError> {
    let lines = match state.store.settle(order_id, to).await? {
        SettleOutcome::Missing => {
            return Err(ReplyError::not_found(format!(
                "no reservation for order {order_id}"
            )));
        }
        SettleOutcome::Unchanged(status, _) if status != to => {
            return Err(ReplyError::conflict(format!(
                "the reservation of order {order_id} is {status:?} already"
            )));
        }
        SettleOutcome::Unchanged(_, lines) | SettleOutcome::Settled(lines) => lines,
    };
    let reservation = Reservation {
        order_id,
        status: to,
        lines,
    };
    // Published on the repeat too: if the first publish was lost, this one lands; if not,
    // JetStream drops the duplicate by its id.
    let event = subject.name();
    let id = format!("{order_id}:{event}");
    state
        .events
        .publish(subject, &id, &reservation)
        .await
        .map_err(event_failed)?;
    publish_reservation_levels(state, &reservation, event).await?;
    Ok(reservation)
}
