//! `mk.auth.password_reset_confirm`: a reset link's token and a new password. The link works
//! once and before it expires; using it ends every session of the account.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::PasswordResetConfirm;

use crate::domain::Password;
use crate::opaque_token::digest;
use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<PasswordResetConfirm>,
) -> Result<Empty, ReplyError> {
    let PasswordResetConfirm { token, password } = req.body;
    let password = Password::parse(password)?;
    let password_hash = state.hasher.hash(&password).await?;
    let user_id = state
        .store
        .reset_password(&digest(token.trim()), &password_hash)
        .await?
        .ok_or_else(unusable_link)?;
    tracing::info!(%user_id, "password reset; every session ended, known devices forgotten");
    Ok(Empty {})
}

/// The one answer for a link that does not work, whatever the reason: the caller learns
/// nothing about which tokens ever existed.
pub(crate) fn unusable_link() -> ReplyError {
    ReplyError::invalid_field(
        "token",
        "this reset link is invalid, used or expired: ask for a new one",
    )
}
