//! The transactional outbox: an event is a row written in the same PostgreSQL transaction as
//! the change it announces, so it exists exactly when the change does (none for a rolled-back
//! change). The [`Relay`] publishes pending rows to JetStream with the row's `msg_id` as
//! `Nats-Msg-Id` and then stamps them; if the process dies between publish and stamp, the row
//! is published again and JetStream's duplicate window drops the copy.
//!
//! The worker's migrations create the table:
//! `outbox (id bigserial primary key, subject text, msg_id text unique, payload jsonb,
//! created_at timestamptz, published_at timestamptz)`.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgPool};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use menuskart_schemas::subjects::events::EventSubject;

use crate::events::{EventError, Events};

/// Rows published per transaction.
const BATCH: i64 = 100;
/// How often the relay looks without being woken (other instances' writes, a failed publish).
const POLL: Duration = Duration::from_millis(500);

/// Whether this instance publishes its worker's outbox (every worker with one reads this).
#[derive(Debug, Clone, Deserialize)]
pub struct OutboxSettings {
    /// `MK_OUTBOX_RELAY` (default true; tests turn it off to play a crash between commit and
    /// publish).
    #[serde(default = "relay_on")]
    pub outbox_relay: bool,
}

impl Default for OutboxSettings {
    fn default() -> Self {
        Self { outbox_relay: true }
    }
}

fn relay_on() -> bool {
    true
}

#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error("outbox database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("event does not encode: {0}")]
    Encode(#[from] serde_json::Error),
    #[error(transparent)]
    Publish(#[from] EventError),
}

/// Writes an event into the outbox inside the caller's transaction. The same `msg_id` twice
/// is one event.
pub async fn enqueue<T: Serialize>(
    conn: &mut PgConnection,
    event: EventSubject<T>,
    msg_id: &str,
    payload: &T,
) -> Result<(), OutboxError> {
    enqueue_on(conn, event.subject, msg_id, payload).await
}

/// [`enqueue`] on a subject made at run time (one per order, say), inside the stream of a
/// declared event.
pub async fn enqueue_on<T: Serialize>(
    conn: &mut PgConnection,
    subject: &str,
    msg_id: &str,
    payload: &T,
) -> Result<(), OutboxError> {
    sqlx::query!(
        "INSERT INTO outbox (subject, msg_id, payload) VALUES ($1, $2, $3) \
         ON CONFLICT (msg_id) DO NOTHING",
        subject,
        msg_id,
        serde_json::to_value(payload)?,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes many events on one subject in one statement (a campaign's messages, one per
/// recipient), inside the caller's transaction. `events` are `(msg_id, payload)` pairs.
pub async fn enqueue_many<T: Serialize>(
    conn: &mut PgConnection,
    event: EventSubject<T>,
    events: &[(String, T)],
) -> Result<(), OutboxError> {
    let msg_ids: Vec<&str> = events.iter().map(|(id, _)| id.as_str()).collect();
    let payloads = events
        .iter()
        .map(|(_, payload)| serde_json::to_value(payload))
        .collect::<Result<Vec<_>, _>>()?;
    sqlx::query!(
        "INSERT INTO outbox (subject, msg_id, payload) \
         SELECT $1, m, p FROM unnest($2::text[], $3::jsonb[]) AS e(m, p) \
         ON CONFLICT (msg_id) DO NOTHING",
        event.subject,
        &msg_ids as &[&str],
        &payloads,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Publishes the outbox. Several relays (one per instance) may run: each batch is locked with
/// `FOR UPDATE SKIP LOCKED`, so they share the rows instead of racing for them.
#[derive(Debug, Clone)]
pub struct Relay {
    pool: PgPool,
    events: Events,
    wake: Arc<Notify>,
}

impl Relay {
    pub fn new(pool: PgPool, events: Events) -> Self {
        Self {
            pool,
            events,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Wakes the relay at once (after a commit that wrote to the outbox) instead of at its
    /// next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Publishes one batch of pending rows; how many.
    pub async fn publish_pending(&self) -> Result<usize, OutboxError> {
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query!(
            "SELECT id, subject, msg_id, payload FROM outbox WHERE published_at IS NULL \
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
            BATCH,
        )
        .fetch_all(&mut *tx)
        .await?;
        // In id order, so one relay publishes an order's events in the order they happened.
        for row in &rows {
            self.events
                .publish_raw(&row.subject, &row.msg_id, &row.payload)
                .await?;
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        sqlx::query!(
            "UPDATE outbox SET published_at = now() WHERE id = ANY($1)",
            &ids
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(rows.len())
    }

    /// Publishes until `stop` is cancelled, then returns between two batches (a batch is one
    /// transaction: cut off inside it, its rows would simply stay pending).
    pub async fn run(self, stop: CancellationToken) {
        let mut published_since_cleanup = 0usize;
        while !stop.is_cancelled() {
            match self.publish_pending().await {
                Ok(n) if n as i64 == BATCH => {
                    published_since_cleanup += n;
                    continue;
                }
                Ok(n) => published_since_cleanup += n,
                Err(error) => tracing::warn!(%error, "outbox relay: will retry"),
            }
            if published_since_cleanup >= 1_000 {
                published_since_cleanup = 0;
                self.delete_old().await;
            }
            tokio::select! {
                () = stop.cancelled() => {}
                _ = tokio::time::timeout(POLL, self.wake.notified()) => {}
            }
        }
    }

    async fn delete_old(&self) {
        // Published rows are kept 7 days (to see what went out), then deleted.
        let deleted =
            sqlx::query!("DELETE FROM outbox WHERE published_at < now() - interval '7 days'")
                .execute(&self.pool)
                .await;
        if let Err(error) = deleted {
            tracing::warn!(%error, "outbox cleanup failed");
        }
    }
}
