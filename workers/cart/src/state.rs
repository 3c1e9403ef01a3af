//! What every handler of the cart worker shares.

use crate::catalog_client::CatalogClient;
use crate::domain::{Limits, TaxRates};
use crate::store::Store;

#[derive(Debug)]
pub struct CartState {
    pub store: Store,
    pub catalog: CatalogClient,
    pub tax: TaxRates,
    pub limits: Limits,
}
