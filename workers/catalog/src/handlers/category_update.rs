//! `mk.catalog.category_update` (admin): rename or move a category, or set its tax rate.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::catalog::{Category, UpdateCategory};

use super::written;
use crate::domain::{Slug, ValidationError, checked_rate, moved_paths};
use crate::state::CatalogState;
use crate::store::categories::{CategoryChange, category_tree};

#[tracing::instrument(skip_all, fields(slug = %req.body.slug))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<UpdateCategory>,
) -> Result<Category, ReplyError> {
    let admin = req.caller.require_admin()?;
    let UpdateCategory { slug, patch } = req.body;
    let slug = Slug::parse("slug", &slug)?;
    let name = patch.name.as_deref().map(str::trim);
    if name.is_some_and(|n| n.is_empty() || n.chars().count() > 100) {
        return Err(ValidationError::new("name", "must be 1 to 100 characters").into());
    }
    if let Some(Some(rate)) = patch.tax_rate_bp {
        checked_rate(rate).map_err(|e| ValidationError::new("tax_rate_bp", e.to_string()))?;
    }
    let change = CategoryChange {
        name,
        tax_rate_bp: patch.tax_rate_bp,
    };
    if !state.store.update_category(&slug, &change).await? {
        return Err(ReplyError::not_found(format!(
            "no category {:?}",
            slug.as_str()
        )));
    }
    if let Some(parent) = &patch.parent {
        move_under(&state, &slug, parent.as_deref()).await?;
    }
    // Products' prices and every cached listing change with a rate or a move.
    written(&state).await;
    tracing::info!(%admin, slug = slug.as_str(), ?change, "category updated");
    let rows = state.store.categories().await?;
    let rates = super::pricing::resolve(&state, &rows);
    find(category_tree(&rows, &rates), slug.as_str())
        .ok_or_else(|| ReplyError::not_found(format!("no category {:?}", slug.as_str())))
}

/// Moves category `slug`, with everything under it, under `parent` (`None`: to the top).
async fn move_under(
    state: &CatalogState,
    slug: &Slug,
    parent: Option<&str>,
) -> Result<(), ReplyError> {
    let parent = parent.map(|p| Slug::parse("parent", p)).transpose()?;
    let parent_path = match &parent {
        Some(parent) => super::category_path(state, "parent", parent).await?,
        None => Vec::new(),
    };
    let rows = state.store.categories().await?;
    let path = rows
        .iter()
        .find(|row| row.slug == slug.as_str())
        .map(|row| row.path.clone())
        .ok_or_else(|| ReplyError::not_found(format!("no category {:?}", slug.as_str())))?;
    let moved = moved_paths(
        rows.iter().map(|row| row.path.as_slice()),
        &path,
        &parent_path,
    )
    .map_err(|e| ValidationError::new("parent", e.to_string()))?;
    state
        .store
        .move_categories(parent.as_ref().map(Slug::as_str), &moved)
        .await?;
    Ok(())
}

/// `slug`'s category in `tree`, with its children.
fn find(tree: Vec<Category>, slug: &str) -> Option<Category> {
    tree.into_iter().find_map(|category| {
        if category.slug == slug {
            Some(category)
        } else {
            find(category.children, slug)
        }
    })
}
