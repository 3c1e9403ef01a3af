//! `mk.catalog.sitemap`: what search engines are told the shop has (the edge's `/sitemap.xml`):
//! every active product and every category, through the cache (a catalog write drops it).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::SitemapEntries;

use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    _req: Incoming<Empty>,
) -> Result<SitemapEntries, ReplyError> {
    state
        .cache
        .get_or_load("sitemap", async {
            let products = state
                .store
                .sitemap_products(SitemapEntries::MAX_PRODUCTS)
                .await?;
            let categories = state
                .store
                .categories()
                .await?
                .into_iter()
                .map(|row| row.slug)
                .collect();
            Ok::<_, ReplyError>(SitemapEntries {
                products,
                categories,
            })
        })
        .await
}
