//! `mk.orders.by_user`: a user's order history, newest first (that user or an admin).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderPage, OrdersByUser};

use crate::state::OrdersState;

const MAX_PER_PAGE: u32 = 100;

#[tracing::instrument(skip_all, fields(user_id = %req.body.user_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersByUser>,
) -> Result<OrderPage, ReplyError> {
    let caller = req.caller.require_user()?;
    let OrdersByUser {
        user_id,
        page,
        per_page,
    } = req.body;
    if caller != user_id && !req.caller.is_admin() {
        return Err(ReplyError::forbidden("you may only list your own orders"));
    }
    if page == 0 {
        return Err(ReplyError::invalid_field("page", "pages start at 1"));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ReplyError::invalid_field(
            "per_page",
            format!("between 1 and {MAX_PER_PAGE}"),
        ));
    }
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (items, total) = state
        .store
        .orders_by_user(user_id, i64::from(per_page), offset)
        .await?;
    Ok(OrderPage {
        items,
        total,
        page,
        per_page,
    })
}
