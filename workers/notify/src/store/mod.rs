//! The notification records (PostgreSQL): one row per event and channel. A row `sent` (or
//! `skipped`) means never again; `sending` or `failed` means try (again). Campaigns are in
//! [`campaigns`].

pub mod campaigns;

use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct Store {
    pool: PgPool,
}

/// Whether a notification still has to go out.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    Send,
    /// Sent, or skipped for good.
    Done,
}

impl Store {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, sqlx::Error> {
        let migrations = sqlx::migrate!("./migrations");
        let pool = menuskart_kit::postgres::connect(url, max_connections, &migrations).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Records an attempt (creating the row on the first). `campaign_id` for a promotional
    /// message.
    pub async fn claim(
        &self,
        event_key: &str,
        channel: &str,
        kind: &str,
        user_id: Uuid,
        campaign_id: Option<Uuid>,
    ) -> Result<Claim, sqlx::Error> {
        let status: String = sqlx::query_scalar(
            "INSERT INTO notifications \
               (event_key, channel, kind, user_id, campaign_id, status, attempts) \
             VALUES ($1, $2, $3, $4, $5, 'sending', 1) \
             ON CONFLICT (event_key, channel) DO UPDATE SET attempts = notifications.attempts + 1 \
             RETURNING status",
        )
        .bind(event_key)
        .bind(channel)
        .bind(kind)
        .bind(user_id)
        .bind(campaign_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(match status.as_str() {
            "sent" | "skipped" => Claim::Done,
            _ => Claim::Send,
        })
    }

    pub async fn sent(
        &self,
        event_key: &str,
        channel: &str,
        recipient: &str,
        provider_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE notifications SET status = 'sent', recipient = $3, provider_id = $4, \
               sent_at = now(), last_error = NULL WHERE event_key = $1 AND channel = $2",
        )
        .bind(event_key)
        .bind(channel)
        .bind(recipient)
        .bind(provider_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An attempt failed; the next delivery tries again.
    pub async fn failed(
        &self,
        event_key: &str,
        channel: &str,
        error: &str,
    ) -> Result<(), sqlx::Error> {
        self.unsent(event_key, channel, "failed", error).await
    }

    /// Not to be sent, ever (the user opted out before the message's turn).
    pub async fn skipped(
        &self,
        event_key: &str,
        channel: &str,
        why: &str,
    ) -> Result<(), sqlx::Error> {
        self.unsent(event_key, channel, "skipped", why).await
    }

    /// Records why a notification did not go out (a sent one stays sent).
    async fn unsent(
        &self,
        event_key: &str,
        channel: &str,
        status: &str,
        note: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE notifications SET status = $3, last_error = $4 \
             WHERE event_key = $1 AND channel = $2 AND status <> 'sent'",
        )
        .bind(event_key)
        .bind(channel)
        .bind(status)
        .bind(note)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
