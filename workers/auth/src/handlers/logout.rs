//! `mk.auth.logout`: end the session of an access token; its refresh tokens stop working at
//! once, and `validate` refuses its access tokens. (Other services accept an access token until
//! it expires, at most `MK_ACCESS_TOKEN_TTL_SECS`.)

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::TokenRequest;

use super::decode_access_token;
use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<TokenRequest>,
) -> Result<Empty, ReplyError> {
    let claims = decode_access_token(&state.tokens.verifier, &req.body.access_token)?;
    if req
        .caller
        .user_id()
        .is_some_and(|caller| caller != claims.sub)
    {
        return Err(ReplyError::forbidden(
            "the token does not belong to the caller",
        ));
    }
    state
        .store
        .revoke_session(claims.sub, claims.sid, "logout")
        .await?;
    tracing::info!(user_id = %claims.sub, session_id = %claims.sid, "logged out");
    Ok(Empty {})
}
