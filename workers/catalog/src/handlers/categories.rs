//! `mk.catalog.categories`: the category tree, each category with its tax rate.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::Category;

use super::pricing::resolve;
use crate::state::CatalogState;
use crate::store::categories::category_tree;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    _req: Incoming<Empty>,
) -> Result<Vec<Category>, ReplyError> {
    state
        .cache
        .get_or_load("categories", async {
            let rows = state.store.categories().await?;
            Ok(category_tree(&rows, &resolve(&state, &rows)))
        })
        .await
}
