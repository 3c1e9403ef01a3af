//! What payments asks the order service: the order, as its owner sees it (the caller's token
//! is forwarded, so the order service checks ownership itself), or, when a provider's webhook
//! acts for no user, through the service-only `lookup` that NATS grants to payments.

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::orders::{Order, OrderRef};
use menuskart_schemas::subjects::orders;

#[derive(Debug, Clone)]
pub struct OrdersClient {
    client: ServiceClient,
}

impl OrdersClient {
    pub fn new(client: ServiceClient) -> Self {
        Self { client }
    }

    pub async fn order(&self, caller: &Caller, order_id: OrderId) -> Result<Order, RpcError> {
        self.client
            .call(orders::GET, caller, &OrderRef { order_id })
            .await
    }

    /// Any order, for work no user asked for (a webhook settling a payment).
    pub async fn lookup(&self, order_id: OrderId) -> Result<Order, RpcError> {
        self.client
            .call(orders::LOOKUP, &Caller::anonymous(), &OrderRef { order_id })
            .await
    }
}
