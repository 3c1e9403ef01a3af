//! `mk.orders.export` (admin): the orders the list's filters match, as spreadsheet rows, one
//! page at a time (the edge streams them out as CSV).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::orders::{OrderExportPage, OrdersExport};

use crate::domain::OrderFilter;
use crate::state::OrdersState;

#[tracing::instrument(skip_all, fields(status = ?req.body.query.status, q = ?req.body.query.q))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<OrdersExport>,
) -> Result<OrderExportPage, ReplyError> {
    req.caller.require_admin()?;
    let OrdersExport { query, after } = req.body;
    let filter = OrderFilter::parse(query)?;
    Ok(state
        .store
        .export_orders(&filter, &state.shop.timezone, after)
        .await?)
}
