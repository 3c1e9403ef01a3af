//! `mk.auth.profile_of`: a user's profile, for a service acting for no signed-in user (notify
//! addressing an email). NATS grants this subject to those services only, never to the edge.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{Profile, UserRef};

use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(state: Arc<AuthState>, req: Incoming<UserRef>) -> Result<Profile, ReplyError> {
    super::profile_get::profile(&state, req.body.user_id).await
}
