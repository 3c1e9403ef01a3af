//! One endpoint a file: parse, check the caller, apply, reply.

pub mod attributes;
pub mod audit;
pub mod categories;
pub mod category_create;
pub mod category_delete;
pub mod category_update;
pub mod create;
pub mod delete;
pub mod get;
pub mod get_many;
pub mod list;
pub(crate) mod pricing;
pub mod review_add;
pub mod review_delete;
pub(crate) mod reviewer;
pub mod reviews;
pub mod search;
pub mod shop;
pub mod sitemap;
pub mod update;

use menuskart_kit::ReplyError;

use crate::state::CatalogState;
use crate::store::StoreError;

/// A product's or category's write: a duplicate is a slug in use.
pub(crate) fn slug_taken(error: StoreError) -> ReplyError {
    match error {
        StoreError::Duplicate => {
            ReplyError::conflict("a product or category with this slug exists")
        }
        other => other.into(),
    }
}

/// After every write: drop what the cache holds. A failure is logged, not returned: the write
/// is done, and entries expire within minutes anyway.
pub(crate) async fn written(state: &CatalogState) {
    if let Err(error) = state.cache.invalidate().await {
        tracing::error!(%error, "cache invalidation failed; entries expire by TTL");
    }
}

/// The path of an existing category, or a 422 naming the field.
pub(crate) async fn category_path(
    state: &CatalogState,
    field: &'static str,
    slug: &crate::domain::Slug,
) -> Result<Vec<String>, ReplyError> {
    state
        .store
        .category_path(slug)
        .await?
        .ok_or_else(|| ReplyError::invalid_field(field, format!("no category {:?}", slug.as_str())))
}
