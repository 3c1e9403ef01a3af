//! `mk.auth.verify_email_resend`: the caller asks for a new verification link (the first one
//! expired, or never arrived). Nothing is sent for an address verified already.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;

use crate::state::AuthState;
use crate::store::LinkPurpose;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<AuthState>, req: Incoming<Empty>) -> Result<Empty, ReplyError> {
    let user_id = req.caller.require_user()?;
    let user = state
        .store
        .user_by_id(user_id)
        .await?
        .ok_or_else(|| ReplyError::unauthorized("no such account"))?;
    if user.email_verified_at.is_none() {
        state
            .store
            .issue_link(LinkPurpose::VerifyEmail, &user, state.links.verify_email)
            .await?;
        state.relay.wake();
    }
    Ok(Empty {})
}
