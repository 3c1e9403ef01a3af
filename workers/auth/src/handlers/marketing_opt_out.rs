//! `mk.auth.marketing_opt_out`: a user's promotional email turned off, for the notify worker
//! once it has checked the signed unsubscribe link. NATS grants this subject to notify only.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{Profile, UserRef};

use crate::state::AuthState;
use crate::store::users::ProfileChanges;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<AuthState>, req: Incoming<UserRef>) -> Result<Profile, ReplyError> {
    let changes = ProfileChanges {
        marketing_opt_in: Some(false),
        ..ProfileChanges::default()
    };
    let user = state
        .store
        .update_profile(req.body.user_id, changes)
        .await?
        .ok_or_else(|| ReplyError::not_found("no such account"))?;
    Ok(user.into_profile())
}
