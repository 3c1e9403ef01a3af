//! `mk.notify.campaign_create` (admin): a promotional email to every user who accepts them.
//! The audience is fixed now (asked of the auth service as the admin); the campaign and one
//! message per recipient are committed together and then sent at the campaign pace.

use std::sync::Arc;

use menuskart_kit::{IdempotencyKey, Incoming, ReplyError};
use menuskart_schemas::notify::{CampaignAccepted, CreateCampaign};
use uuid::Uuid;

use crate::campaign_text::CampaignText;
use crate::state::NotifyState;

/// Namespace of campaign ids derived from an admin's `Idempotency-Key`.
const CAMPAIGN_IDS: Uuid = Uuid::from_u128(0x2d7e_6a90_c4b1_4e3f_9f08_51ac_b6d2_7e19);

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<NotifyState>,
    req: Incoming<CreateCampaign>,
) -> Result<CampaignAccepted, ReplyError> {
    let admin = req.caller.require_admin()?;
    let text = CampaignText::parse(req.body.draft)?;
    let (_, campaign_id) =
        IdempotencyKey::resolve(req.body.idempotency_key.as_deref(), &CAMPAIGN_IDS, admin)?;
    // A retry finds its campaign and asks nobody for the audience again.
    if let Some(existing) = state
        .store
        .campaign(campaign_id)
        .await
        .map_err(ReplyError::internal)?
    {
        // The same key for other words is a mistake, not a retry: say so rather than answer
        // for a campaign the admin did not write this time.
        if existing.subject != text.subject() || existing.body != text.body() {
            return Err(ReplyError::conflict(
                "this Idempotency-Key was used for another campaign",
            ));
        }
        return Ok(CampaignAccepted {
            campaign_id,
            recipients: existing.recipients,
        });
    }
    let audience = state.directory.audience(&req.caller).await?;
    let recipients = state
        .store
        .create_campaign(campaign_id, admin, &text, &audience)
        .await
        .map_err(ReplyError::internal)?;
    state.relay.wake();
    tracing::info!(%campaign_id, recipients, "campaign created");
    Ok(CampaignAccepted {
        campaign_id,
        recipients,
    })
}
