//! `mk.auth.profile_get`: the caller's own profile.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::Profile;

use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<AuthState>, req: Incoming<Empty>) -> Result<Profile, ReplyError> {
    let user_id = req.caller.require_user()?;
    let user = state
        .store
        .user_by_id(user_id)
        .await
        .map_err(ReplyError::internal)?
        .ok_or_else(|| ReplyError::not_found("no such account"))?;
    Ok(user.into_profile())
}
