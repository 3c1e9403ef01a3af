//! What the order worker asks other services: the caller's cart and profile, the shop's
//! pricing, and stock reservations.

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::Profile;
use menuskart_schemas::cart::{Cart, CartRef};
use menuskart_schemas::catalog::ShopInfo;
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::inventory::{Reservation, ReservationLine, ReservationRef, ReserveRequest};
use menuskart_schemas::subjects::{auth, cart, catalog, inventory};

#[derive(Debug, Clone)]
pub struct Services {
    client: ServiceClient,
}

impl Services {
    pub fn new(client: ServiceClient) -> Self {
        Self { client }
    }

    /// The user's cart, priced now (the cart service checks the caller too).
    pub async fn cart(&self, user: &Caller) -> Result<Cart, RpcError> {
        self.client.call(cart::GET, user, &CartRef::default()).await
    }

    pub async fn clear_cart(&self, user: &Caller) -> Result<Cart, RpcError> {
        self.client
            .call(cart::CLEAR, user, &CartRef::default())
            .await
    }

    /// The shop's pricing: whether prices include tax and the standard rate delivery carries.
    pub async fn shop(&self) -> Result<ShopInfo, RpcError> {
        self.client
            .call(catalog::SHOP, &Caller::anonymous(), &Empty {})
            .await
    }

    /// The caller's profile (its email goes on the order).
    pub async fn profile(&self, user: &Caller) -> Result<Profile, RpcError> {
        self.client.call(auth::PROFILE_GET, user, &Empty {}).await
    }

    pub async fn reserve(
        &self,
        order_id: OrderId,
        lines: Vec<ReservationLine>,
    ) -> Result<Reservation, RpcError> {
        let request = ReserveRequest { order_id, lines };
        self.client
            .call(inventory::RESERVE, &Caller::anonymous(), &request)
            .await
    }

    pub async fn release(&self, order_id: OrderId) -> Result<Reservation, RpcError> {
        self.client
            .call(
                inventory::RELEASE,
                &Caller::anonymous(),
                &ReservationRef { order_id },
            )
            .await
    }

    pub async fn commit(&self, order_id: OrderId) -> Result<Reservation, RpcError> {
        self.client
            .call(
                inventory::COMMIT,
                &Caller::anonymous(),
                &ReservationRef { order_id },
            )
            .await
    }
}
