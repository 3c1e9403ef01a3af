//! `mk.auth.password_reset`: email a reset link to the account with this address. The answer
//! is the same whether or not there is one, so it tells nobody which addresses have accounts.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::PasswordResetRequest;

use crate::domain::Email;
use crate::state::AuthState;
use crate::store::LinkPurpose;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<PasswordResetRequest>,
) -> Result<Empty, ReplyError> {
    let email = Email::parse(&req.body.email)?;
    if let Some(user) = state.store.user_by_email(email.as_str()).await? {
        state
            .store
            .issue_link(
                LinkPurpose::PasswordReset,
                &user,
                state.links.password_reset,
            )
            .await?;
        state.relay.wake();
        tracing::info!(user_id = %user.id, "password reset link issued");
    }
    Ok(Empty {})
}
