//! `mk.auth.emails_of` (admin): the email addresses of accounts by id, to name who made the
//! changes in the audit log.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{MAX_PAGE, UserEmails, UserIds};

use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<UserIds>,
) -> Result<UserEmails, ReplyError> {
    req.caller.require_admin()?;
    // A page of the log names at most one actor per entry.
    if req.body.ids.len() > MAX_PAGE as usize {
        return Err(ReplyError::invalid_field(
            "ids",
            format!("at most {MAX_PAGE} at once"),
        ));
    }
    let ids: Vec<_> = req.body.ids.iter().map(|id| id.0).collect();
    let emails = state.store.emails_of(&ids).await?;
    Ok(UserEmails { emails })
}
