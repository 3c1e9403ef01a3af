//! `mk.auth.marketing_audience` (admin): who accepts promotional email, a page of ids at a
//! time. The notification service asks it, as the admin who creates a campaign.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{AudiencePage, AudienceRequest};

use crate::state::AuthState;

const MAX_LIMIT: u32 = 1_000;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<AudienceRequest>,
) -> Result<AudiencePage, ReplyError> {
    req.caller.require_admin()?;
    let AudienceRequest { after, limit } = req.body;
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ReplyError::invalid_field(
            "limit",
            format!("must be 1 to {MAX_LIMIT}"),
        ));
    }
    let user_ids = state
        .store
        .marketing_audience(after, i64::from(limit))
        .await
        .map_err(ReplyError::internal)?;
    // A full page may have a successor; a short one is the last.
    let next = if user_ids.len() == limit as usize {
        user_ids.last().copied()
    } else {
        None
    };
    Ok(AudiencePage { user_ids, next })
}
