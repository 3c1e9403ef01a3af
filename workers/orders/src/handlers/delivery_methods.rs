//! `mk.orders.delivery_methods`: the delivery methods offered, with the rate delivery is taxed
//! at; the hidden ones too for an admin who asks.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::delivery::{DeliveryMethods, ListDeliveryMethods};

use crate::state::OrdersState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<ListDeliveryMethods>,
) -> Result<DeliveryMethods, ReplyError> {
    if req.body.include_inactive {
        req.caller.require_admin()?;
    }
    let (items, shop) = tokio::try_join!(
        async {
            Ok::<_, ReplyError>(
                state
                    .store
                    .delivery_methods(req.body.include_inactive, state.shop.currency)
                    .await?,
            )
        },
        async { Ok(state.services.shop().await?) },
    )?;
    Ok(DeliveryMethods {
        items,
        tax_rate_bp: shop.default_tax_rate_bp,
        prices_include_tax: shop.prices_include_tax,
    })
}
