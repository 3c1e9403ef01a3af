//! What every handler of the catalog worker shares.

use std::time::Duration;

use crate::cache::Cache;
use crate::store::Store;

#[derive(Debug)]
pub struct CatalogState {
    pub store: Store,
    pub cache: Cache,
    /// For asking other services: inventory about stock, auth about a reviewer's name.
    pub nats: async_nats::Client,
    /// How long the catalog waits for them (`MK_STOCK_TIMEOUT_MS`).
    pub service_timeout: Duration,
}
