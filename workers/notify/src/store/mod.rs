//! The notification records (PostgreSQL): one row per event and channel. A row `sent` (or
//! `skipped`) means never again; `failed`, or `sending` whose claim ran out (its sender
//! died), means try again; `sending` under a live claim means someone is sending it now.
//! Campaigns are in [`campaigns`].

pub mod campaigns;

use menuskart_kit::postgres::PostgresSettings;
pub use menuskart_kit::postgres::StoreError;
use menuskart_schemas::ids::UserId;
use sqlx::PgPool;
use uuid::Uuid;

/// How long a claim holds: longer than a send can take (two service calls and an SMTP
/// conversation, each with its own time limit).
const CLAIM_SECS: f64 = 60.0;

#[derive(Debug, Clone)]
pub struct Store {
    pool: PgPool,
}

/// Whether a notification still has to go out.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// Ours to send.
    Send,
    /// Sent, or skipped for good.
    Done,
    /// Another delivery of the same event is sending it right now.
    Busy,
}

impl Store {
    pub async fn connect(settings: &PostgresSettings) -> Result<Self, StoreError> {
        let pool =
            menuskart_kit::postgres::connect(settings, &sqlx::migrate!("./migrations")).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Records an attempt (creating the row on the first) and claims the notification unless
    /// it is done or claimed by a live sender. `campaign_id` for a promotional message.
    pub async fn claim(
        &self,
        event_key: &str,
        channel: &str,
        kind: &str,
        user_id: UserId,
        campaign_id: Option<Uuid>,
    ) -> Result<Claim, StoreError> {
        // `now()` is the statement's time: `mine` says whether this statement set the claim.
        let row = sqlx::query!(
            r#"INSERT INTO notifications
               (event_key, channel, kind, user_id, campaign_id, status, attempts, claimed_until)
             VALUES ($1, $2, $3, $4, $5, 'sending', 1, now() + make_interval(secs => $6))
             ON CONFLICT (event_key, channel) DO UPDATE SET
               attempts = notifications.attempts + 1,
               claimed_until = CASE
                 WHEN notifications.status IN ('sent', 'skipped') THEN notifications.claimed_until
                 WHEN notifications.status = 'failed' OR notifications.claimed_until IS NULL
                   OR notifications.claimed_until < now()
                 THEN now() + make_interval(secs => $6)
                 ELSE notifications.claimed_until END,
               status = CASE WHEN notifications.status IN ('sent', 'skipped')
                 THEN notifications.status ELSE 'sending' END
             RETURNING status, claimed_until = now() + make_interval(secs => $6) AS "mine!""#,
            event_key,
            channel,
            kind,
            user_id.0,
            campaign_id,
            CLAIM_SECS,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(match (row.status.as_str(), row.mine) {
            ("sent" | "skipped", _) => Claim::Done,
            (_, true) => Claim::Send,
            (_, false) => Claim::Busy,
        })
    }

    pub async fn sent(
        &self,
        event_key: &str,
        channel: &str,
        recipient: &str,
        provider_id: &str,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE notifications SET status = 'sent', recipient = $3, provider_id = $4, \
               sent_at = now(), last_error = NULL WHERE event_key = $1 AND channel = $2",
            event_key,
            channel,
            recipient,
            provider_id,
        )
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
    ) -> Result<(), StoreError> {
        self.unsent(event_key, channel, "failed", error).await
    }

    /// Not to be sent, ever (the user opted out before the message's turn).
    pub async fn skipped(
        &self,
        event_key: &str,
        channel: &str,
        why: &str,
    ) -> Result<(), StoreError> {
        self.unsent(event_key, channel, "skipped", why).await
    }

    /// Records why a notification did not go out (a sent one stays sent).
    async fn unsent(
        &self,
        event_key: &str,
        channel: &str,
        status: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE notifications SET status = $3, last_error = $4 \
             WHERE event_key = $1 AND channel = $2 AND status <> 'sent'",
            event_key,
            channel,
            status,
            note,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
