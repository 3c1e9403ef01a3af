//! `mk.auth.link_token`: the token of an emailed link, minted for notify as it sends the email.
//!
//! Why here and not in the event: the AUTH stream keeps the link events for days and the dead
//! letters keep a failed one for good, and operators may read both; a token in them would be a
//! working password-reset link in the hands of whoever reads them. So the event names the link
//! and this endpoint mints its secret at the last moment, keeping only its digest. NATS grants
//! this subject to notify alone (never to the edge or the operators), and its answer goes to
//! notify's own inbox. If auth is down, notify's consumer retries the event later, as for an
//! SMTP outage.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{LinkRef, LinkToken};

use crate::state::AuthState;

#[tracing::instrument(skip_all, fields(link_id = %req.body.link_id))]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<LinkRef>,
) -> Result<LinkToken, ReplyError> {
    let token = state
        .store
        .mint_link_token(req.body.link_id)
        .await?
        .ok_or_else(|| ReplyError::not_found("this link is used, retired or expired"))?;
    Ok(LinkToken { token })
}
