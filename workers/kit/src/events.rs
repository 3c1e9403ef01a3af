//! JetStream events: published with a `Nats-Msg-Id`, so a retried publish of the same event is
//! stored once (the stream's de-duplication window). The streams are made by the JetStream
//! keeper ([`crate::keeper`]).

use std::time::Duration;

use async_nats::jetstream::{self, message::PublishMessage};
use menuskart_schemas::subjects::events::EventSubject;
use serde::Serialize;

/// How long JetStream remembers message ids for de-duplication.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("the JetStream keeper did not make the streams: {0}")]
    Streams(String),
    #[error("cannot encode event: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("JetStream did not acknowledge {subject}: {source}")]
    Publish {
        subject: String,
        #[source]
        source: async_nats::Error,
    },
}

/// Publishes events.
#[derive(Debug, Clone)]
pub struct Events {
    js: jetstream::Context,
}

impl Events {
    pub fn new(client: async_nats::Client) -> Self {
        Self {
            js: jetstream::new(client),
        }
    }

    /// Publishes `event` on its subject with message id `id` and waits for JetStream's ack.
    pub async fn publish<T: Serialize>(
        &self,
        subject: EventSubject<T>,
        id: &str,
        event: &T,
    ) -> Result<(), EventError> {
        self.publish_raw(subject.subject, id, event).await
    }

    /// Publishes what was typed when it was stored (the outbox relay's rows: their subject and
    /// payload were checked by [`crate::outbox::enqueue`]).
    pub(crate) async fn publish_raw<T: Serialize + ?Sized>(
        &self,
        subject: &str,
        id: &str,
        event: &T,
    ) -> Result<(), EventError> {
        let payload = serde_json::to_vec(event)?;
        let failed = |source: async_nats::Error| EventError::Publish {
            subject: subject.to_owned(),
            source,
        };
        let ack = self
            .js
            .send_publish(
                subject.to_owned(),
                PublishMessage::build()
                    .payload(payload.into())
                    .message_id(id),
            )
            .await
            .map_err(|e| failed(e.into()))?;
        ack.await.map_err(|e| failed(e.into()))?;
        Ok(())
    }
}
