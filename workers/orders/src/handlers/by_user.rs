//! `mk.orders.by_user`: a user's order history, newest first (that user or an admin).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderPage, OrdersByUser};

use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(user_id = %req.body.user_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersByUser>,
) -> Result<OrderPage, ReplyError> {
    let caller = req.caller.require_user()?;
    let OrdersByUser { user_id, paging } = req.body;
    if caller != user_id && !req.caller.is_admin() {
        return Err(ReplyError::forbidden("you may only list your own orders"));
    }
    let window = paging.window()?;
    let (items, total) = state
        .store
        .orders_by_user(user_id, i64::from(window.limit), i64::from(window.offset))
        .await?;
    Ok(OrderPage {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    })
}
