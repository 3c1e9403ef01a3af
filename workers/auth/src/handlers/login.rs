//! `mk.auth.login`: check a password, open a session, hand out a token pair and the device's
//! known-device token.
//!
//! A device that presents a token of this account's known devices is throttled on its own
//! count; any other client on the address's shared count (`store::login_throttle`). Someone
//! guessing passwords from elsewhere therefore locks out only clients the account has never
//! logged in from, never its owner's own browser. A successful login from an unknown client
//! makes it known: it gets a new token to present next time.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{LoginAttempt, LoginOutcome};

use super::INVALID_CREDENTIALS;
use crate::domain::Email;
use crate::opaque_token::{NewOpaqueToken, digest};
use crate::state::AuthState;
use crate::store::UserRecord;
use crate::store::login_throttle::ThrottleSubject;

/// The device's token when it is one of `user`'s known devices.
async fn known_device_of(
    state: &AuthState,
    user: Option<&UserRecord>,
    token: Option<&str>,
) -> Result<Option<(String, Vec<u8>)>, ReplyError> {
    let (Some(user), Some(token)) = (user, token) else {
        return Ok(None);
    };
    let token_digest = digest(token);
    let owner = state.store.known_device(&token_digest).await?;
    Ok((owner == Some(user.user_id())).then(|| (token.to_owned(), token_digest)))
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<LoginAttempt>,
) -> Result<LoginOutcome, ReplyError> {
    let LoginAttempt {
        credentials,
        device_token,
    } = req.body;
    let email = Email::parse(&credentials.email)?;
    let user = state.store.user_by_email(email.as_str()).await?;
    let known = known_device_of(&state, user.as_ref(), device_token.as_deref()).await?;
    let subject = match &known {
        Some((_, token_digest)) => ThrottleSubject::Device(token_digest.clone()),
        None => ThrottleSubject::Email(email.as_str().to_owned()),
    };
    // Counted before the (costly) password check, so parallel guesses cannot all get one.
    if !state
        .store
        .admit_login_attempt(&subject, state.throttle)
        .await?
    {
        return Err(ReplyError::too_many_requests(
            "too many failed logins for this address; try again later",
        ));
    }
    let stored_hash = user.as_ref().map(|u| u.password_hash.as_str());
    let password_ok = state
        .hasher
        .verify(&credentials.password, stored_hash)
        .await?;
    let Some(user) = user.filter(|_| password_ok) else {
        // Unknown email and wrong password alike (the attempt is already counted).
        return Err(ReplyError::unauthorized(INVALID_CREDENTIALS));
    };
    state.store.clear_login_failures(&subject).await?;
    let (device_token, device_digest) = match known {
        Some(known) => known,
        None => {
            let new = NewOpaqueToken::generate();
            (new.token, new.digest)
        }
    };
    state
        .store
        .remember_device(user.user_id(), &device_digest)
        .await?;

    let refresh = NewOpaqueToken::generate();
    let session_id = state
        .store
        .open_session(
            user.user_id(),
            &refresh.digest,
            state.tokens.refresh_expiry(),
        )
        .await?;
    tracing::info!(user_id = %user.id, %session_id, "logged in");
    Ok(LoginOutcome {
        tokens: state.tokens.pair(&user, session_id, refresh)?,
        device_token,
    })
}
