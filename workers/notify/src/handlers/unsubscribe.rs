//! `mk.notify.unsubscribe`: the link in a promotional email, followed without logging in. The
//! signed token is the only credential; a valid one turns the user's promotional email off
//! (again, harmlessly, when followed twice).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::notify::{UnsubscribeRequest, Unsubscribed};

use crate::state::NotifyState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<NotifyState>,
    req: Incoming<UnsubscribeRequest>,
) -> Result<Unsubscribed, ReplyError> {
    let user_id = state
        .unsubscribe
        .verify(&req.body.token)
        .map_err(|e| ReplyError::bad_request(e.to_string()))?;
    let profile = state.directory.opt_out(user_id).await?;
    tracing::info!(%user_id, "unsubscribed from promotional email");
    Ok(Unsubscribed {
        marketing_opt_in: profile.marketing_opt_in,
    })
}
