//! `mk.auth.password_reset_confirm`: a reset link's token and a new password. The link works
//! once and before it expires; using it ends every session of the account.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::PasswordResetConfirm;

use crate::domain::{Password, ValidationError};
use crate::password_hasher::HashError;
use crate::refresh_token::digest;
use crate::state::AuthState;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("this reset link is invalid, used or expired: ask for a new one")]
    DeadLink,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ConfirmError> for ReplyError {
    fn from(error: ConfirmError) -> Self {
        match error {
            ConfirmError::Invalid(e) => e.into(),
            ConfirmError::DeadLink => ReplyError::invalid_field("token", error.to_string()),
            ConfirmError::Hash(e) => ReplyError::internal(e),
            ConfirmError::Store(e) => ReplyError::internal(e),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<PasswordResetConfirm>,
) -> Result<Empty, ConfirmError> {
    let PasswordResetConfirm { token, password } = req.body;
    let password = Password::parse(password)?;
    let password_hash = state.hasher.hash(&password).await?;
    let user_id = state
        .store
        .reset_password(&digest(token.trim()), &password_hash)
        .await?
        .ok_or(ConfirmError::DeadLink)?;
    tracing::info!(%user_id, "password reset; every session ended");
    Ok(Empty {})
}
