//! Sending one notice: claim it (a `sent` one is skipped), find the recipient and the order,
//! render, send, record. Any failure is returned, so the consumer retries the event later.

use minijinja::context;

use crate::notice::Notice;
use crate::state::NotifyState;
use crate::store::Claim;

const EMAIL: &str = "email";

#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    #[error("records: {0}")]
    Store(#[from] sqlx::Error),
    #[error("looking up the recipient or order: {0}")]
    Lookup(#[from] menuskart_kit::rpc::RpcError),
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    #[error("sending: {0}")]
    Mail(#[from] crate::mailer::MailError),
}

pub async fn deliver(state: &NotifyState, notice: &Notice) -> Result<(), DeliverError> {
    let kind = notice.kind.as_str();
    if state
        .store
        .claim(&notice.event_key, EMAIL, kind, notice.user_id)
        .await?
        == Claim::AlreadySent
    {
        tracing::info!(event = %notice.event_key, "already sent");
        return Ok(());
    }
    let outcome = send(state, notice).await;
    match &outcome {
        Ok((recipient, provider_id)) => {
            state
                .store
                .sent(&notice.event_key, EMAIL, recipient, provider_id)
                .await?;
            tracing::info!(event = %notice.event_key, "email sent");
        }
        Err(error) => {
            state
                .store
                .failed(&notice.event_key, EMAIL, &error.to_string())
                .await?
        }
    }
    outcome.map(|_| ())
}

/// Renders and sends; the recipient and the server's answer.
async fn send(state: &NotifyState, notice: &Notice) -> Result<(String, String), DeliverError> {
    let profile = state.directory.profile(notice.user_id).await?;
    let order = state
        .directory
        .order(notice.user_id, notice.order_id)
        .await?;
    let context = context! {
        shop => state.shop_name,
        name => profile.name,
        order => order,
        amount => notice.amount,
        currency => notice.currency,
        transaction_id => notice.transaction_id.map(|t| t.to_string()),
        reason => notice.reason,
    };
    let body = state.templates.render(notice.kind, &context)?;
    let subject = notice.kind.subject(&state.shop_name, &order.id.to_string());
    let provider_id = state.mailer.send(&profile.email, &subject, &body).await?;
    Ok((profile.email, provider_id))
}
