//! `mk.auth.password_reset_check`: whether a reset link still works, asked when the reset page
//! opens, so that a used or expired link says so before a new password is typed. Changes
//! nothing; the answer for a link that does not work is the confirm's own.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{ResetLinkCheck, ResetLinkValid};

use super::password_reset_confirm::unusable_link;
use crate::opaque_token::digest;
use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<ResetLinkCheck>,
) -> Result<ResetLinkValid, ReplyError> {
    let expires_at = state
        .store
        .reset_link_expiry(&digest(req.body.token.trim()))
        .await?
        .ok_or_else(unusable_link)?;
    Ok(ResetLinkValid { expires_at })
}
