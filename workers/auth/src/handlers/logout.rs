//! `mk.auth.logout`: end the session of an access token; its refresh tokens stop working at
//! once, and `validate` refuses its access tokens. (Other services accept an access token until
//! it expires, at most `MK_ACCESS_TOKEN_TTL_SECS`.)

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::TokenRequest;

use super::{BadToken, decode_access_token};
use crate::state::AuthState;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum LogoutError {
    #[error(transparent)]
    BadToken(#[from] BadToken),
    #[error("the token does not belong to the caller")]
    NotYours,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<LogoutError> for ReplyError {
    fn from(error: LogoutError) -> Self {
        match error {
            LogoutError::BadToken(_) => ReplyError::unauthorized(error.to_string()),
            LogoutError::NotYours => ReplyError::forbidden(error.to_string()),
            LogoutError::Store(e) => ReplyError::internal(e),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<TokenRequest>,
) -> Result<Empty, LogoutError> {
    let claims = decode_access_token(&state.tokens.jwt, &req.body.access_token)?;
    if req
        .caller
        .user_id
        .is_some_and(|caller| caller != claims.sub)
    {
        return Err(LogoutError::NotYours);
    }
    state
        .store
        .revoke_session(claims.sub, claims.sid, "logout")
        .await?;
    tracing::info!(user_id = %claims.sub, session_id = %claims.sid, "logged out");
    Ok(Empty {})
}
