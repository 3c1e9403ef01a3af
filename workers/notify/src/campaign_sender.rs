//! Sends campaign messages: the durable consumer `notify-campaigns` on the NOTIFY stream, one
//! message per recipient, paced ([`crate::campaign_pace`]). Each message is sent under its
//! record ([`crate::record`]: a redelivered one that went out is acked and nothing more), and the user's
//! consent is read again when its turn comes: whoever opted out since the campaign was created
//! is skipped.

use std::sync::Arc;

use menuskart_kit::consumer::{Delivery, Subscription};
use menuskart_kit::rpc::RpcError;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::notify::CampaignMessage;
use menuskart_schemas::subjects::events::notify as events;
use minijinja::context;

use crate::deliver::DeliverError;
use crate::record::{Outcome, Record, send_once};
use crate::state::NotifyState;
use crate::store::campaigns::message_key;

const CHANNEL: &str = "email";
const KIND: &str = "campaign";

/// `notify-campaigns` on NOTIFY, paced: few messages out at once.
pub fn subscription(state: &NotifyState) -> Subscription {
    Subscription {
        stream: events::STREAM,
        durable: "notify-campaigns",
        filter: events::CAMPAIGN_MESSAGE.subject,
        max_deliver: state.max_deliver,
        backoff: state.backoff,
        max_ack_pending: Some(state.campaign_pace.in_flight()),
        // The pace decides; one at a time keeps each instance's messages in order.
        concurrency: 1,
    }
}

pub async fn handle(
    state: Arc<NotifyState>,
    delivery: Delivery<events::Event>,
) -> Result<(), DeliverError> {
    let events::Event::CampaignMessage(message) = &delivery.event;
    send(&state, message).await
}

/// Sends one campaign email under its record, unless it went out (or was skipped) already.
pub async fn send(state: &NotifyState, message: &CampaignMessage) -> Result<(), DeliverError> {
    let key = message_key(message);
    let record = Record {
        event_key: &key,
        channel: CHANNEL,
        kind: KIND,
        user_id: message.user_id,
        campaign_id: Some(message.campaign_id),
    };
    send_once(&state.store, record, attempt(state, message)).await
}

/// At the campaign's pace: reads the recipient's consent and address now, then sends.
async fn attempt(state: &NotifyState, message: &CampaignMessage) -> Result<Outcome, DeliverError> {
    state.campaign_pace.wait().await;
    let profile = match state.directory.profile(message.user_id).await {
        Ok(profile) => profile,
        Err(RpcError::Reply(error)) if error.code == ErrorCode::NotFound => {
            return Ok(Outcome::Skipped("account gone"));
        }
        Err(error) => return Err(error.into()),
    };
    if !profile.marketing_opt_in {
        return Ok(Outcome::Skipped("opted out"));
    }
    let text = state
        .store
        .campaign_text(message.campaign_id)
        .await?
        .ok_or(DeliverError::NoCampaign(message.campaign_id))?;
    let unsubscribe = state.unsubscribe.url(message.user_id);
    let rendered = state.templates.render_campaign(&context! {
        shop => state.shop_name,
        seller => state.shop_seller,
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
    Ok(Outcome::Sent {
        recipient: profile.email,
        provider_id,
    })
}
