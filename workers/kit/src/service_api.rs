//! The client side of the NATS service API: ask `$SRV.<VERB>[.<name>]` and collect every
//! instance's answer. This is what `nats micro ls|info|stats` does; we need it because the Go
//! `nats` CLI cannot be installed on our machines, and tests use it to see instances.

use std::time::Duration;

use futures::StreamExt;
use menuskart_schemas::subjects::service_api;

/// The service API verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Ping,
    Info,
    Stats,
}

impl Verb {
    fn subject(self) -> &'static str {
        match self {
            Verb::Ping => service_api::PING,
            Verb::Info => service_api::INFO,
            Verb::Stats => service_api::STATS,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("cannot subscribe: {0}")]
    Subscribe(#[from] async_nats::SubscribeError),
    #[error("cannot publish: {0}")]
    Publish(#[from] async_nats::PublishError),
}

/// Sends `$SRV.<verb>[.<service>]` and returns the JSON answers that arrive within `wait`
/// (one per instance).
pub async fn discover(
    client: &async_nats::Client,
    verb: Verb,
    service: Option<&str>,
    wait: Duration,
) -> Result<Vec<serde_json::Value>, DiscoverError> {
    let subject = match service {
        Some(name) => format!("{}.{name}", verb.subject()),
        None => verb.subject().to_owned(),
    };
    let inbox = client.new_inbox();
    let mut replies = client.subscribe(inbox.clone()).await?;
    client.publish_with_reply(subject, inbox, "".into()).await?;
    let mut answers = Vec::new();
    let deadline = tokio::time::sleep(wait);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            () = &mut deadline => break,
            message = replies.next() => match message {
                Some(message) => {
                    if let Ok(answer) = serde_json::from_slice(&message.payload) {
                        answers.push(answer);
                    }
                }
                None => break,
            },
        }
    }
    Ok(answers)
}
