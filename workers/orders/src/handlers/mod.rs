//! One endpoint a file: check the caller, apply, reply.

pub mod audit;
pub mod awaiting_payment;
pub mod by_user;
pub mod cancel;
pub mod delivery_method_create;
pub mod delivery_method_update;
pub mod delivery_methods;
pub mod export;
pub mod get;
pub mod list;
pub mod lookup;
pub mod overview;
pub mod place;
pub mod purchased;
pub mod set_status;
pub mod watch;

use menuskart_kit::{Caller, ReplyError};
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::orders::Order;

use crate::state::OrdersState;

/// A placed order the caller may see: its owner or an admin. Anyone else learns nothing, not
/// even that it exists (404).
pub(crate) async fn visible_order(
    state: &OrdersState,
    caller: &Caller,
    order_id: OrderId,
) -> Result<Order, ReplyError> {
    let user_id = caller.require_user()?;
    match state.store.order(order_id).await? {
        Some(record)
            if !record.placing && (record.order.user_id == user_id || caller.is_admin()) =>
        {
            Ok(record.order)
        }
        _ => Err(ReplyError::not_found(format!("no order {order_id}"))),
    }
}
