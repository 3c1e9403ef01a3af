//! Domain values of the catalog, parsed at the boundary.

pub mod attribute_facets;
mod category_move;
mod listing_query;
mod product_draft;
mod reviewer_name;
mod slug;
mod stock_shown;
mod tax_rates;

pub use category_move::{IntoItself, moved_paths};
pub use listing_query::{ListingQuery, MAX_QUERY_CHARS};
pub use menuskart_kit::ValidationError;
pub use menuskart_schemas::money::Currency;
pub use product_draft::ProductDraft;
pub use reviewer_name::reviewer_name;
pub use slug::Slug;
pub use stock_shown::StockShown;
pub use tax_rates::{CategoryRates, TaxRates, TaxRatesError, checked_rate};
