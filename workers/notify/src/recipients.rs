//! Who a notification goes to and what it is about, asked of the auth and order services.
//!
//! Event handlers act for no signed-in user, so they use the service-only subjects
//! (`profile_of`, `marketing_opt_out`, `lookup`) that NATS grants to this worker and never to
//! the edge. A campaign is created by an admin, whose token is forwarded for the audience.

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::auth::{
    AudiencePage, AudienceRequest, LinkRef, LinkToken, Profile, UserRef,
};
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
            .call(auth::PROFILE_OF, &Caller::anonymous(), &UserRef { user_id })
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

    /// The token of an emailed account link, minted by auth for the email about to go out
    /// (see `crate::account_mail`). `None`: the link no longer works (used, retired by a newer
    /// one, expired), so there is nothing to send.
    pub async fn link_token(&self, link_id: uuid::Uuid) -> Result<Option<LinkToken>, RpcError> {
        let minted = self
            .client
            .call(auth::LINK_TOKEN, &Caller::anonymous(), &LinkRef { link_id })
            .await;
        match minted {
            Ok(token) => Ok(Some(token)),
            Err(RpcError::Reply(body)) if body.code == menuskart_schemas::ErrorCode::NotFound => {
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    /// Turns the user's promotional email off; the profile after.
    pub async fn opt_out(&self, user_id: UserId) -> Result<Profile, RpcError> {
        self.client
            .call(
                auth::MARKETING_OPT_OUT,
                &Caller::anonymous(),
                &UserRef { user_id },
            )
            .await
    }

    /// The order an event is about, if it is `user_id`'s (an event naming someone else's order
    /// would be a bug upstream: nothing is sent).
    /// Whether the order waits for its customer to pay (unpaid, no payment under way).
    pub async fn awaiting_payment(&self, order_id: OrderId) -> Result<bool, RpcError> {
        let answer: menuskart_schemas::orders::AwaitingPayment = self
            .client
            .call(
                orders::AWAITING_PAYMENT,
                &Caller::anonymous(),
                &OrderRef { order_id },
            )
            .await?;
        Ok(answer.awaiting_payment)
    }

    pub async fn order(&self, user_id: UserId, order_id: OrderId) -> Result<Order, RpcError> {
        let order: Order = self
            .client
            .call(orders::LOOKUP, &Caller::anonymous(), &OrderRef { order_id })
            .await?;
        if order.user_id == user_id {
            Ok(order)
        } else {
            Err(RpcError::Reply(menuskart_schemas::ErrorBody::new(
                menuskart_schemas::ErrorCode::NotFound,
                format!("order {order_id} is not {user_id}'s"),
            )))
        }
    }
}
