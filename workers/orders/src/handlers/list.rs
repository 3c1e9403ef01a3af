//! `mk.orders.list` (admin): every customer's orders, newest first, by status, day range, and
//! an order number or (part of) the customer's email address or name as it was when the order
//! was placed.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderPage, OrdersList};

use crate::domain::OrderFilter;
use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(status = ?req.body.query.status, q = ?req.body.query.q))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersList>,
) -> Result<OrderPage, ReplyError> {
    req.caller.require_admin()?;
    let OrdersList { query, paging } = req.body;
    let window = paging.window()?;
    let filter = OrderFilter::parse(query)?;
    let (items, total) = state
        .store
        .list_orders(
            &filter,
            &state.shop.timezone,
            i64::from(window.limit),
            i64::from(window.offset),
        )
        .await?;
    Ok(OrderPage {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    })
}
