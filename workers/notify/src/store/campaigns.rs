//! The `campaigns` table, and the campaign's messages in the outbox.

use menuskart_kit::outbox::{self, OutboxError};
use menuskart_schemas::notify::{Campaign, CampaignMessage};
use menuskart_schemas::subjects::events::notify as events;
use uuid::Uuid;

use super::Store;
use super::StoreError;
use crate::campaign_text::CampaignText;
use menuskart_schemas::ids::UserId;

/// The outbox message id of one campaign email (also its notification record's key).
pub fn message_key(message: &CampaignMessage) -> String {
    format!("campaign:{}:{}", message.campaign_id, message.user_id)
}

impl Store {
    /// Stores the campaign and, in the same transaction, one outbox message per recipient; the
    /// number of recipients. A campaign that exists already (a retried request with the same
    /// idempotency key) is left as it is and its number answered.
    pub async fn create_campaign(
        &self,
        campaign_id: Uuid,
        created_by: UserId,
        text: &CampaignText,
        audience: &[UserId],
    ) -> Result<i64, OutboxError> {
        let mut tx = self.pool().begin().await?;
        let created: Option<i64> = sqlx::query_scalar!(
            "INSERT INTO campaigns (id, subject, body, recipients, created_by) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING recipients",
            campaign_id,
            text.subject(),
            text.body(),
            audience.len() as i64,
            created_by.0,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(recipients) = created else {
            let existing = sqlx::query_scalar!(
                "SELECT recipients FROM campaigns WHERE id = $1",
                campaign_id,
            )
            .fetch_one(&mut *tx)
            .await?;
            return Ok(existing);
        };
        let messages: Vec<(String, CampaignMessage)> = audience
            .iter()
            .map(|&user_id| {
                let message = CampaignMessage {
                    campaign_id,
                    user_id,
                };
                (message_key(&message), message)
            })
            .collect();
        outbox::enqueue_many(&mut tx, events::CAMPAIGN_MESSAGE, &messages).await?;
        tx.commit().await?;
        Ok(recipients)
    }

    /// A campaign's subject and body (what each of its messages needs; no counting).
    pub async fn campaign_text(
        &self,
        campaign_id: Uuid,
    ) -> Result<Option<CampaignText>, StoreError> {
        let row = sqlx::query!(
            "SELECT subject, body FROM campaigns WHERE id = $1",
            campaign_id,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| CampaignText::stored(r.subject, r.body)))
    }

    /// A campaign with how many of its messages were sent, skipped or are failing.
    pub async fn campaign(&self, campaign_id: Uuid) -> Result<Option<Campaign>, StoreError> {
        let row = sqlx::query_as!(
            CampaignRow,
            r#"SELECT c.id, c.subject, c.body, c.recipients, c.created_by, c.created_at,
                 count(*) FILTER (WHERE n.status = 'sent') AS "sent!",
                 count(*) FILTER (WHERE n.status = 'skipped') AS "skipped!",
                 count(*) FILTER (WHERE n.status = 'failed') AS "failed!"
               FROM campaigns c LEFT JOIN notifications n ON n.campaign_id = c.id
               WHERE c.id = $1 GROUP BY c.id"#,
            campaign_id,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(CampaignRow::into_campaign))
    }
}

struct CampaignRow {
    id: Uuid,
    subject: String,
    body: String,
    recipients: i64,
    created_by: Uuid,
    created_at: chrono::DateTime<chrono::Utc>,
    sent: i64,
    skipped: i64,
    failed: i64,
}

impl CampaignRow {
    fn into_campaign(self) -> Campaign {
        Campaign {
            campaign_id: self.id,
            subject: self.subject,
            body: self.body,
            recipients: self.recipients,
            sent: self.sent,
            skipped: self.skipped,
            failed: self.failed,
            created_by: UserId(self.created_by),
            created_at: self.created_at,
        }
    }
}
