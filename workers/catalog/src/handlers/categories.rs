//! `mk.catalog.categories`: the category tree.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::Category;

use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    _req: Incoming<Empty>,
) -> Result<Vec<Category>, ReplyError> {
    state
        .cache
        .get_or_load("categories", async {
            Ok(state.store.category_tree().await?)
        })
        .await
}
