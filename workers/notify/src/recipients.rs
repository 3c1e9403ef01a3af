//! Who a notification goes to and what it is about, asked of the auth and order services as
//! the user concerned (so those services apply their own rules).

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::auth::Profile;
use menuskart_schemas::orders::{Order, OrderRef};
use menuskart_schemas::subjects::{auth, orders};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct Directory {
    client: ServiceClient,
}

impl Directory {
    pub fn new(client: ServiceClient) -> Self {
        Self { client }
    }

    pub async fn profile(&self, user_id: Uuid) -> Result<Profile, RpcError> {
        self.client
            .call(
                auth::PROFILE_GET,
                &Caller::user(user_id),
                &serde_json::json!({}),
            )
            .await
    }

    pub async fn order(&self, user_id: Uuid, order_id: Uuid) -> Result<Order, RpcError> {
        self.client
            .call(orders::GET, &Caller::user(user_id), &OrderRef { order_id })
            .await
    }
}
