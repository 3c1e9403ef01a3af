//! `mk.orders.overview` (admin): orders and revenue today, over 7 and 30 days, the work
//! waiting and the best sellers: the admin's first page.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::orders::SalesOverview;

use crate::state::OrdersState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<Empty>,
) -> Result<SalesOverview, ReplyError> {
    req.caller.require_admin()?;
    Ok(state.store.sales_overview(&state.shop).await?)
}
