//! Refunds. A refund holds its payment's row lock from the check to the commit (the provider
//! is called in between), so two refunds of one payment run one after the other and never
//! together exceed what was captured.

use menuskart_kit::outbox;
use menuskart_schemas::ids::TransactionId;
use menuskart_schemas::payments::{PaymentEvent, PaymentStatus};
use menuskart_schemas::subjects::events::payments as subjects;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::payments::load;
use super::{Store, StoreError, StoredPayment};
use menuskart_schemas::money::Amount;

/// A payment locked for a refund.
pub struct RefundLock {
    tx: Transaction<'static, Postgres>,
    pub payment: StoredPayment,
}

impl Store {
    /// Locks the payment; `None` if there is none.
    pub async fn lock_for_refund(
        &self,
        transaction_id: TransactionId,
    ) -> Result<Option<RefundLock>, StoreError> {
        let mut tx = self.pool().begin().await?;
        Ok(load(&mut tx, transaction_id, true)
            .await?
            .map(|payment| RefundLock { tx, payment }))
    }
}

impl RefundLock {
    /// Records a refund the provider made, with its event, and releases the lock.
    pub async fn record(
        mut self,
        refund_id: Uuid,
        amount: Amount,
        provider_reference: &str,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let payment = &self.payment.payment;
        let refunded = payment.refunded_amount + amount;
        let status = if refunded >= payment.amount {
            PaymentStatus::Refunded
        } else {
            PaymentStatus::PartiallyRefunded
        };
        sqlx::query!(
            "INSERT INTO refunds (refund_id, transaction_id, amount, provider_reference, reason) \
             VALUES ($1, $2, $3, $4, $5)",
            refund_id,
            payment.transaction_id.0,
            amount.0,
            provider_reference,
            reason,
        )
        .execute(&mut *self.tx)
        .await?;
        sqlx::query!(
            "UPDATE payments SET refunded_amount = $2, status = $3, updated_at = now() \
             WHERE transaction_id = $1",
            payment.transaction_id.0,
            refunded.0,
            status as PaymentStatus,
        )
        .execute(&mut *self.tx)
        .await?;
        let event = PaymentEvent {
            transaction_id: payment.transaction_id,
            order_id: payment.order_id,
            user_id: payment.user_id,
            amount,
            currency: payment.currency,
            reason: reason.map(str::to_owned),
        };
        outbox::enqueue(
            &mut self.tx,
            subjects::REFUNDED,
            &format!("refund:{refund_id}"),
            &event,
        )
        .await?;
        self.tx.commit().await?;
        Ok(())
    }
}
