//! Categories: a tree by parent slug; each stores its path from the root.

use menuskart_schemas::catalog::Category;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Store, StoreError};
use crate::domain::Slug;

#[derive(Debug, Deserialize)]
struct CategoryRow {
    slug: String,
    name: String,
    #[serde(default)]
    parent: Option<String>,
    path: Vec<String>,
}

impl Store {
    /// The path (root first, itself last) of category `slug`, if it exists.
    #[tracing::instrument(skip(self), fields(slug = slug.as_str()))]
    pub async fn category_path(&self, slug: &Slug) -> Result<Option<Vec<String>>, StoreError> {
        let paths: Vec<Value> = self
            .db()
            .query("SELECT VALUE path FROM category WHERE slug = $slug")
            .bind(json!({"slug": slug.as_str()}))
            .await?
            .take(0)?;
        paths
            .into_iter()
            .next()
            .map(serde_json::from_value)
            .transpose()
            .map_err(Into::into)
    }

    /// Adds a category under `parent_path` (the parent's path, empty for a root).
    #[tracing::instrument(skip(self, name), fields(slug = slug.as_str()))]
    pub async fn create_category(
        &self,
        slug: &Slug,
        name: &str,
        parent: Option<&Slug>,
        parent_path: &[String],
    ) -> Result<(), StoreError> {
        let mut path = parent_path.to_vec();
        path.push(slug.as_str().to_owned());
        let parent_set = if parent.is_some() {
            ", parent = $parent"
        } else {
            ""
        };
        self.db()
            .query(format!("CREATE category SET slug = $slug, name = $name, path = $path{parent_set} RETURN NONE"))
            .bind(json!({"slug": slug.as_str(), "name": name, "path": path, "parent": parent.map(Slug::as_str)}))
            .await
            .map_err(StoreError::from_write)?
            .check()
            .map_err(StoreError::from_write)?;
        Ok(())
    }

    /// Every category as a tree, children sorted by name.
    #[tracing::instrument(skip(self))]
    pub async fn category_tree(&self) -> Result<Vec<Category>, StoreError> {
        let rows: Vec<Value> = self
            .db()
            .query("SELECT slug, name, parent, path FROM category ORDER BY name")
            .await?
            .take(0)?;
        let rows: Vec<CategoryRow> = rows
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<_, _>>()?;
        Ok(children_of(None, &rows))
    }
}

fn children_of(parent: Option<&str>, rows: &[CategoryRow]) -> Vec<Category> {
    rows.iter()
        .filter(|row| row.parent.as_deref() == parent && row.path.len() < 16)
        .map(|row| Category {
            slug: row.slug.clone(),
            name: row.name.clone(),
            parent: row.parent.clone(),
            children: children_of(Some(&row.slug), rows),
        })
        .collect()
}
