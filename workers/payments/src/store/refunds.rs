//! Refunds, in two short transactions around the provider call, so no row lock or connection is
//! held while the provider answers:
//! 1. [`Store::begin_refund`] locks the payment, checks what is left to refund and writes the
//!    refund `pending` (one pending refund per payment, a unique index). A pending refund left
//!    by a timeout is handed back instead, so a retry calls the provider again with the same
//!    refund id (its idempotency key) and the money goes back once.
//! 2. [`Store::complete_refund`] marks it succeeded with the provider's reference, moves the
//!    payment's refunded amount and writes the event to the outbox; [`Store::fail_refund`]
//!    drops one the provider refused.

use chrono::{DateTime, Utc};
use menuskart_kit::outbox;
use menuskart_schemas::ids::{TransactionId, UserId};
use menuskart_schemas::payments::{PaymentEvent, PaymentStatus};
use menuskart_schemas::subjects::events::payments as subjects;
use uuid::Uuid;

use super::payments::load;
use super::{Store, StoreError, StoredPayment};
use menuskart_schemas::money::Amount;

/// Why a refund is made and who asked: kept with the refund, the audit log's record.
#[derive(Debug, Clone, Copy)]
pub struct RefundCause<'a> {
    pub reason: &'a str,
    /// The admin who asked; none when the platform refunds (an order cancelled after payment).
    pub requested_by: Option<UserId>,
}

/// A refund written `pending`: what to ask the provider for.
#[derive(Debug, Clone)]
pub struct PendingRefund {
    pub refund_id: Uuid,
    pub amount: Amount,
    /// True when it was left by an earlier attempt (a timeout) and is being resumed.
    pub resumed: bool,
}

impl Store {
    /// Locks the payment, hands `decide` the payment and any refund left pending, and writes
    /// the refund it asks for (see the module docs); `None` if there is no such payment.
    pub async fn begin_refund<E: From<StoreError>>(
        &self,
        transaction_id: TransactionId,
        cause: RefundCause<'_>,
        decide: impl FnOnce(&StoredPayment, Option<(Uuid, Amount)>) -> Result<Decision, E>,
    ) -> Result<Option<(StoredPayment, PendingRefund)>, E> {
        let mut tx = self.pool().begin().await.map_err(StoreError::from)?;
        let Some(payment) = load(&mut tx, transaction_id, true).await? else {
            return Ok(None);
        };
        let left = sqlx::query!(
            "SELECT refund_id, amount FROM refunds WHERE transaction_id = $1 AND status = 'pending'",
            transaction_id.0,
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::from)?
        .map(|row| (row.refund_id, Amount(row.amount)));
        let pending = match decide(&payment, left)? {
            Decision::Resume => {
                let (refund_id, amount) = left.expect("resume only what is pending");
                PendingRefund {
                    refund_id,
                    amount,
                    resumed: true,
                }
            }
            Decision::New(amount) => {
                let refund_id = Uuid::now_v7();
                sqlx::query!(
                    "INSERT INTO refunds \
                       (refund_id, transaction_id, amount, reason, requested_by, status) \
                     VALUES ($1, $2, $3, $4, $5, 'pending')",
                    refund_id,
                    transaction_id.0,
                    amount.0,
                    cause.reason,
                    cause.requested_by.map(UserId::uuid),
                )
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
                PendingRefund {
                    refund_id,
                    amount,
                    resumed: false,
                }
            }
        };
        tx.commit().await.map_err(StoreError::from)?;
        Ok(Some((payment, pending)))
    }

    /// Records that the provider made refund `refund_id` (once: completing it again changes
    /// nothing), with its event.
    pub async fn complete_refund(
        &self,
        transaction_id: TransactionId,
        refund_id: Uuid,
        provider_reference: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        let payment = load(&mut tx, transaction_id, true)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("payment {transaction_id} vanished")))?
            .payment;
        let Some(refund) = sqlx::query!(
            "UPDATE refunds SET status = 'succeeded', provider_reference = $2, \
               completed_at = clock_timestamp() \
             WHERE refund_id = $1 AND status = 'pending' RETURNING amount, reason",
            refund_id,
            provider_reference,
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(());
        };
        let amount = Amount(refund.amount);
        let refunded = payment.refunded_amount + amount;
        let status = if refunded >= payment.amount {
            PaymentStatus::Refunded
        } else {
            PaymentStatus::PartiallyRefunded
        };
        sqlx::query!(
            "UPDATE payments SET refunded_amount = $2, status = $3, updated_at = now() \
             WHERE transaction_id = $1",
            transaction_id.0,
            refunded.0,
            status as PaymentStatus,
        )
        .execute(&mut *tx)
        .await?;
        let event = PaymentEvent {
            transaction_id,
            order_id: payment.order_id,
            user_id: payment.user_id,
            amount,
            currency: payment.currency,
            reason: refund.reason,
        };
        outbox::enqueue(
            &mut tx,
            subjects::REFUNDED,
            &format!("refund:{refund_id}"),
            &event,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The provider refused refund `refund_id`: it no longer holds the payment's place.
    pub async fn fail_refund(&self, refund_id: Uuid) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE refunds SET status = 'failed' WHERE refund_id = $1 AND status = 'pending'",
            refund_id,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }
}

/// What to do about a refund request, decided under the payment's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Call the provider again for the refund left pending.
    Resume,
    /// Write a new pending refund of this amount.
    New(Amount),
}

/// A refund the provider made, as the audit log shows it.
#[derive(Debug, Clone)]
pub struct CompletedRefund {
    pub refund_id: Uuid,
    pub transaction_id: Uuid,
    pub order_id: Uuid,
    pub amount: i64,
    pub currency: String,
    pub reason: Option<String>,
    pub requested_by: Option<Uuid>,
    pub completed_at: DateTime<Utc>,
}

impl Store {
    /// The refunds completed after refund `after` in the log (from the newest when `None`),
    /// newest first.
    pub async fn completed_refunds(
        &self,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<CompletedRefund>, StoreError> {
        Ok(sqlx::query_as!(
            CompletedRefund,
            r#"SELECT r.refund_id, r.transaction_id, p.order_id, r.amount, p.currency, r.reason,
                 r.requested_by, r.completed_at AS "completed_at!"
               FROM refunds r JOIN payments p USING (transaction_id)
               WHERE r.status = 'succeeded'
                 AND ($1::uuid IS NULL OR (r.completed_at, r.refund_id) <
                      (SELECT completed_at, refund_id FROM refunds WHERE refund_id = $1))
               ORDER BY r.completed_at DESC, r.refund_id DESC LIMIT $2"#,
            after,
            limit,
        )
        .fetch_all(self.pool())
        .await?)
    }
}
