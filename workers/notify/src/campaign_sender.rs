//! Sends campaign messages: the durable consumer `notify-campaigns` on the NOTIFY stream, one
//! message per recipient, paced ([`crate::campaign_pace`]). Each message is claimed in the
//! records first (a redelivered one that went out is acked and nothing more), and the user's
//! consent is read again when its turn comes: whoever opted out since the campaign was created
//! is skipped.

use std::sync::Arc;

use menuskart_kit::consumer::{self, ConsumerError, Delivery, Subscription};
use menuskart_kit::rpc::RpcError;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::notify::CampaignMessage;
use menuskart_schemas::subjects::events::notify as events;
use minijinja::context;

use crate::state::NotifyState;
use crate::store::Claim;
use crate::store::campaigns::message_key;

const CHANNEL: &str = "email";
const KIND: &str = "campaign";

#[derive(Debug, thiserror::Error)]
pub enum CampaignSendError {
    #[error("records: {0}")]
    Store(#[from] sqlx::Error),
    #[error("no campaign {0}")]
    NoCampaign(uuid::Uuid),
    #[error("looking up the recipient: {0}")]
    Lookup(#[from] RpcError),
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    #[error("sending: {0}")]
    Mail(#[from] crate::mailer::MailError),
    #[error("another delivery of this message is sending it now")]
    Busy,
}

pub async fn run(state: Arc<NotifyState>) -> Result<(), ConsumerError> {
    let subscription = Subscription {
        stream: events::STREAM,
        durable: "notify-campaigns",
        filter: events::CAMPAIGN_MESSAGE,
        max_deliver: state.max_deliver,
        backoff: state.backoff,
        max_ack_pending: Some(state.campaign_pace.in_flight()),
        // The pace decides; one at a time keeps each instance's messages in order.
        concurrency: 1,
    };
    consumer::run(
        state.nats.clone(),
        subscription,
        move |delivery: Delivery<CampaignMessage>| {
            let state = state.clone();
            async move { send(&state, &delivery.event).await }
        },
    )
    .await
}

/// Sends one campaign email unless it went out (or was skipped) already. A failure is on
/// record (so the campaign's progress shows it) and returned, for the consumer to retry.
pub async fn send(state: &NotifyState, message: &CampaignMessage) -> Result<(), CampaignSendError> {
    let key = message_key(message);
    let claim = state
        .store
        .claim(
            &key,
            CHANNEL,
            KIND,
            message.user_id,
            Some(message.campaign_id),
        )
        .await?;
    match claim {
        Claim::Done => return Ok(()),
        // Retried later, when it will be sent (or its sender's claim ran out).
        Claim::Busy => return Err(CampaignSendError::Busy),
        Claim::Send => {}
    }
    let attempt = attempt(state, message, &key).await;
    if let Err(error) = &attempt
        && let Err(store) = state.store.failed(&key, CHANNEL, &error.to_string()).await
    {
        tracing::warn!(%store, "could not record a failed campaign message");
    }
    attempt
}

/// At the campaign's pace: reads the recipient's consent and address now, then sends and
/// records the outcome.
async fn attempt(
    state: &NotifyState,
    message: &CampaignMessage,
    key: &str,
) -> Result<(), CampaignSendError> {
    state.campaign_pace.wait().await;
    let profile = match state.directory.profile(message.user_id).await {
        Ok(profile) => profile,
        Err(RpcError::Reply(error)) if error.code == ErrorCode::NotFound => {
            state.store.skipped(key, CHANNEL, "account gone").await?;
            return Ok(());
        }
        Err(error) => return Err(error.into()),
    };
    if !profile.marketing_opt_in {
        state.store.skipped(key, CHANNEL, "opted out").await?;
        return Ok(());
    }
    let text = state
        .store
        .campaign_text(message.campaign_id)
        .await?
        .ok_or(CampaignSendError::NoCampaign(message.campaign_id))?;
    let unsubscribe = state.unsubscribe.url(message.user_id);
    let rendered = state.templates.render_campaign(&context! {
        shop => state.shop_name,
        name => profile.name,
        paragraphs => text.paragraphs(),
        unsubscribe_url => unsubscribe,
    })?;
    let provider_id = state
        .mailer
        .send(
            &profile.email,
            text.subject(),
            &rendered,
            Some(&unsubscribe),
        )
        .await?;
    state
        .store
        .sent(key, CHANNEL, &profile.email, &provider_id)
        .await?;
    Ok(())
}
