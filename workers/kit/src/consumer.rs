//! Durable JetStream consumers: at-least-once event handling with explicit acks.
//!
//! A handler gets each event with its stream sequence; success acks it, failure naks it so
//! JetStream redelivers after a delay, up to `max_deliver` times (bounded redelivery with
//! backoff). When the last delivery fails too, the event goes to the dead-letter stream
//! (`DEADLETTER`, subject `mk.dlq.<durable>`) with the error and where it came from, and is
//! terminated; the `mk-dead-letters` tool lists them and has the consumer's own worker handle
//! them again ([`crate::replay`]). Handlers must be idempotent:
//! a message can arrive again after a crash between handling and ack, or be replayed. Every
//! instance of a worker binds to the same durable consumer, so the pool shares the work.
//!
//! The durable itself is made by the JetStream keeper ([`crate::keeper`]), as the worker's
//! declaration in `menuskart_schemas::components` says: a worker may only look it up, pull
//! from it and ack. A durable that vanishes (deleted by hand, a store restored without it)
//! would otherwise stop its events silently until a restart: when the pull ends, the consumer
//! checks that its durable still exists, has the keeper make it again if not, and counts that ([`RecreatedConsumers`], in the service's
//! stats as `consumers_recreated`).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_nats::jetstream::stream::ConsumerErrorKind;
use async_nats::jetstream::{self, AckKind, consumer::pull};
use chrono::{DateTime, Utc};
use futures::{StreamExt, future};
use menuskart_schemas::jetstream::{ConsumerLimits, EnsureRequest};
use menuskart_schemas::subjects::events::{Stream, StreamEvent};
use tokio_util::sync::CancellationToken;

/// How long a delivered message may go unacknowledged before JetStream hands it to another
/// instance: the handler's process is taken to have died. Far above any handler's own time
/// limits (service calls, SMTP), so a live handler is never raced by a redelivery.
pub const ACK_WAIT: Duration = Duration::from_secs(30);

/// Redelivery delays for the first failures; later ones use the last.
pub const DEFAULT_BACKOFF: &[Duration] = &[
    Duration::from_secs(1),
    Duration::from_secs(5),
    Duration::from_secs(30),
    Duration::from_secs(120),
];

/// The dead-letter stream every consumer's failures end in.
pub use menuskart_schemas::components::DEAD_LETTERS;
/// Headers of a dead letter: where it came from and why it failed.
pub mod dead_letter_headers {
    pub const SUBJECT: &str = "Mk-Dlq-Subject";
    pub const STREAM: &str = "Mk-Dlq-Stream";
    pub const SEQUENCE: &str = "Mk-Dlq-Stream-Sequence";
    pub const CONSUMER: &str = "Mk-Dlq-Consumer";
    pub const ERROR: &str = "Mk-Dlq-Error";
}

#[derive(Debug, thiserror::Error)]
pub enum ConsumerError {
    #[error("cannot set up consumer {0}: {1}")]
    Setup(String, async_nats::Error),
}

/// How many times a worker's consumers found their durable gone and recreated it.
#[derive(Debug, Clone, Default)]
pub struct RecreatedConsumers(Arc<AtomicU64>);

impl RecreatedConsumers {
    pub fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// What a consumer reads and under which durable name.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub stream: Stream,
    pub durable: &'static str,
    pub filter: &'static str,
    pub max_deliver: i64,
    /// Delays before the 2nd, 3rd, ... delivery after a failure, sent with the nak
    /// ([`DEFAULT_BACKOFF`] unless a worker sets its own).
    pub backoff: &'static [Duration],
    /// Messages handed out and not yet acked, across the pool (`None`: JetStream's default,
    /// 1000). A paced consumer keeps it small, so that no message waits for its turn anywhere
    /// near [`ACK_WAIT`] and is redelivered for nothing.
    pub max_ack_pending: Option<i64>,
    /// Messages one instance handles at once. 1 keeps them in stream order (what a consumer
    /// that applies an entity's events in turn needs); independent messages (one email each)
    /// can take more.
    pub concurrency: usize,
}

/// One delivered event: the stream's event enum (decoded by subject) and where it stands in the
/// stream.
#[derive(Debug, Clone)]
pub struct Delivery<T> {
    pub event: T,
    /// The subject it was published on.
    pub subject: String,
    /// Increases with every message of the stream: lets a handler ignore older news.
    pub stream_sequence: u64,
    /// When the stream stored it (the server's clock).
    pub published: DateTime<Utc>,
}

/// A handler's error as the consumer reads it: its message (for the logs and the dead letter),
/// and whether it only says "not yet".
pub trait HandlerError: std::fmt::Display {
    /// `Some(wait)`: the event is not due yet (a reminder waiting for its time). It is not a
    /// failure: the event is delivered again after `wait`. A handler defers an event once (its
    /// due time does not move), so the deferral takes one of the event's `max_deliver`
    /// deliveries.
    fn not_due_for(&self) -> Option<Duration> {
        None
    }
}

/// A plain message: a failure.
impl HandlerError for String {}

impl HandlerError for crate::rpc::RpcError {}

#[cfg(feature = "postgres")]
impl HandlerError for crate::postgres::StoreError {}

#[cfg(feature = "surreal")]
impl HandlerError for crate::surreal::StoreError {}

/// A stream's timestamp (nanoseconds since the epoch) as a chrono time.
pub(crate) fn stored_at(unix_nanos: i128) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(i64::try_from(unix_nanos).unwrap_or(i64::MAX))
}

/// Consumes `subscription` with `handle` until `stop` is cancelled. Then it pulls no more and
/// returns once the events being handled are settled; events pulled but not yet started are
/// left unacked, and JetStream hands them to another instance after [`ACK_WAIT`].
pub async fn run<T, E, F, Fut>(
    client: async_nats::Client,
    subscription: Subscription,
    stop: CancellationToken,
    recreated: RecreatedConsumers,
    handle: F,
) -> Result<(), ConsumerError>
where
    T: StreamEvent,
    E: HandlerError,
    F: Fn(Delivery<T>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let setup = |e: async_nats::Error| ConsumerError::Setup(subscription.durable.to_owned(), e);
    let js = crate::nats::jetstream(client);
    // The keeper makes the durable (and its stream, and the dead letters) as our declaration
    // says; we may only look it up, pull from it and ack.
    ask_keeper(&js, &subscription)
        .await
        .map_err(|e| setup(e.into()))?;
    let mut consumer: jetstream::consumer::Consumer<pull::Config> = js
        .get_consumer_from_stream(subscription.durable, subscription.stream.name)
        .await
        .map_err(|e| setup(e.into()))?;
    while !stop.is_cancelled() {
        let messages = tokio::select! {
            () = stop.cancelled() => break,
            messages = consumer.messages() => messages,
        };
        // Not pulling: NATS is away, or the durable is gone (checked below).
        let messages = messages.inspect_err(|error| {
            tracing::warn!(%error, consumer = subscription.durable, "cannot pull");
        });
        if let Ok(messages) = messages {
            pull_until_it_ends(&js, &subscription, &handle, messages, &stop).await;
        }
        if stop.is_cancelled() {
            break;
        }
        if let Some(again) = recreate_if_gone(&js, &subscription).await {
            recreated.add();
            consumer = again;
        }
        tokio::select! {
            () = stop.cancelled() => {}
            () = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
    }
    Ok(())
}

/// Asks the JetStream keeper for the durable, with this worker's limits.
async fn ask_keeper(
    js: &jetstream::Context,
    subscription: &Subscription,
) -> Result<(), crate::rpc::RpcError> {
    let owner = subscription
        .durable
        .split_once('-')
        .map_or(subscription.durable, |(owner, _)| owner);
    let request = EnsureRequest {
        streams: Vec::new(),
        consumers: vec![ConsumerLimits {
            durable: subscription.durable.to_owned(),
            max_deliver: subscription.max_deliver,
            max_ack_pending: subscription.max_ack_pending,
        }],
    };
    crate::keeper::ask(&js.client(), owner, &request).await?;
    Ok(())
}

/// The durable again, made anew by the keeper, if the server says it no longer exists. Any
/// other answer (NATS away, a timeout) leaves it be: the next pull tries again.
async fn recreate_if_gone(
    js: &jetstream::Context,
    subscription: &Subscription,
) -> Option<jetstream::consumer::Consumer<pull::Config>> {
    let durable = subscription.durable;
    match js
        .get_consumer_from_stream::<pull::Config, _, _>(durable, subscription.stream.name)
        .await
    {
        Err(error)
            if matches!(error.kind(), ConsumerErrorKind::JetStream(e)
                if e.error_code() == jetstream::ErrorCode::CONSUMER_NOT_FOUND) => {}
        _ => return None,
    }
    let again = match ask_keeper(js, subscription).await {
        Ok(()) => js
            .get_consumer_from_stream(durable, subscription.stream.name)
            .await
            .map_err(|e| e.to_string()),
        Err(error) => Err(error.to_string()),
    };
    match again {
        Ok(consumer) => {
            tracing::error!(
                consumer = durable,
                "the durable consumer had vanished: recreated (events published meanwhile are delivered from its start policy)"
            );
            Some(consumer)
        }
        Err(error) => {
            tracing::error!(%error, consumer = durable, "the durable consumer vanished and cannot be recreated");
            None
        }
    }
}

/// Handles the pulled messages until their stream ends (a reconnect, the consumer reset or
/// deleted) or the worker stops.
async fn pull_until_it_ends<T, E, F, Fut>(
    js: &jetstream::Context,
    subscription: &Subscription,
    handle: &F,
    messages: jetstream::consumer::pull::Stream,
    stop: &CancellationToken,
) where
    T: StreamEvent,
    E: HandlerError,
    F: Fn(Delivery<T>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    messages
            .take_until(stop.clone().cancelled_owned())
            // Until the stream fails (reconnect, consumer reset): then pull again.
            .scan((), |_, message| {
                future::ready(
                    message
                        .inspect_err(|error| {
                            tracing::warn!(%error, consumer = subscription.durable, "consumer stream error");
                        })
                        .ok(),
                )
            })
            .for_each_concurrent(subscription.concurrency.max(1), |message| {
                settle(js, subscription, handle, message)
            })
            .await;
}

/// Handles one message and acks it, naks it for a later retry, or dead-letters it.
async fn settle<T, E, F, Fut>(
    js: &jetstream::Context,
    subscription: &Subscription,
    handle: &F,
    message: jetstream::Message,
) where
    T: StreamEvent,
    E: HandlerError,
    F: Fn(Delivery<T>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let Ok((stream_sequence, delivered, published)) = message.info().map(|i| {
        (
            i.stream_sequence,
            i.delivered,
            stored_at(i.published.unix_timestamp_nanos()),
        )
    }) else {
        return;
    };
    let outcome = match T::decode(&message.subject, &message.payload) {
        Ok(Some(event)) => handle(Delivery {
            event,
            subject: message.subject.to_string(),
            stream_sequence,
            published,
        })
        .await
        .map_err(|e| match e.not_due_for() {
            // (Never past the last delivery: JetStream would not deliver it again.)
            Some(wait) if delivered < subscription.max_deliver => Settle::NotDue(wait),
            _ => Settle::Failed(e.to_string()),
        }),
        // An event this version does not know (a newer publisher's): not ours to handle.
        Ok(None) => Ok(()),
        Err(error) => Err(Settle::Failed(format!("undecodable event: {error}"))),
    };
    let ack = match outcome {
        Ok(()) => message.ack().await,
        Err(Settle::NotDue(wait)) => {
            tracing::debug!(
                consumer = subscription.durable,
                stream_sequence,
                ?wait,
                "event not due yet"
            );
            message.ack_with(AckKind::Nak(Some(wait))).await
        }
        Err(Settle::Failed(error)) => {
            fail(
                js,
                subscription,
                &message,
                stream_sequence,
                delivered,
                error,
            )
            .await
        }
    };
    if let Err(error) = ack {
        tracing::warn!(%error, "ack failed; the event will be redelivered");
    }
}

/// Why an event was not acked.
enum Settle {
    NotDue(Duration),
    Failed(String),
}

/// A failed event: naked for a retry after its backoff, or dead-lettered after its last try.
async fn fail(
    js: &jetstream::Context,
    subscription: &Subscription,
    message: &jetstream::Message,
    stream_sequence: u64,
    delivered: i64,
    error: String,
) -> Result<(), async_nats::Error> {
    match error {
        error if delivered >= subscription.max_deliver => {
            tracing::error!(%error, consumer = subscription.durable, stream_sequence, delivered, "event failed for good: dead-lettered");
            dead_letter(js, subscription, message, stream_sequence, &error).await;
            message.ack_with(AckKind::Term).await
        }
        error => {
            tracing::warn!(%error, consumer = subscription.durable, stream_sequence, delivered, "event handling failed");
            let backoff = subscription.backoff;
            let delay = backoff
                .get(delivered.max(1) as usize - 1)
                .or(backoff.last())
                .copied()
                .unwrap_or(Duration::from_secs(1));
            message.ack_with(AckKind::Nak(Some(delay))).await
        }
    }
}

/// Stores a failed event in the dead-letter stream with where it came from and why.
async fn dead_letter(
    js: &jetstream::Context,
    subscription: &Subscription,
    message: &jetstream::Message,
    stream_sequence: u64,
    error: &str,
) {
    use dead_letter_headers as h;
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(h::SUBJECT, message.subject.as_str());
    headers.insert(h::STREAM, subscription.stream.name);
    headers.insert(h::SEQUENCE, stream_sequence.to_string().as_str());
    headers.insert(h::CONSUMER, subscription.durable);
    // Header values are one line.
    headers.insert(h::ERROR, error.replace(['\r', '\n'], " ").as_str());
    headers.insert(
        "Nats-Msg-Id",
        format!(
            "{}:{}:{stream_sequence}",
            subscription.durable, subscription.stream.name
        )
        .as_str(),
    );
    let subject = format!("mk.dlq.{}", subscription.durable);
    let mut published = store_letter(js, &subject, headers.clone(), message).await;
    // The stream already held a letter under this id. Ours, stored before a crash, or one that
    // another consumer's key wrote under our id to have ours dropped as a duplicate (any writer
    // picks its message ids): store it again under an id nobody could have guessed. A second
    // copy of a letter is harmless; a letter lost is an event nobody hears of.
    if matches!(published, Ok(true)) {
        tracing::warn!(
            consumer = subscription.durable,
            stream_sequence,
            "a dead letter with this id was stored already: storing ours under a new id"
        );
        let unique = format!(
            "{}:{}:{stream_sequence}:{}",
            subscription.durable,
            subscription.stream.name,
            uuid::Uuid::new_v4().simple()
        );
        headers.insert("Nats-Msg-Id", unique.as_str());
        published = store_letter(js, &subject, headers, message).await;
    }
    if let Err(error) = published {
        // The event stays in its own stream; an operator can find it by its sequence.
        tracing::error!(%error, stream_sequence, "cannot store the dead letter");
    }
}

/// Publishes a dead letter; whether JetStream took it for a duplicate of an earlier one.
async fn store_letter(
    js: &jetstream::Context,
    subject: &str,
    headers: async_nats::HeaderMap,
    message: &jetstream::Message,
) -> Result<bool, String> {
    let ack = js
        .publish_with_headers(subject.to_owned(), headers, message.payload.clone())
        .await
        .map_err(|e| e.to_string())?;
    ack.await
        .map(|ack| ack.duplicate)
        .map_err(|e| e.to_string())
}

/// Whether NATS subject filter `filter` (`*` one token, `>` the rest) matches `subject`.
pub fn subject_matches(filter: &str, subject: &str) -> bool {
    let mut subject = subject.split('.');
    for token in filter.split('.') {
        match (token, subject.next()) {
            (">", Some(_)) => return true,
            ("*", Some(_)) => {}
            (token, Some(actual)) if token == actual => {}
            _ => return false,
        }
    }
    subject.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::subject_matches;

    #[test]
    fn subject_filters_match_like_nats() {
        assert!(subject_matches("mk.evt.>", "mk.evt.orders.paid"));
        assert!(subject_matches("mk.evt.*.paid", "mk.evt.orders.paid"));
        assert!(subject_matches("mk.evt.orders.paid", "mk.evt.orders.paid"));
        assert!(!subject_matches(
            "mk.evt.orders.paid",
            "mk.evt.orders.paid.x"
        ));
        assert!(!subject_matches("mk.evt.*", "mk.evt.orders.paid"));
        assert!(!subject_matches("mk.evt.>", "mk.evt"));
    }
}
