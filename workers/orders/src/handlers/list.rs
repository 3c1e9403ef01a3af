//! `mk.orders.list` (admin): every customer's orders, newest first, by status and by an order
//! number or (part of) a customer's email address. Emails live with the auth service, so an
//! email search asks it, as the admin, which accounts match.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderNumber, OrderPage, OrdersList};

use crate::domain::Paging;
use crate::state::OrdersState;
use crate::store::OrderFilter;

/// An email search looks at this many matching accounts at most (newest first).
const MAX_CUSTOMERS: u32 = 100;

#[tracing::instrument(skip_all, fields(status = ?req.body.status, q = ?req.body.q))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersList>,
) -> Result<OrderPage, ReplyError> {
    req.caller.require_admin()?;
    let OrdersList {
        status,
        q,
        page,
        per_page,
    } = req.body;
    let paging = Paging::parse(page, per_page)?;
    let mut filter = OrderFilter {
        status,
        ..OrderFilter::default()
    };
    match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        None => {}
        Some(q) => match OrderNumber::parse(q) {
            Some(number) => filter.number = Some(number),
            None => {
                let customers = state
                    .services
                    .users_with_email(&req.caller, q, MAX_CUSTOMERS)
                    .await?;
                filter.customers = Some(customers);
            }
        },
    }
    let (items, total) = state
        .store
        .list_orders(&filter, paging.limit(), paging.offset())
        .await?;
    Ok(OrderPage {
        items,
        total,
        page,
        per_page,
    })
}
