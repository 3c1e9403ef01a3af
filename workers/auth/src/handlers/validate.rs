//! `mk.auth.validate`: is this access token good *now*? Beyond the signature and expiry the edge
//! checks, the session must not be revoked and the account must exist; roles are the current ones.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{TokenRequest, ValidatedToken};

use super::decode_access_token;
use crate::state::AuthState;

/// A revoked session, or an account that is gone.
fn session_ended() -> ReplyError {
    ReplyError::unauthorized("the session of this token has ended")
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<TokenRequest>,
) -> Result<ValidatedToken, ReplyError> {
    let claims = decode_access_token(&state.tokens.verifier, &req.body.access_token)?;
    if !state
        .store
        .session_is_active(claims.sub, claims.sid)
        .await?
    {
        return Err(session_ended());
    }
    let user = state
        .store
        .user_by_id(claims.sub)
        .await?
        .ok_or_else(session_ended)?;
    Ok(ValidatedToken {
        user_id: user.user_id(),
        roles: user.roles(),
        email: user.email,
        exp: claims.exp,
    })
}
