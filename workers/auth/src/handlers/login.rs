//! `mk.auth.login`: check a password, open a session, hand out a token pair.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{LoginRequest, TokenPair};

use super::INVALID_CREDENTIALS;
use crate::domain::Email;
use crate::refresh_token::NewRefreshToken;
use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<LoginRequest>,
) -> Result<TokenPair, ReplyError> {
    let email = Email::parse(&req.body.email)?;
    // Counted before the (costly) password check, so parallel guesses cannot all get one.
    if !state
        .store
        .admit_login_attempt(email.as_str(), state.throttle)
        .await?
    {
        return Err(ReplyError::too_many_requests(
            "too many failed logins for this address; try again later",
        ));
    }
    let user = state.store.user_by_email(email.as_str()).await?;
    let stored_hash = user.as_ref().map(|u| u.password_hash.as_str());
    let password_ok = state.hasher.verify(&req.body.password, stored_hash).await?;
    let Some(user) = user.filter(|_| password_ok) else {
        // Unknown email and wrong password alike (the attempt is already counted).
        return Err(ReplyError::unauthorized(INVALID_CREDENTIALS));
    };
    state.store.clear_login_failures(email.as_str()).await?;

    let refresh = NewRefreshToken::generate();
    let session_id = state
        .store
        .open_session(
            user.user_id(),
            &refresh.digest,
            state.tokens.refresh_expiry(),
        )
        .await?;
    tracing::info!(user_id = %user.id, %session_id, "logged in");
    Ok(state.tokens.pair(&user, session_id, refresh)?)
}
