//! Categories: a tree by parent slug; each stores its path from the root.

use menuskart_schemas::catalog::Category;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Store, StoreError};
use crate::domain::{CategoryRates, Slug};

/// A category as stored.
#[derive(Debug, Deserialize)]
pub struct CategoryRow {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    /// Root first, itself last.
    pub path: Vec<String>,
    /// The rate the owner set on it, if any.
    #[serde(default)]
    pub tax_rate_bp: Option<i64>,
}

/// What [`Store::delete_category`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryDeleted {
    Deleted,
    NotFound,
    /// Not deleted: sub-categories or products (of any status) use it.
    InUse {
        children: i64,
        products: i64,
    },
}

/// What a category update changes; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct CategoryChange<'a> {
    pub name: Option<&'a str>,
    /// `Some(None)` removes the category's own rate.
    pub tax_rate_bp: Option<Option<i64>>,
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

    /// Changes a category's name or tax rate; false when there is no such category.
    #[tracing::instrument(skip(self, change), fields(slug = slug.as_str()))]
    pub async fn update_category(
        &self,
        slug: &Slug,
        change: &CategoryChange<'_>,
    ) -> Result<bool, StoreError> {
        let mut sets = Vec::new();
        if change.name.is_some() {
            sets.push("name = $name");
        }
        match change.tax_rate_bp {
            Some(Some(_)) => sets.push("tax_rate_bp = $rate"),
            Some(None) => sets.push("tax_rate_bp = NONE"),
            None => {}
        }
        if sets.is_empty() {
            return Ok(self.category_path(slug).await?.is_some());
        }
        let updated: Vec<Value> = self
            .db()
            .query(format!(
                "UPDATE category SET {} WHERE slug = $slug RETURN VALUE slug",
                sets.join(", ")
            ))
            .bind(json!({
                "slug": slug.as_str(),
                "name": change.name,
                "rate": change.tax_rate_bp.flatten(),
            }))
            .await?
            .take(0)?;
        Ok(!updated.is_empty())
    }

    /// Gives each category of `moved` (slug, new path) its new path, and the products in it
    /// theirs; the first one (the category moved) gets `parent` too. One transaction: no
    /// listing sees half a move.
    #[tracing::instrument(skip(self, moved))]
    pub async fn move_categories(
        &self,
        parent: Option<&str>,
        moved: &[Vec<String>],
    ) -> Result<(), StoreError> {
        let mut sql = String::from("BEGIN TRANSACTION; ");
        let mut vars = serde_json::Map::new();
        vars.insert("parent".into(), json!(parent));
        for (i, path) in moved.iter().enumerate() {
            let Some(slug) = path.last() else { continue };
            vars.insert(format!("slug{i}"), json!(slug));
            vars.insert(format!("path{i}"), json!(path));
            let parent_set = if i == 0 { ", parent = $parent" } else { "" };
            sql.push_str(&format!(
                "UPDATE category SET path = $path{i}{parent_set} WHERE slug = $slug{i} RETURN NONE; \
                 UPDATE product SET category_path = $path{i} WHERE category = $slug{i} RETURN NONE; "
            ));
        }
        sql.push_str("COMMIT TRANSACTION;");
        self.db()
            .query(sql)
            .bind(Value::Object(vars))
            .await
            .map_err(StoreError::from_write)?
            .check()
            .map_err(StoreError::from_write)?;
        Ok(())
    }

    /// Deletes category `slug` unless something uses it: what does, else whether it existed.
    #[tracing::instrument(skip(self), fields(slug = slug.as_str()))]
    pub async fn delete_category(&self, slug: &Slug) -> Result<CategoryDeleted, StoreError> {
        let mut response = self
            .db()
            .query(
                "SELECT VALUE count() FROM category WHERE parent = $slug GROUP ALL; \
                 SELECT VALUE count() FROM product WHERE category_path CONTAINS $slug GROUP ALL;",
            )
            .bind(json!({"slug": slug.as_str()}))
            .await?;
        let children: Vec<i64> = response.take(0)?;
        let products: Vec<i64> = response.take(1)?;
        let (children, products) = (
            children.first().copied().unwrap_or(0),
            products.first().copied().unwrap_or(0),
        );
        if children > 0 || products > 0 {
            return Ok(CategoryDeleted::InUse { children, products });
        }
        let deleted: Vec<Value> = self
            .db()
            .query("DELETE category WHERE slug = $slug RETURN BEFORE")
            .bind(json!({"slug": slug.as_str()}))
            .await?
            .take(0)?;
        Ok(if deleted.is_empty() {
            CategoryDeleted::NotFound
        } else {
            CategoryDeleted::Deleted
        })
    }

    /// Every category, sorted by name.
    #[tracing::instrument(skip(self))]
    pub async fn categories(&self) -> Result<Vec<CategoryRow>, StoreError> {
        let rows: Vec<Value> = self
            .db()
            .query("SELECT slug, name, parent, path, tax_rate_bp FROM category ORDER BY name")
            .await?
            .take(0)?;
        super::rows_as(rows)
    }
}

/// `rows` as a tree (children in the rows' order), each with the rate its products pay.
pub fn category_tree(rows: &[CategoryRow], rates: &CategoryRates) -> Vec<Category> {
    children_of(None, rows, rates)
}

fn children_of(parent: Option<&str>, rows: &[CategoryRow], rates: &CategoryRates) -> Vec<Category> {
    rows.iter()
        .filter(|row| row.parent.as_deref() == parent && row.path.len() < 16)
        .map(|row| Category {
            slug: row.slug.clone(),
            name: row.name.clone(),
            parent: row.parent.clone(),
            tax_rate_bp: row.tax_rate_bp,
            effective_tax_rate_bp: rates.rate_for(&row.slug),
            children: children_of(Some(&row.slug), rows, rates),
        })
        .collect()
}
