//! `mk.auth.password_reset`: email a reset link to the account with this address. The answer
//! is the same whether or not there is one, so it tells nobody which addresses have accounts;
//! and it comes no sooner than [`ANSWER_FLOOR`] after the request, so neither does its timing
//! (issuing a link writes a row and an outbox event; an unknown address only reads).

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::auth::PasswordResetRequest;

use crate::domain::Email;
use crate::state::AuthState;
use crate::store::LinkPurpose;

/// The least time an answer takes: well above what issuing a link costs, so a known address
/// answers as late as an unknown one.
pub const ANSWER_FLOOR: Duration = Duration::from_millis(300);

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<PasswordResetRequest>,
) -> Result<Empty, ReplyError> {
    let answer_at = tokio::time::Instant::now() + ANSWER_FLOOR;
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
    tokio::time::sleep_until(answer_at).await;
    Ok(Empty {})
}
