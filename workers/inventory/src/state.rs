//! What every handler of the inventory worker shares.

use menuskart_kit::events::Events;

use crate::store::Store;

#[derive(Debug)]
pub struct InventoryState {
    pub store: Store,
    pub events: Events,
    pub low_stock_threshold: i64,
}
