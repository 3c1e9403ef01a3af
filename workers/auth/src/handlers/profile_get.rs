//! `mk.auth.profile_get`: the caller's own profile.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::Profile;
use menuskart_schemas::ids::UserId;

use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<AuthState>, req: Incoming<Empty>) -> Result<Profile, ReplyError> {
    profile(&state, req.caller.require_user()?).await
}

/// The profile of `user_id`, or `not_found`.
pub(crate) async fn profile(state: &AuthState, user_id: UserId) -> Result<Profile, ReplyError> {
    let user = state
        .store
        .user_by_id(user_id)
        .await
        .map_err(ReplyError::internal)?
        .ok_or_else(|| ReplyError::not_found("no such account"))?;
    Ok(user.into_profile())
}
