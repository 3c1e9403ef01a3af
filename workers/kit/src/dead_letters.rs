//! The dead-letter stream, for operators: list what failed for good, and replay it.
//!
//! A replay never republishes a letter: any worker may write dead letters (each to its own
//! consumers' subjects, but with any headers and body), so a letter's subject, body and headers
//! prove nothing. The letter's own subject (`mk.dlq.<consumer>`, which NATS lets only that
//! consumer's worker publish) names the consumer; its headers say where in that consumer's
//! stream the event is. The tool asks the service that owns the consumer (its `replay`
//! endpoint, granted to the operators alone) to handle that event again, read from its own
//! stream ([`crate::replay`]); once it did, the letter is deleted. A forged letter can at most
//! have a consumer handle a real event of its own stream again, which handlers take in their
//! stride (they are idempotent). The operators need no right to publish events.

use std::time::Duration;

use async_nats::jetstream::stream::Stream;
use bytes::Bytes;
use menuskart_schemas::dead_letters::{ReplayRequest, Replayed};
use menuskart_schemas::subjects::replay;

use crate::consumer::{DEAD_LETTERS, dead_letter_headers as h};
use crate::rpc::{self, RpcError};

/// How long a replay may take: the consumer's handler runs again (and may send an email).
const REPLAY_TIMEOUT: Duration = Duration::from_secs(30);

/// Where every consumer writes its dead letters: `mk.dlq.<consumer>`.
const SUBJECT_PREFIX: &str = "mk.dlq.";

#[derive(Debug, thiserror::Error)]
pub enum DeadLetterError {
    #[error("NATS: {0}")]
    Nats(#[from] async_nats::Error),
    #[error("no dead letter {0}")]
    Missing(u64),
    #[error("dead letter {0} does not say where it came from")]
    NoOrigin(u64),
    #[error("dead letter {0}: no service replays consumer {1:?}")]
    NoOwner(u64, String),
    #[error("dead letter {0}: the consumer's service did not replay it: {1}")]
    Refused(u64, RpcError),
}

/// One dead letter.
#[derive(Debug, Clone)]
pub struct DeadLetter {
    /// Its sequence in the dead-letter stream (what `replay` takes).
    pub sequence: u64,
    /// The consumer that gave up, from the letter's own subject (the one thing in a letter
    /// that NATS vouches for: only that consumer's worker may publish it).
    pub consumer: String,
    /// What the letter says: the subject, stream and stream sequence of the event, and the
    /// error. Only the stream sequence is used, to find the event in the consumer's stream.
    pub subject: String,
    pub stream: String,
    pub stream_sequence: String,
    pub error: String,
    pub payload: Bytes,
}

fn boxed(error: impl std::error::Error + Send + Sync + 'static) -> DeadLetterError {
    DeadLetterError::Nats(Box::new(error))
}

async fn stream(client: &async_nats::Client) -> Result<Stream, DeadLetterError> {
    crate::ops::jetstream(client.clone())
        .get_stream(DEAD_LETTERS.name)
        .await
        .map_err(boxed)
}

async fn read(stream: &Stream, sequence: u64) -> Result<DeadLetter, DeadLetterError> {
    let message = stream
        .get_raw_message(sequence)
        .await
        .map_err(|_| DeadLetterError::Missing(sequence))?;
    let header = |name: &str| {
        message
            .headers
            .get(name)
            .map(|v| v.as_str().to_owned())
            .unwrap_or_default()
    };
    Ok(DeadLetter {
        sequence,
        consumer: message
            .subject
            .strip_prefix(SUBJECT_PREFIX)
            .unwrap_or_default()
            .to_owned(),
        subject: header(h::SUBJECT),
        stream: header(h::STREAM),
        stream_sequence: header(h::SEQUENCE),
        error: header(h::ERROR),
        payload: message.payload,
    })
}

/// Every dead letter, oldest first.
pub async fn list(client: &async_nats::Client) -> Result<Vec<DeadLetter>, DeadLetterError> {
    let mut stream = stream(client).await?;
    let state = stream.info().await.map_err(boxed)?.state.clone();
    let mut letters = Vec::new();
    if state.messages == 0 {
        return Ok(letters);
    }
    for sequence in state.first_sequence..=state.last_sequence {
        match read(&stream, sequence).await {
            Ok(letter) => letters.push(letter),
            // Deleted (replayed) ones leave gaps.
            Err(DeadLetterError::Missing(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(letters)
}

/// Has the consumer of dead letter `sequence` handle its event again (see the module's docs),
/// then deletes the letter. What was handled, as the consumer's stream holds it.
pub async fn replay(
    client: &async_nats::Client,
    sequence: u64,
) -> Result<Replayed, DeadLetterError> {
    let stream = stream(client).await?;
    let letter = read(&stream, sequence).await?;
    let endpoint = replay::of_consumer(&letter.consumer)
        .ok_or_else(|| DeadLetterError::NoOwner(sequence, letter.consumer.clone()))?;
    let stream_sequence = letter
        .stream_sequence
        .parse()
        .map_err(|_| DeadLetterError::NoOrigin(sequence))?;
    let replayed: Replayed = rpc::request_raw(
        client,
        endpoint,
        async_nats::HeaderMap::new(),
        &ReplayRequest {
            consumer: letter.consumer,
            stream_sequence,
        },
        REPLAY_TIMEOUT,
    )
    .await
    .map_err(|e| DeadLetterError::Refused(sequence, e))?;
    stream.delete_message(sequence).await.map_err(boxed)?;
    Ok(replayed)
}
