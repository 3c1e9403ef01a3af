//! The dead-letter stream, for operators: list what failed for good, and replay it.
//!
//! A replay publishes the event again, unchanged, on its original subject (so every consumer
//! of that subject sees it again: they are idempotent) with the message id `replay:<seq>`,
//! and then deletes the dead letter.

use async_nats::jetstream::stream::Stream;
use bytes::Bytes;

use crate::consumer::{DEAD_LETTERS, dead_letter_headers as h};

#[derive(Debug, thiserror::Error)]
pub enum DeadLetterError {
    #[error("NATS: {0}")]
    Nats(#[from] async_nats::Error),
    #[error("no dead letter {0}")]
    Missing(u64),
    #[error("dead letter {0} does not say where it came from")]
    NoOrigin(u64),
}

/// One dead letter.
#[derive(Debug, Clone)]
pub struct DeadLetter {
    /// Its sequence in the dead-letter stream (what `replay` takes).
    pub sequence: u64,
    /// The subject it was first published on.
    pub subject: String,
    pub stream: String,
    pub stream_sequence: String,
    pub consumer: String,
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
        subject: header(h::SUBJECT),
        stream: header(h::STREAM),
        stream_sequence: header(h::SEQUENCE),
        consumer: header(h::CONSUMER),
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

/// Publishes dead letter `sequence` again on its original subject, then deletes it.
pub async fn replay(
    client: &async_nats::Client,
    sequence: u64,
) -> Result<DeadLetter, DeadLetterError> {
    let stream = stream(client).await?;
    let letter = read(&stream, sequence).await?;
    if letter.subject.is_empty() {
        return Err(DeadLetterError::NoOrigin(sequence));
    }
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(
        "Nats-Msg-Id",
        format!("replay:{}:{sequence}", DEAD_LETTERS.name).as_str(),
    );
    crate::ops::jetstream(client.clone())
        .publish_with_headers(letter.subject.clone(), headers, letter.payload.clone())
        .await
        .map_err(boxed)?
        .await
        .map_err(boxed)?;
    stream.delete_message(sequence).await.map_err(boxed)?;
    Ok(letter)
}
