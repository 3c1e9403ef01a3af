//! `mk.catalog.search`: full-text search, ranked, with the listing filters.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{ListProducts, ProductPage};

use super::list::page;
use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ListProducts>,
) -> Result<ProductPage, ReplyError> {
    page(&state, &req.caller, req.body, true).await
}
