//! `mk.auth.refresh`: rotate a refresh token into a new pair; reuse revokes the session.

use std::sync::Arc;

use menuskart_kit::jwt::JwtError;
use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{RefreshRequest, TokenPair};

use crate::refresh_token::{NewRefreshToken, digest};
use crate::state::AuthState;
use crate::store::{RotateOutcome, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error("the refresh token is invalid, expired or revoked")]
    Rejected,
    #[error("the refresh token was used already; the session is revoked, log in again")]
    Reused,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Jwt(#[from] JwtError),
}

impl From<RefreshError> for ReplyError {
    fn from(error: RefreshError) -> Self {
        match error {
            RefreshError::Rejected | RefreshError::Reused => {
                ReplyError::unauthorized(error.to_string())
            }
            RefreshError::Store(e) => ReplyError::internal(e),
            RefreshError::Jwt(e) => ReplyError::internal(e),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<RefreshRequest>,
) -> Result<TokenPair, RefreshError> {
    let next = NewRefreshToken::generate();
    let outcome = state
        .store
        .rotate_refresh_token(
            &digest(&req.body.refresh_token),
            &next.digest,
            state.tokens.refresh_expiry(),
        )
        .await?;
    let (user_id, session_id) = match outcome {
        RotateOutcome::Rotated {
            user_id,
            session_id,
        } => (user_id, session_id),
        RotateOutcome::Reused => return Err(RefreshError::Reused),
        RotateOutcome::Unknown | RotateOutcome::Revoked | RotateOutcome::Expired => {
            return Err(RefreshError::Rejected);
        }
    };
    let user = state
        .store
        .user_by_id(user_id)
        .await?
        .ok_or(RefreshError::Rejected)?;
    Ok(state.tokens.pair(&user, session_id, next)?)
}
