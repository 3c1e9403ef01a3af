//! Domain values of the catalog, parsed at the boundary.

pub mod attribute_facets;
mod currency;
mod listing_query;
mod product_draft;
mod slug;

pub use currency::Currency;
pub use listing_query::{ListingQuery, MAX_QUERY_CHARS};
pub use menuskart_kit::ValidationError;
pub use product_draft::ProductDraft;
pub use slug::Slug;
