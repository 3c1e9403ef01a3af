//! What every handler of the catalog worker shares.

use menuskart_kit::rpc::ServiceClient;

use crate::cache::Cache;
use crate::store::Store;

#[derive(Debug)]
pub struct CatalogState {
    pub store: Store,
    pub cache: Cache,
    /// For asking other services (inventory about stock, auth about a reviewer's name), waiting
    /// at most `MK_STOCK_TIMEOUT_MS` for each answer.
    pub services: ServiceClient,
}
