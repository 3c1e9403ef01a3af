//! `mk.notify.campaign_get` (admin): a campaign and how far its sending got.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::notify::{Campaign, CampaignRef};

use crate::state::NotifyState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<NotifyState>,
    req: Incoming<CampaignRef>,
) -> Result<Campaign, ReplyError> {
    req.caller.require_admin()?;
    let id = req.body.campaign_id;
    state
        .store
        .campaign(id)
        .await
        .map_err(ReplyError::internal)?
        .ok_or_else(|| ReplyError::not_found(format!("no campaign {id}")))
}
