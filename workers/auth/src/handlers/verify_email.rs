//! `mk.auth.verify_email`: a verification link's token; the address it was sent to is verified
//! (if the account still has it).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{EmailVerified, VerifyEmailRequest};

use crate::opaque_token::digest;
use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<VerifyEmailRequest>,
) -> Result<EmailVerified, ReplyError> {
    let user = state
        .store
        .verify_email(&digest(req.body.token.trim()))
        .await?
        .ok_or_else(|| {
            ReplyError::invalid_field(
                "token",
                "this verification link is invalid, used or expired: ask for a new one",
            )
        })?;
    tracing::info!(user_id = %user.id, "email verified");
    Ok(EmailVerified {
        email: user.email,
        email_verified: true,
    })
}
