//! `mk.catalog.list`: a page of products, filtered and sorted.

use std::sync::Arc;

use menuskart_kit::{Caller, Incoming, ReplyError};
use menuskart_schemas::catalog::{ListProducts, ProductPage, StatusFilter};

use crate::cache::MAX_CACHED_PAGE;
use crate::domain::ListingQuery;
use crate::state::CatalogState;

/// Lists (or, with `search`, searches) through the cache for the first pages.
pub(crate) async fn page(
    state: &CatalogState,
    caller: &Caller,
    raw: ListProducts,
    search: bool,
) -> Result<ProductPage, ReplyError> {
    if raw.status != StatusFilter::Active {
        // Drafts and archived products are the owner's business.
        caller.require_admin()?;
    }
    let query = ListingQuery::parse(raw.clone(), search)?;
    let load = async {
        let listing = state.store.list_products(&query).await?;
        Ok::<_, ReplyError>(ProductPage {
            items: listing.items,
            total: listing.total,
            page: query.paging.page,
            per_page: query.paging.per_page,
        })
    };
    // Stock changes with every order and does not bump the cache generation, so listings
    // filtered by stock (in stock, low stock) are always read fresh.
    let mut page =
        if query.paging.page > MAX_CACHED_PAGE || query.in_stock || query.max_available.is_some() {
            load.await?
        } else {
            cached(state, &raw, search, load).await?
        };
    super::pricing::with_tax(state, &mut page.items).await?;
    Ok(page)
}

/// `load` through the cache.
async fn cached(
    state: &CatalogState,
    raw: &ListProducts,
    search: bool,
    load: impl std::future::Future<Output = Result<ProductPage, ReplyError>>,
) -> Result<ProductPage, ReplyError> {
    // A listing ignores `query` and a search ranks by it: the same filters are two different
    // answers, so they are two keys.
    let key = format!(
        "{}:{}",
        if search { "search" } else { "list" },
        serde_json::to_string(raw).map_err(ReplyError::internal)?
    );
    state.cache.get_or_load(&key, load).await
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ListProducts>,
) -> Result<ProductPage, ReplyError> {
    page(&state, &req.caller, req.body, false).await
}
