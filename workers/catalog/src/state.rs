//! What every handler of the catalog worker shares.

use menuskart_kit::rpc::ServiceClient;

use crate::cache::Cache;
use crate::domain::{Currency, TaxRates};
use crate::store::Store;

/// How the shop prices its products (settings, fixed while the worker runs).
#[derive(Debug)]
pub struct Pricing {
    /// `MK_SHOP_CURRENCY`: the one currency every product is priced in.
    pub currency: Currency,
    /// `MK_PRICES_INCLUDE_TAX`.
    pub prices_include_tax: bool,
    /// `MK_TAX_DEFAULT_BP` and `MK_TAX_RATES`; a rate set on a category in the admin wins.
    pub rates: TaxRates,
}

#[derive(Debug)]
pub struct CatalogState {
    pub store: Store,
    pub cache: Cache,
    pub pricing: Pricing,
    /// For asking other services (inventory about stock, auth about a reviewer's name), waiting
    /// at most `MK_STOCK_TIMEOUT_MS` for each answer.
    pub services: ServiceClient,
}
