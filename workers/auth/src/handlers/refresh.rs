//! `mk.auth.refresh`: rotate a refresh token into a new pair; reuse revokes the session.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{RefreshRequest, TokenPair};

use crate::opaque_token::{NewOpaqueToken, digest};
use crate::state::AuthState;
use crate::store::RotateOutcome;

/// A refresh token that is unknown, revoked or expired, or whose account is gone.
fn rejected() -> ReplyError {
    ReplyError::unauthorized("the refresh token is invalid, expired or revoked")
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<RefreshRequest>,
) -> Result<TokenPair, ReplyError> {
    let next = NewOpaqueToken::generate();
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
        RotateOutcome::Reused => {
            return Err(ReplyError::unauthorized(
                "the refresh token was used already; the session is revoked, log in again",
            ));
        }
        RotateOutcome::Unknown | RotateOutcome::Revoked | RotateOutcome::Expired => {
            return Err(rejected());
        }
    };
    let user = state
        .store
        .user_by_id(user_id)
        .await?
        .ok_or_else(rejected)?;
    Ok(state.tokens.pair(&user, session_id, next)?)
}
