//! `mk.orders.delivery_method_update` (admin): change a delivery method, under a row lock; it
//! is in the shop's currency afterwards (an admin edits prices in it). Orders placed with it
//! keep what they were charged.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::delivery::{DeliveryMethod, DeliveryMethodUpdate};

use crate::domain::delivery_method::MethodFields;
use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(method = %req.body.id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<DeliveryMethodUpdate>,
) -> Result<DeliveryMethod, ReplyError> {
    let admin = req.caller.require_admin()?;
    let DeliveryMethodUpdate { id, input } = req.body;
    let method = state
        .store
        .update_delivery_method(id, state.shop.currency, admin, |current| {
            Ok::<_, ReplyError>(MethodFields::of(current).patched(input)?)
        })
        .await?
        .ok_or_else(|| ReplyError::not_found(format!("no delivery method {id}")))?;
    tracing::info!(%admin, "delivery method changed");
    Ok(method)
}
