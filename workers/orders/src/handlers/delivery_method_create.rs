//! `mk.orders.delivery_method_create` (admin): offer a new delivery method, priced in the
//! shop's currency.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::delivery::{DeliveryMethod, DeliveryMethodInput};

use crate::domain::delivery_method::MethodFields;
use crate::state::OrdersState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<DeliveryMethodInput>,
) -> Result<DeliveryMethod, ReplyError> {
    let admin = req.caller.require_admin()?;
    let fields = MethodFields::create(req.body)?;
    let method = state
        .store
        .create_delivery_method(&fields, state.shop.currency, admin)
        .await?;
    tracing::info!(%admin, method = %method.id, "delivery method created");
    Ok(method)
}
