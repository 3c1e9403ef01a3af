//! What every handler and background task of the order worker shares.

use chrono::Duration;
use menuskart_kit::outbox::Relay;

use crate::clients::Services;
use crate::live::Watches;
use crate::store::Store;

#[derive(Debug)]
pub struct OrdersState {
    pub store: Store,
    pub services: Services,
    pub relay: Relay,
    /// How long an order may stay unpaid.
    pub payment_timeout: Duration,
    /// How long a payment under way keeps its order from expiring.
    pub payment_wait_max: Duration,
    /// How many unpaid orders one customer may have at once.
    pub max_unpaid: i64,
    /// The live views this instance feeds ([`crate::live`]).
    pub watches: Watches,
    /// Where status changes are heard and forwarded to watchers.
    pub live_client: async_nats::Client,
    /// The shop's currency and time zone, for the sales overview.
    pub shop: crate::store::Shop,
}

impl OrdersState {
    /// After a commit that wrote to the outbox: publish now rather than at the next poll.
    pub fn written(&self) {
        self.relay.wake();
    }
}
