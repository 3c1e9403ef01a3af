//! Sending one notification under its record (order mail and campaign mail alike): claim it
//! (already sent or skipped: nothing to do; another delivery is sending it: retry later),
//! send, and record what happened: sent with the provider's id, skipped for good, or failed
//! (and the error returned, so the consumer retries the event).

use std::future::Future;

use uuid::Uuid;

use crate::deliver::DeliverError;
use crate::store::{Claim, Store};
use menuskart_schemas::ids::UserId;

/// Which notification record a send is about.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Names the event (or campaign message) once, however often it is delivered.
    pub event_key: &'a str,
    pub channel: &'a str,
    pub kind: &'a str,
    pub user_id: UserId,
    pub campaign_id: Option<Uuid>,
}

/// How a send ended.
#[derive(Debug)]
pub enum Outcome {
    Sent {
        recipient: String,
        provider_id: String,
    },
    /// Not to be sent, ever (the user opted out before the message's turn, say).
    Skipped(&'static str),
}

/// Runs `send` unless the record says it is done, and records its outcome.
pub async fn send_once(
    store: &Store,
    record: Record<'_>,
    send: impl Future<Output = Result<Outcome, DeliverError>>,
) -> Result<(), DeliverError> {
    let Record {
        event_key, channel, ..
    } = record;
    let claim = store
        .claim(
            event_key,
            channel,
            record.kind,
            record.user_id,
            record.campaign_id,
        )
        .await?;
    match claim {
        Claim::Done => {
            tracing::info!(event = event_key, channel, "already sent");
            return Ok(());
        }
        Claim::Busy => return Err(DeliverError::Busy),
        Claim::Send => {}
    }
    match send.await {
        Ok(Outcome::Sent {
            recipient,
            provider_id,
        }) => {
            store
                .sent(event_key, channel, &recipient, &provider_id)
                .await?;
            tracing::info!(event = event_key, channel, "sent");
            Ok(())
        }
        Ok(Outcome::Skipped(why)) => {
            store.skipped(event_key, channel, why).await?;
            tracing::info!(event = event_key, channel, why, "skipped");
            Ok(())
        }
        Err(error) => {
            // On record, so a campaign's progress shows it; the send's error is what counts.
            if let Err(store_error) = store.failed(event_key, channel, &error.to_string()).await {
                tracing::warn!(%store_error, event = event_key, "could not record a failed send");
            }
            Err(error)
        }
    }
}
