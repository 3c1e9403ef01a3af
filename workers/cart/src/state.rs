//! What every handler of the cart worker shares.

use crate::catalog_client::CatalogClient;
use crate::domain::{Limits, ShopDefaults};
use crate::store::Store;

#[derive(Debug)]
pub struct CartState {
    pub store: Store,
    pub catalog: CatalogClient,
    /// What an empty cart says.
    pub shop: ShopDefaults,
    pub limits: Limits,
}
