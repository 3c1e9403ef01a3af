//! Replaying a dead letter (`mk-dead-letters replay`): the operators ask the worker that owns
//! the consumer to handle again the event the letter points to, by its place in the worker's
//! own stream. What the letter itself says (subject, body, headers) is never replayed: any
//! worker may write dead letters, so a letter proves nothing.

use serde::{Deserialize, Serialize};

/// `<group>.replay`: the event at `stream_sequence` in the stream of durable consumer
/// `consumer`, to be handled again by that consumer's handler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayRequest {
    pub consumer: String,
    pub stream_sequence: u64,
}

/// `<group>.replay`: the event that was handled again, as its stream holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replayed {
    pub consumer: String,
    pub stream: String,
    pub stream_sequence: u64,
    /// The subject it was published on (read from the stream, not from the letter).
    pub subject: String,
}
