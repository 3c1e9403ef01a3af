//! `mk.catalog.attributes`: the attributes products have, with each value's count, for the
//! storefront's filters. Computed in one pass over the catalog and cached until the next write
//! (the cache generation), so its cost grows with the catalog only on a cache miss.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::AttributeFacets;

use crate::domain::attribute_facets::facets;
use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    _req: Incoming<Empty>,
) -> Result<AttributeFacets, ReplyError> {
    let load = async {
        let all = state.store.all_attributes().await?;
        Ok::<_, ReplyError>(AttributeFacets {
            items: facets(all.iter()),
        })
    };
    state.cache.get_or_load("attributes", load).await
}
