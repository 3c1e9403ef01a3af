//! Who a notification goes to and what it is about, asked of the auth and order services as
//! the user concerned (so those services apply their own rules).

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::{AudiencePage, AudienceRequest, Profile, ProfilePatch};
use menuskart_schemas::ids::{OrderId, UserId};
use menuskart_schemas::orders::{Order, OrderRef};
use menuskart_schemas::subjects::{auth, orders};

/// Users per audience request.
const AUDIENCE_PAGE: u32 = 1_000;

#[derive(Debug, Clone)]
pub struct Directory {
    client: ServiceClient,
}

impl Directory {
    pub fn new(client: ServiceClient) -> Self {
        Self { client }
    }

    pub async fn profile(&self, user_id: UserId) -> Result<Profile, RpcError> {
        self.client
            .call(auth::PROFILE_GET, &Caller::user(user_id), &Empty {})
            .await
    }

    /// Every user who accepts promotional email now, asked as `caller` (the admin creating a
    /// campaign: the auth service checks that itself).
    pub async fn audience(&self, caller: &Caller) -> Result<Vec<UserId>, RpcError> {
        let mut users = Vec::new();
        let mut after = None;
        loop {
            let page: AudiencePage = self
                .client
                .call(
                    auth::MARKETING_AUDIENCE,
                    caller,
                    &AudienceRequest {
                        after,
                        limit: AUDIENCE_PAGE,
                    },
                )
                .await?;
            users.extend(page.user_ids);
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(users),
            }
        }
    }

    /// Turns the user's promotional email off, as that user; the profile after.
    pub async fn opt_out(&self, user_id: UserId) -> Result<Profile, RpcError> {
        let patch = ProfilePatch {
            marketing_opt_in: Some(false),
            ..ProfilePatch::default()
        };
        self.client
            .call(auth::PROFILE_UPDATE, &Caller::user(user_id), &patch)
            .await
    }

    pub async fn order(&self, user_id: UserId, order_id: OrderId) -> Result<Order, RpcError> {
        self.client
            .call(orders::GET, &Caller::user(user_id), &OrderRef { order_id })
            .await
    }
}
