//! What every handler and background task of the payment worker shares.

use std::sync::Arc;

use menuskart_kit::outbox::Relay;

use crate::orders_client::OrdersClient;
use crate::provider::PaymentProvider;
use crate::signature::WebhookVerifier;
use crate::store::Store;

#[derive(Debug)]
pub struct PaymentsState {
    pub store: Store,
    pub provider: Arc<dyn PaymentProvider>,
    pub orders: OrdersClient,
    pub relay: Relay,
    pub webhooks: WebhookVerifier,
}

impl PaymentsState {
    /// After a commit that wrote to the outbox: publish now rather than at the next poll.
    pub fn written(&self) {
        self.relay.wake();
    }
}
