//! What a component asks the JetStream keeper for (`mk.jetstream.<component>`): the streams and
//! durable consumers its declaration in [`crate::components`] names. The component says only
//! which ones and the limits that are its own settings; the keeper builds every configuration
//! (subjects, retention, filter, pull only) from the declaration.

use serde::{Deserialize, Serialize};

/// Ensure these streams and durables exist (created if missing, limits updated).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EnsureRequest {
    /// Stream names (`ORDERS`), each one the component declares.
    #[serde(default)]
    pub streams: Vec<String>,
    #[serde(default)]
    pub consumers: Vec<ConsumerLimits>,
}

/// A durable the component declares, with the limits its settings choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsumerLimits {
    pub durable: String,
    /// Deliveries before an event is dead-lettered.
    pub max_deliver: i64,
    /// Events handed out and not yet acked across the pool (`None`: JetStream's default).
    #[serde(default)]
    pub max_ack_pending: Option<i64>,
}

/// What the keeper did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ensured {
    /// The durables that did not exist and were created now.
    pub created_consumers: Vec<String>,
}
