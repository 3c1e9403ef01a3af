//! `mk.notify.unsubscribe`: the link in a promotional email, followed without logging in. The
//! signed token is the only credential; a valid one turns the user's promotional email off
//! (again, harmlessly, when followed twice).
//!
//! A GET changes state here because the contract says so and because that is what a link in
//! an email is; mail scanners that prefetch links can therefore unsubscribe someone, which
//! costs them promotions, never an order email.

use std::sync::Arc;

use menuskart_kit::rpc::RpcError;
use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::notify::{UnsubscribeRequest, Unsubscribed};

use crate::state::NotifyState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<NotifyState>,
    req: Incoming<UnsubscribeRequest>,
) -> Result<Unsubscribed, ReplyError> {
    let user_id = state
        .unsubscribe
        .verify(&req.body.token)
        .map_err(|e| ReplyError::bad_request(e.to_string()))?;
    let marketing_opt_in = match state.directory.opt_out(user_id).await {
        Ok(profile) => profile.marketing_opt_in,
        // A closed account gets no promotions either: the link did what it promised.
        Err(RpcError::Reply(error)) if error.code == ErrorCode::NotFound => false,
        Err(error) => return Err(error.into()),
    };
    tracing::info!(%user_id, "unsubscribed from promotional email");
    Ok(Unsubscribed { marketing_opt_in })
}
