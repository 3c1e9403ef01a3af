//! Replaying a dead letter, by the worker that owns its consumer.
//!
//! A dead letter is only a pointer: any worker may write letters (each to its own consumers'
//! subjects, with any headers and body), so nothing in one is believed. The operators' tool
//! (`crate::dead_letters::replay`) asks the service that owns the letter's consumer, on that
//! service's `replay` endpoint (granted to the operators alone), to handle the event at a given
//! sequence of that consumer's stream again. The worker reads the event from its own stream,
//! checks it is one its consumer takes (the consumer's filter), and gives it to the same
//! handler the consumer uses. So a replay can only make a consumer handle again an event that
//! was really published on its stream, by whoever may publish there; handlers are idempotent
//! (JetStream redelivers anyway), so that is harmless. Nobody republishes anything: the
//! operators need no right to publish events.

use std::future::Future;
use std::sync::Arc;

use async_nats::jetstream;
use futures::future::BoxFuture;
use menuskart_schemas::dead_letters::{ReplayRequest, Replayed};
use menuskart_schemas::subjects::events::StreamEvent;

use crate::consumer::{Delivery, Subscription, subject_matches};
use crate::{Incoming, ReplyError};

#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("this service has no consumer {0}")]
    NoConsumer(String),
    #[error("event {1} is no longer in stream {0}")]
    Gone(&'static str, u64),
    #[error("event {1} of stream {0} ({2}) is not one consumer {3} takes")]
    NotConsumed(&'static str, u64, String, &'static str),
    #[error("event {1} of stream {0} cannot be decoded: {2}")]
    Undecodable(&'static str, u64, String),
    #[error("handling event {1} of stream {0} failed again: {2}")]
    Failed(&'static str, u64, String),
    #[error("the event stream: {0}")]
    Stream(String),
}

impl From<ReplayError> for ReplyError {
    fn from(error: ReplayError) -> Self {
        match error {
            ReplayError::NoConsumer(_) | ReplayError::Gone(..) => {
                ReplyError::not_found(error.to_string())
            }
            ReplayError::NotConsumed(..) | ReplayError::Undecodable(..) => {
                ReplyError::conflict(error.to_string())
            }
            // For the operator, who is told why the event still fails (a handler's errors
            // name what failed, such as a service or the mail server, not internals).
            ReplayError::Failed(..) => ReplyError::conflict(error.to_string()),
            ReplayError::Stream(cause) => ReplyError::unavailable("event stream", cause),
        }
    }
}

type ReplayFn = Arc<
    dyn Fn(jetstream::Context, u64) -> BoxFuture<'static, Result<Replayed, ReplayError>>
        + Send
        + Sync,
>;

/// One consumer's replay: its name and how to handle an event of its stream again.
#[derive(Clone)]
pub(crate) struct Replayer {
    pub durable: &'static str,
    /// The stream and the filter it reads, checked against the worker's declaration.
    pub stream: &'static str,
    pub filter: &'static str,
    run: ReplayFn,
}

impl std::fmt::Debug for Replayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Replayer").field(&self.durable).finish()
    }
}

impl Replayer {
    /// Replays events of `subscription` with `handle`, the consumer's own handler.
    pub(crate) fn new<T, E, H, Fut>(subscription: Subscription, handle: Arc<H>) -> Self
    where
        T: StreamEvent + Send + 'static,
        E: std::fmt::Display + 'static,
        H: Fn(Delivery<T>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
    {
        let (durable, stream, filter) = (
            subscription.durable,
            subscription.stream.name,
            subscription.filter,
        );
        let run: ReplayFn = Arc::new(move |js, sequence| {
            let subscription = subscription.clone();
            let handle = handle.clone();
            Box::pin(async move { replay_one(&js, &subscription, &*handle, sequence).await })
        });
        Self {
            durable,
            stream,
            filter,
            run,
        }
    }
}

/// Reads event `sequence` of the consumer's stream and hands it to `handle`.
async fn replay_one<T, E, H, Fut>(
    js: &jetstream::Context,
    subscription: &Subscription,
    handle: &H,
    sequence: u64,
) -> Result<Replayed, ReplayError>
where
    T: StreamEvent,
    E: std::fmt::Display,
    H: Fn(Delivery<T>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let name = subscription.stream.name;
    let stream = js
        .get_stream_no_info(name)
        .await
        .map_err(|e| ReplayError::Stream(e.to_string()))?;
    let message = stream
        .get_raw_message(sequence)
        .await
        .map_err(|_| ReplayError::Gone(name, sequence))?;
    let subject = message.subject.to_string();
    if !subject_matches(subscription.filter, &subject) {
        return Err(ReplayError::NotConsumed(
            name,
            sequence,
            subject,
            subscription.durable,
        ));
    }
    let event = match T::decode(&subject, &message.payload) {
        Ok(Some(event)) => event,
        Ok(None) => {
            return Err(ReplayError::NotConsumed(
                name,
                sequence,
                subject,
                subscription.durable,
            ));
        }
        Err(error) => return Err(ReplayError::Undecodable(name, sequence, error.to_string())),
    };
    handle(Delivery {
        event,
        subject: subject.clone(),
        stream_sequence: sequence,
        published: crate::consumer::stored_at(message.time.unix_timestamp_nanos()),
    })
    .await
    .map_err(|e| ReplayError::Failed(name, sequence, e.to_string()))?;
    tracing::info!(
        consumer = subscription.durable,
        stream = name,
        sequence,
        "event handled again (replay)"
    );
    Ok(Replayed {
        consumer: subscription.durable.to_owned(),
        stream: name.to_owned(),
        stream_sequence: sequence,
        subject,
    })
}

/// A worker's consumers, as its `replay` endpoint serves them.
#[derive(Debug, Clone)]
pub(crate) struct Replayers {
    pub js: jetstream::Context,
    pub consumers: Arc<Vec<Replayer>>,
}

/// `<group>.replay`: handles again the event a dead letter of one of this worker's consumers
/// points to. Authorized by NATS: only the operators may send it.
pub(crate) async fn handle(
    replayers: Replayers,
    req: Incoming<ReplayRequest>,
) -> Result<Replayed, ReplyError> {
    let ReplayRequest {
        consumer,
        stream_sequence,
    } = req.body;
    let replayer = replayers
        .consumers
        .iter()
        .find(|r| r.durable == consumer)
        .ok_or(ReplayError::NoConsumer(consumer))?;
    Ok((replayer.run)(replayers.js.clone(), stream_sequence).await?)
}
