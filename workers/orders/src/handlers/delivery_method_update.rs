//! `mk.orders.delivery_method_update` (admin): change a delivery method; orders placed with it
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
    let missing = || ReplyError::not_found(format!("no delivery method {id}"));
    let current = state.store.delivery_method(id).await?.ok_or_else(missing)?;
    let fields = MethodFields::of(&current).patched(input)?;
    let method = state
        .store
        .update_delivery_method(id, &fields)
        .await?
        .ok_or_else(missing)?;
    tracing::info!(%admin, "delivery method changed");
    Ok(method)
}
