use std::collections::BTreeMap;

use menuskart_schemas::catalog::{ListProducts, Sort, StatusFilter};
use menuskart_schemas::paging::{Paging, Window};

use super::{Slug, ValidationError};

/// Longer search queries are refused: nobody types them, and each word costs an index lookup.
pub const MAX_QUERY_CHARS: usize = 200;

/// A listing or search request whose filters are valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingQuery {
    pub query: Option<String>,
    pub category: Option<Slug>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub in_stock: bool,
    pub max_available: Option<i64>,
    pub attributes: BTreeMap<String, String>,
    /// Whose products: shoppers see active ones (the handler checks who may ask for others).
    pub status: StatusFilter,
    pub sort: Sort,
    pub paging: Paging,
    /// The rows `paging` stands for.
    pub window: Window,
}

impl ListingQuery {
    /// `search` requires a non-empty query; a listing ignores one.
    pub fn parse(raw: ListProducts, search: bool) -> Result<Self, ValidationError> {
        let query = if search {
            let query = raw.query.as_deref().unwrap_or("").trim();
            if query.is_empty() {
                return Err(ValidationError::new("query", "must not be empty"));
            }
            if query.chars().count() > MAX_QUERY_CHARS {
                return Err(ValidationError::new(
                    "query",
                    format!("must be at most {MAX_QUERY_CHARS} characters"),
                ));
            }
            Some(query.to_owned())
        } else {
            None
        };
        let window = raw.paging.window()?;
        if raw.max_available.is_some_and(|units| units < 0) {
            return Err(ValidationError::new(
                "max_available",
                "must not be negative",
            ));
        }
        for (field, price) in [("min_price", raw.min_price), ("max_price", raw.max_price)] {
            if price.is_some_and(|p| p < 0) {
                return Err(ValidationError::new(field, "must not be negative"));
            }
        }
        if let (Some(min), Some(max)) = (raw.min_price, raw.max_price)
            && min > max
        {
            return Err(ValidationError::new(
                "min_price",
                "must not exceed max_price",
            ));
        }
        if raw.attributes.len() > 10
            || raw.attributes.keys().any(|k| {
                k.is_empty()
                    || k.len() > 50
                    || !k
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
        {
            return Err(ValidationError::new(
                "attributes",
                "at most 10 filters, keys of a-z, 0-9, _",
            ));
        }
        Ok(Self {
            query,
            category: raw
                .category
                .as_deref()
                .map(|c| Slug::parse("category", c))
                .transpose()?,
            min_price: raw.min_price,
            max_price: raw.max_price,
            in_stock: raw.in_stock.unwrap_or(false),
            max_available: raw.max_available,
            attributes: raw.attributes,
            status: raw.status,
            sort: raw.sort,
            paging: raw.paging,
            window,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> ListProducts {
        ListProducts::default()
    }

    #[test]
    fn a_search_needs_a_sensible_query() {
        assert_eq!(ListingQuery::parse(raw(), true).unwrap_err().field, "query");
        let long = ListProducts {
            query: Some("x".repeat(201)),
            ..raw()
        };
        assert_eq!(ListingQuery::parse(long, true).unwrap_err().field, "query");
        let ok = ListProducts {
            query: Some("  curry ".into()),
            ..raw()
        };
        assert_eq!(
            ListingQuery::parse(ok, true).unwrap().query.as_deref(),
            Some("curry")
        );
    }

    #[test]
    fn pages_and_prices_are_checked() {
        for (page, per_page) in [(0, 20), (1, 101), (999_999_999, 20)] {
            let raw = ListProducts {
                paging: Paging::new(page, per_page),
                ..raw()
            };
            assert!(ListingQuery::parse(raw, false).is_err());
        }
        let inverted = ListProducts {
            min_price: Some(10),
            max_price: Some(5),
            ..raw()
        };
        assert_eq!(
            ListingQuery::parse(inverted, false).unwrap_err().field,
            "min_price"
        );
    }
}
