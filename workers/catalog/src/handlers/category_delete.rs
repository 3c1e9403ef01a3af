//! `mk.catalog.category_delete` (admin): remove a category nothing uses. One with products (of
//! any status, a draft too) or sub-categories stays: their pages and listings would break.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::CategoryRef;

use super::written;
use crate::domain::Slug;
use crate::state::CatalogState;
use crate::store::categories::CategoryDeleted;

#[tracing::instrument(skip_all, fields(slug = %req.body.slug))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<CategoryRef>,
) -> Result<Empty, ReplyError> {
    let admin = req.caller.require_admin()?;
    let slug = Slug::parse("slug", &req.body.slug)?;
    match state.store.delete_category(&slug).await? {
        CategoryDeleted::Deleted => {
            written(&state).await;
            tracing::info!(%admin, slug = slug.as_str(), "category deleted");
            Ok(Empty {})
        }
        CategoryDeleted::NotFound => Err(ReplyError::not_found(format!(
            "no category {:?}",
            slug.as_str()
        ))),
        CategoryDeleted::InUse { children, products } => Err(ReplyError::conflict(format!(
            "category {:?} is in use by {}: move them to another category first",
            slug.as_str(),
            users(products, children)
        ))),
    }
}

/// "2 products and 1 sub-category", naming only what there is.
fn users(products: i64, children: i64) -> String {
    let count = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (products, children) {
        (0, c) => count(c, "sub-category", "sub-categories"),
        (p, 0) => count(p, "product", "products"),
        (p, c) => format!(
            "{} and {}",
            count(p, "product", "products"),
            count(c, "sub-category", "sub-categories")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::users;

    #[test]
    fn names_what_uses_the_category() {
        assert_eq!(users(0, 1), "1 sub-category");
        assert_eq!(users(3, 0), "3 products");
        assert_eq!(users(1, 2), "1 product and 2 sub-categories");
    }
}
