//! Listings and search: filters, sort and pagination turned into one SurrealQL query, with
//! every user value bound as a parameter.

use menuskart_schemas::catalog::{ProductStatus, Sort, StatusFilter};
use serde_json::{Map, Value, json};

use super::products::{COLUMNS, decode};
use super::{Store, StoreError};
use crate::domain::ListingQuery;

/// A page of products and how many match in all.
#[derive(Debug)]
pub struct Listing {
    pub items: Vec<menuskart_schemas::catalog::Product>,
    pub total: i64,
}

impl Store {
    /// Every product's attribute map: the input of [`crate::domain::attribute_facets`]. One
    /// pass over the catalog, so callers cache the result (it changes only with a write).
    #[tracing::instrument(skip(self))]
    pub async fn all_attributes(&self) -> Result<Vec<Map<String, Value>>, StoreError> {
        let rows: Vec<Value> = self
            .db()
            // Only what shoppers can find: a draft's attributes are not offered as filters.
            .query("SELECT VALUE attributes FROM product WHERE status = 'active'")
            .await?
            .take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| match row {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .collect())
    }
}

/// At most this many distinct words of a query are searched for.
pub const MAX_SEARCH_WORDS: usize = 8;

/// The distinct words of a search query, lower-cased, in order.
fn words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if !words.contains(&word) && words.len() < MAX_SEARCH_WORDS {
            words.push(word);
        }
    }
    words
}

/// The match condition and relevance of a search. SurrealDB's `@@` requires every word of its
/// text, so each word gets its own three matches (name, description, name prefix) and a
/// product matches when any word does: one that matches more words sums more scores and ranks
/// higher. A hit in the name counts most, a whole word in the description next, a name prefix
/// (typing in progress) least.
fn search(words: &[String], vars: &mut Map<String, Value>) -> (String, String) {
    let mut matches = Vec::new();
    let mut scores = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let (name, description, prefix) = (3 * i, 3 * i + 1, 3 * i + 2);
        vars.insert(format!("word_{i}"), json!(word));
        matches.push(format!("name @{name}@ $word_{i}"));
        matches.push(format!("description @{description}@ $word_{i}"));
        scores.push(format!("search::score({name}) * 3"));
        scores.push(format!("search::score({description})"));
        if word.chars().count() >= 2 {
            matches.push(format!("name_prefixes @{prefix}@ $word_{i}"));
            scores.push(format!("search::score({prefix}) * 0.5"));
        }
    }
    (
        format!("({})", matches.join(" OR ")),
        format!("({}) AS score", scores.join(" + ")),
    )
}

fn conditions(query: &ListingQuery) -> (String, Option<String>, Map<String, Value>) {
    let mut clauses = Vec::new();
    let mut vars = Map::new();
    let mut score = None;
    if let Some(text) = &query.query {
        let words = words(text);
        if words.is_empty() {
            // Only punctuation: nothing can match.
            clauses.push("false".to_owned());
        } else {
            let (matches, relevance) = search(&words, &mut vars);
            clauses.push(matches);
            score = Some(relevance);
        }
    }
    let status = match query.status {
        StatusFilter::Any => None,
        StatusFilter::Active => Some(ProductStatus::Active),
        StatusFilter::Draft => Some(ProductStatus::Draft),
        StatusFilter::Archived => Some(ProductStatus::Archived),
    };
    if let Some(status) = status {
        clauses.push("status = $status".into());
        vars.insert("status".into(), json!(status.as_str()));
    }
    if let Some(category) = &query.category {
        clauses.push("category_path CONTAINS $category".into());
        vars.insert("category".into(), json!(category.as_str()));
    }
    if let Some(min) = query.min_price {
        clauses.push("price >= $min_price".into());
        vars.insert("min_price".into(), json!(min));
    }
    if let Some(max) = query.max_price {
        clauses.push("price <= $max_price".into());
        vars.insert("max_price".into(), json!(max));
    }
    if query.in_stock {
        clauses.push("available > 0".into());
    }
    if let Some(units) = query.max_available {
        clauses.push("available <= $max_available".into());
        vars.insert("max_available".into(), json!(units));
    }
    for (i, (key, value)) in query.attributes.iter().enumerate() {
        clauses.push(format!(
            "<string> attributes[$attr_key_{i}] = $attr_value_{i}"
        ));
        vars.insert(format!("attr_key_{i}"), json!(key));
        vars.insert(format!("attr_value_{i}"), json!(value));
    }
    let clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    (clause, score, vars)
}

fn order(query: &ListingQuery) -> &'static str {
    match (
        query.sort,
        query.query.as_deref().is_some_and(|q| !words(q).is_empty()),
    ) {
        (Sort::Relevance, true) => "ORDER BY score DESC, pid",
        (Sort::Relevance | Sort::Newest, _) => "ORDER BY created_at DESC, pid",
        (Sort::PriceAsc, _) => "ORDER BY price ASC, pid",
        (Sort::PriceDesc, _) => "ORDER BY price DESC, pid",
        (Sort::Name, _) => "ORDER BY name ASC, pid",
    }
}

impl Store {
    #[tracing::instrument(skip(self))]
    pub async fn list_products(&self, query: &ListingQuery) -> Result<Listing, StoreError> {
        let (clause, score, mut vars) = conditions(query);
        vars.insert("limit".into(), json!(query.window.limit));
        vars.insert("start".into(), json!(query.window.offset));
        let score = score.map(|s| format!(", {s}")).unwrap_or_default();
        let sql = format!(
            // One transaction: the page and the total come from the same snapshot.
            "BEGIN TRANSACTION; \
             SELECT {COLUMNS}, created_at AS created_sort{score} FROM product {clause} {order} \
             LIMIT $limit START $start; \
             SELECT count() AS total FROM product {clause} GROUP ALL; \
             COMMIT TRANSACTION;",
            order = order(query).replace("created_at", "created_sort"),
        );
        let mut response = self
            .db()
            .query(sql)
            .bind(Value::Object(vars))
            .await?
            .check()?;
        // Result 0 is BEGIN's.
        let rows: Vec<Value> = response.take(1)?;
        let totals: Vec<Value> = response.take(2)?;
        let total = totals
            .first()
            .and_then(|t| t["total"].as_i64())
            .unwrap_or(0);
        Ok(Listing {
            items: decode(rows)?,
            total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_distinct_words() {
        assert_eq!(words("Green  curry, GREEN!"), ["green", "curry"]);
        assert!(words("?!").is_empty());
        assert_eq!(words("a b c d e f g h i j").len(), MAX_SEARCH_WORDS);
    }

    #[test]
    fn every_word_is_a_bound_parameter() {
        let mut vars = Map::new();
        let (matches, score) = search(&["curry".into(), "x".into()], &mut vars);
        assert_eq!(vars["word_0"], "curry");
        assert!(matches.contains("name_prefixes @2@ $word_0"));
        assert!(
            !matches.contains("@5@"),
            "one-letter words skip the prefix index"
        );
        assert!(score.ends_with("AS score"));
    }
}
