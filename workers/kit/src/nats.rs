//! The NATS connection.
//!
//! async-nats reconnects by itself; we only make it never give up, name the connection (so the
//! server's monitoring shows which process it is) and log state changes.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
#[error("cannot connect to NATS at {url}: {source}")]
pub struct ConnectError {
    url: String,
    #[source]
    source: async_nats::ConnectError,
}

/// Connects to `url` (comma-separated list for a cluster) as `name`.
pub async fn connect(url: &str, name: &str) -> Result<async_nats::Client, ConnectError> {
    let servers: Vec<async_nats::ServerAddr> = url
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    async_nats::ConnectOptions::new()
        .name(name)
        .max_reconnects(None)
        .connection_timeout(Duration::from_secs(5))
        // The edge multiplexes many requests over one connection: a larger buffer keeps bursts
        // from blocking (field notes: client_capacity).
        .client_capacity(8192)
        .event_callback(|event| async move {
            match event {
                async_nats::Event::Connected => tracing::info!("nats connected"),
                async_nats::Event::Disconnected => tracing::warn!("nats disconnected"),
                other => tracing::info!(event = %other, "nats event"),
            }
        })
        .connect(servers)
        .await
        .map_err(|source| ConnectError {
            url: url.to_owned(),
            source,
        })
}
