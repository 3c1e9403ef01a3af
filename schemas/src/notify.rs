//! Messages and events of the notification service (`mk.notify.*`, `mk.evt.notify.*`):
//! promotional campaigns and unsubscribing from them.

use crate::ids::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// POST /notifications/campaigns: a promotional email. `body` is plain text (blank lines
/// separate paragraphs); the shop's layout and an unsubscribe link are added to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignDraft {
    #[cfg_attr(feature = "openapi", schema(example = "Spring menu: 20 % off noodles"))]
    pub subject: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Hello!\n\nOur spring menu is here.")
    )]
    pub body: String,
}

/// `mk.notify.campaign_create`: the draft and the client's `Idempotency-Key` (a retried POST
/// creates one campaign).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateCampaign {
    #[serde(flatten)]
    pub draft: CampaignDraft,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// 202 to POST /notifications/campaigns: the campaign and how many opted-in users it goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignAccepted {
    pub campaign_id: Uuid,
    pub recipients: i64,
}

/// `mk.notify.campaign_get`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRef {
    pub campaign_id: Uuid,
}

/// GET /notifications/campaigns/{id} (admin): a campaign and how far its sending got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Campaign {
    pub campaign_id: Uuid,
    pub subject: String,
    pub body: String,
    /// Opted-in users when it was created.
    pub recipients: i64,
    pub sent: i64,
    /// Recipients who opted out (or left) before their turn came.
    pub skipped: i64,
    /// Failed so far (retried with backoff, then dead-lettered).
    pub failed: i64,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

/// `mk.notify.unsubscribe`: the signed token of an unsubscribe link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UnsubscribeRequest {
    /// From the link in a promotional email.
    pub token: String,
}

/// GET /notifications/unsubscribe: the consent now on the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unsubscribed {
    pub marketing_opt_in: bool,
}

/// `mk.evt.notify.campaign_message`: one campaign email still to send, to one user. One per
/// recipient, so the pool shares a campaign and each message is retried on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMessage {
    pub campaign_id: Uuid,
    pub user_id: UserId,
}
