//! Paging of every list: `page` from 1 and `per_page` from 1 to 100, the same in the edge's
//! query strings and in the requests the workers receive (flattened into them).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The most items one page holds.
pub const MAX_PER_PAGE: u32 = 100;
/// The deepest page: beyond any list a person pages through (a million rows at 100 a page),
/// and near enough that an offset never overflows and an offset scan stays bounded.
pub const MAX_PAGE: u32 = 10_000;

/// Which page of a list, and how long pages are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct Paging {
    /// From 1 (default 1) to 10000.
    #[serde(default = "first_page")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 10000, default = 1))]
    pub page: u32,
    /// 1 to 100 (default 20).
    #[serde(default = "default_per_page")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100, default = 20))]
    pub per_page: u32,
}

fn first_page() -> u32 {
    1
}

fn default_per_page() -> u32 {
    20
}

impl Default for Paging {
    fn default() -> Self {
        Self::new(first_page(), default_per_page())
    }
}

/// The rows a valid [`Paging`] stands for: skip `offset`, take `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub offset: u32,
    pub limit: u32,
}

/// A page or page length out of range; `field` is `page` or `per_page`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagingError {
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for PagingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for PagingError {}

impl Paging {
    pub const fn new(page: u32, per_page: u32) -> Self {
        Self { page, per_page }
    }

    /// The rows to read, or which value is out of range. The edge checks this before asking a
    /// worker, and the worker again (it serves other callers too).
    pub fn window(self) -> Result<Window, PagingError> {
        let out_of = |field, max| PagingError {
            field,
            message: format!("must be 1 to {max}"),
        };
        if !(1..=MAX_PAGE).contains(&self.page) {
            return Err(out_of("page", MAX_PAGE));
        }
        if !(1..=MAX_PER_PAGE).contains(&self.per_page) {
            return Err(out_of("per_page", MAX_PER_PAGE));
        }
        // At most 9_999 * 100: no overflow.
        Ok(Window {
            offset: (self.page - 1) * self.per_page,
            limit: self.per_page,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_offset_and_length() {
        assert_eq!(
            Paging::new(3, 20).window(),
            Ok(Window {
                offset: 40,
                limit: 20
            })
        );
        assert_eq!(
            Paging::new(MAX_PAGE, MAX_PER_PAGE)
                .window()
                .map(|w| w.offset),
            Ok(999_900)
        );
    }

    #[test]
    fn out_of_range_values_name_their_field() {
        for (paging, field) in [
            (Paging::new(0, 20), "page"),
            (Paging::new(999_999_999, 20), "page"),
            (Paging::new(u32::MAX, u32::MAX), "page"),
            (Paging::new(1, 0), "per_page"),
            (Paging::new(1, 101), "per_page"),
        ] {
            assert_eq!(
                paging.window().map_err(|e| e.field),
                Err(field),
                "{paging:?}"
            );
        }
    }

    #[test]
    fn missing_values_take_the_defaults_when_flattened() {
        #[derive(Deserialize)]
        struct Request {
            #[serde(flatten)]
            paging: Paging,
        }
        let request: Request = serde_json::from_str(r#"{"per_page": 5}"#).unwrap();
        assert_eq!(request.paging, Paging::new(1, 5));
    }
}
