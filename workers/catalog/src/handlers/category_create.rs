//! `mk.catalog.category_create` (admin): add a category, at the root or under a parent.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{Category, CategoryInput};

use super::{category_path, slug_taken, written};
use crate::domain::{Slug, ValidationError};
use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<CategoryInput>,
) -> Result<Category, ReplyError> {
    req.caller.require_admin()?;
    let CategoryInput { slug, name, parent } = req.body;
    let slug = Slug::parse("slug", &slug)?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ValidationError::new("name", "must be 1 to 100 characters").into());
    }
    let parent = parent
        .as_deref()
        .map(|p| Slug::parse("parent", p))
        .transpose()?;
    let parent_path = match &parent {
        Some(parent) => category_path(&state, "parent", parent).await?,
        None => Vec::new(),
    };
    state
        .store
        .create_category(&slug, &name, parent.as_ref(), &parent_path)
        .await
        .map_err(slug_taken)?;
    written(&state).await;
    let rates = super::pricing::category_rates(&state).await?;
    Ok(Category {
        effective_tax_rate_bp: rates.rate_for(slug.as_str()),
        slug: slug.as_str().to_owned(),
        name,
        parent: parent.map(|p| p.as_str().to_owned()),
        tax_rate_bp: None,
        children: Vec::new(),
    })
}
