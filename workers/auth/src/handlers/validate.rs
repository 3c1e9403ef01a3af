//! `mk.auth.validate`: is this access token good *now*? Beyond the signature and expiry the edge
//! checks, the session must not be revoked and the account must exist; roles are the current ones.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{TokenRequest, ValidatedToken};

use super::{BadToken, decode_access_token};
use crate::state::AuthState;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    #[error(transparent)]
    BadToken(#[from] BadToken),
    #[error("the session of this token has ended")]
    SessionEnded,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ValidateError> for ReplyError {
    fn from(error: ValidateError) -> Self {
        match error {
            ValidateError::BadToken(_) | ValidateError::SessionEnded => {
                ReplyError::unauthorized(error.to_string())
            }
            ValidateError::Store(e) => ReplyError::internal(e),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<TokenRequest>,
) -> Result<ValidatedToken, ValidateError> {
    let claims = decode_access_token(&state.tokens.jwt, &req.body.access_token)?;
    if !state
        .store
        .session_is_active(claims.sub, claims.sid)
        .await?
    {
        return Err(ValidateError::SessionEnded);
    }
    let user = state
        .store
        .user_by_id(claims.sub)
        .await?
        .ok_or(ValidateError::SessionEnded)?;
    Ok(ValidatedToken {
        user_id: user.id,
        roles: user.roles(),
        email: user.email,
        exp: claims.exp,
    })
}
