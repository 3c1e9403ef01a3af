//! `mk.auth.register`: create a customer account, and email it a link that verifies its
//! address.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{RegisterRequest, Role, UserView};

use crate::domain::{DisplayName, Email, Password};
use crate::state::AuthState;
use crate::store::{LinkPurpose, NewUser, StoreError};

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<RegisterRequest>,
) -> Result<UserView, ReplyError> {
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
        .await
        .map_err(|e| match e {
            // The only unique key a new account can meet is its email.
            StoreError::Duplicate => ReplyError::conflict("an account with this email exists"),
            other => other.into(),
        })?;
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
        id: user.user_id(),
        email: user.email,
        name: user.name,
    })
}
