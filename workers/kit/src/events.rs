//! JetStream events: streams declared at start-up (idempotently) and events published with a
//! `Nats-Msg-Id`, so a retried publish of the same event is stored once (the stream's
//! de-duplication window).

use std::time::Duration;

use async_nats::jetstream::{self, message::PublishMessage, stream};
use menuskart_schemas::subjects::events::{EventSubject, Stream};
use serde::Serialize;

/// How long JetStream remembers message ids for de-duplication.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("cannot declare stream {0}: {1}")]
    Stream(&'static str, async_nats::Error),
    #[error("cannot encode event: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("JetStream did not acknowledge {subject}: {source}")]
    Publish {
        subject: String,
        #[source]
        source: async_nats::Error,
    },
}

/// Publishes events and declares the streams they go to.
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

    /// Creates the stream if it does not exist (file storage, `replicas` copies: 1 on one
    /// machine, 3 on a cluster). An existing stream is left as its operators configured it.
    pub async fn ensure_stream(&self, stream: Stream, replicas: usize) -> Result<(), EventError> {
        self.js
            .get_or_create_stream(stream::Config {
                name: stream.name.to_owned(),
                subjects: vec![stream.subjects.to_owned()],
                storage: stream::StorageType::File,
                num_replicas: replicas.max(1),
                duplicate_window: DUPLICATE_WINDOW,
                max_age: stream.max_age,
                ..Default::default()
            })
            .await
            .map_err(|e| EventError::Stream(stream.name, e.into()))?;
        Ok(())
    }

    /// [`Events::ensure_stream`] for each of `streams` (a worker declares the streams it
    /// publishes to and those it consumes, so the pools may start in any order).
    pub async fn ensure_streams(
        &self,
        streams: &[Stream],
        replicas: usize,
    ) -> Result<(), EventError> {
        for stream in streams {
            self.ensure_stream(*stream, replicas).await?;
        }
        Ok(())
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
