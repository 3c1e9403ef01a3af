//! What the order worker asks other services: the caller's cart, stock reservations, and (for an
//! admin's search) which accounts an email matches.

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::auth::{UsersListRequest, UsersPage};
use menuskart_schemas::cart::{Cart, CartRef};
use menuskart_schemas::inventory::{Reservation, ReservationLine, ReservationRef, ReserveRequest};
use menuskart_schemas::subjects::{auth, cart, inventory};
use uuid::Uuid;

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

    /// Ids of up to `limit` accounts whose email contains `email`, asked as `admin` (the auth
    /// service checks the role again).
    pub async fn users_with_email(
        &self,
        admin: &Caller,
        email: &str,
        limit: u32,
    ) -> Result<Vec<Uuid>, RpcError> {
        let request = UsersListRequest {
            page: 1,
            per_page: limit,
            email: Some(email.to_owned()),
        };
        let page: UsersPage = self.client.call(auth::USERS_LIST, admin, &request).await?;
        Ok(page.items.into_iter().map(|user| user.id).collect())
    }

    pub async fn reserve(
        &self,
        order_id: Uuid,
        lines: Vec<ReservationLine>,
    ) -> Result<Reservation, RpcError> {
        let request = ReserveRequest { order_id, lines };
        self.client
            .call(inventory::RESERVE, &Caller::default(), &request)
            .await
    }

    pub async fn release(&self, order_id: Uuid) -> Result<Reservation, RpcError> {
        self.client
            .call(
                inventory::RELEASE,
                &Caller::default(),
                &ReservationRef { order_id },
            )
            .await
    }

    pub async fn commit(&self, order_id: Uuid) -> Result<Reservation, RpcError> {
        self.client
            .call(
                inventory::COMMIT,
                &Caller::default(),
                &ReservationRef { order_id },
            )
            .await
    }
}
