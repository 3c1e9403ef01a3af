//! `mk.orders.list` (admin): every customer's orders, newest first, by status and by an order
//! number or (part of) the customer's email address as it was when the order was placed.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderNumber, OrderPage, OrdersList};

use crate::state::OrdersState;
use crate::store::OrderFilter;

#[tracing::instrument(skip_all, fields(status = ?req.body.status, q = ?req.body.q))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersList>,
) -> Result<OrderPage, ReplyError> {
    req.caller.require_admin()?;
    let OrdersList { status, q, paging } = req.body;
    let window = paging.window()?;
    let mut filter = OrderFilter {
        status,
        ..OrderFilter::default()
    };
    match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        None => {}
        Some(q) => match OrderNumber::parse(q) {
            Some(number) => filter.number = Some(number),
            None => filter.email_contains = Some(q.to_owned()),
        },
    }
    let (items, total) = state
        .store
        .list_orders(&filter, i64::from(window.limit), i64::from(window.offset))
        .await?;
    Ok(OrderPage {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    })
}
