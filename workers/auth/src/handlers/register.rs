//! `mk.auth.register`: create a customer account, and email it a link that verifies its
//! address.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{RegisterRequest, Role, UserView};

use crate::domain::{DisplayName, Email, Password, ValidationError};
use crate::password_hasher::HashError;
use crate::state::AuthState;
use crate::store::{LinkPurpose, NewUser, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("an account with this email exists")]
    EmailTaken,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for RegisterError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate => RegisterError::EmailTaken,
            other => RegisterError::Store(other),
        }
    }
}

impl From<RegisterError> for ReplyError {
    fn from(error: RegisterError) -> Self {
        match error {
            RegisterError::Invalid(e) => e.into(),
            RegisterError::EmailTaken => ReplyError::conflict(error.to_string()),
            RegisterError::Hash(e) => ReplyError::internal(e),
            RegisterError::Store(e) => ReplyError::internal(e),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<RegisterRequest>,
) -> Result<UserView, RegisterError> {
    let RegisterRequest {
        email,
        password,
        name,
    } = req.body;
    let email = Email::parse(&email)?;
    let password = Password::parse(password)?;
    let name = DisplayName::parse(&name)?;

    let password_hash = state.hasher.hash(&password).await?;
    let user = state
        .store
        .insert_user(NewUser {
            email: &email,
            password_hash: &password_hash,
            name: &name,
            roles: &[Role::Customer],
        })
        .await?;
    tracing::info!(user_id = %user.id, "account registered");
    // The account stands even if this fails: its owner can ask for another link.
    match state
        .store
        .issue_link(LinkPurpose::VerifyEmail, &user, state.links.verify_email)
        .await
    {
        Ok(_) => state.relay.wake(),
        Err(error) => tracing::warn!(%error, user_id = %user.id, "no verification link sent"),
    }
    Ok(UserView {
        id: user.id,
        email: user.email,
        name: user.name,
    })
}
