//! Domain values of the catalog, parsed at the boundary.

pub mod attribute_facets;
mod listing_query;
mod product_draft;
mod slug;

pub use listing_query::{ListingQuery, MAX_QUERY_CHARS};
pub use menuskart_kit::ValidationError;
pub use menuskart_schemas::money::Currency;
pub use product_draft::ProductDraft;
pub use slug::Slug;
