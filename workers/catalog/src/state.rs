//! What every handler of the catalog worker shares.

use std::time::Duration;

use crate::cache::Cache;
use crate::store::Store;

#[derive(Debug)]
pub struct CatalogState {
    pub store: Store,
    pub cache: Cache,
    /// For asking the inventory service about stock.
    pub nats: async_nats::Client,
    pub stock_timeout: Duration,
}
