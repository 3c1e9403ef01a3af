//! Payments: the pending row written before the provider is called, and its settlement.

use chrono::{DateTime, Utc};
use menuskart_kit::outbox;
use menuskart_schemas::ids::{OrderId, TransactionId, UserId};
use menuskart_schemas::payments::{NextAction, Payment, PaymentEvent, PaymentStatus, Refund};
use menuskart_schemas::subjects::events::payments as subjects;
use sqlx::PgConnection;
use uuid::Uuid;

use super::{Store, StoreError};
use menuskart_schemas::money::{Amount, Currency};

/// A payment and the token it was made with (to resume a call the provider never answered).
#[derive(Debug, Clone)]
pub struct StoredPayment {
    pub payment: Payment,
    pub payment_method: String,
}

/// What a new (pending) payment is.
#[derive(Debug, Clone)]
pub struct NewPayment<'a> {
    pub transaction_id: TransactionId,
    pub order_id: OrderId,
    pub user_id: UserId,
    pub idempotency_key: Option<&'a str>,
    pub amount: Amount,
    pub currency: &'a str,
    pub provider: &'a str,
    pub payment_method: &'a str,
}

/// Why a pending payment could not be written.
#[derive(Debug, PartialEq, Eq)]
pub enum InsertConflict {
    /// A payment with this id exists (the same idempotency key, raced).
    SameTransaction,
    /// The order has a payment that did not fail.
    OrderHasPayment,
}

/// A provider's verdict on a pending or processing payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    Succeeded {
        reference: String,
    },
    Processing {
        reference: String,
        next_action: Option<NextAction>,
    },
    Failed {
        reference: Option<String>,
        reason: String,
    },
}

impl Store {
    /// Writes a new payment `pending`, with its `started` event in the outbox: the order
    /// service then keeps the order from expiring until the payment's verdict.
    pub async fn insert_pending(
        &self,
        new: &NewPayment<'_>,
    ) -> Result<Result<(), InsertConflict>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let inserted = sqlx::query!(
            "INSERT INTO payments (transaction_id, order_id, user_id, idempotency_key, status, \
               amount, currency, provider, payment_method) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            new.transaction_id.0,
            new.order_id.0,
            new.user_id.0,
            new.idempotency_key,
            PaymentStatus::Pending as PaymentStatus,
            new.amount.0,
            new.currency,
            new.provider,
            new.payment_method,
        )
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                return Ok(Err(
                    if db.constraint() == Some("payments_one_live_per_order") {
                        InsertConflict::OrderHasPayment
                    } else {
                        InsertConflict::SameTransaction
                    },
                ));
            }
            Err(other) => return Err(other.into()),
        }
        let event = PaymentEvent {
            transaction_id: new.transaction_id,
            order_id: new.order_id,
            user_id: new.user_id,
            amount: new.amount,
            currency: Currency::try_from(new.currency)?,
            reason: None,
        };
        let msg_id = format!("{}:started", new.transaction_id);
        outbox::enqueue(&mut tx, subjects::STARTED, &msg_id, &event).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    pub async fn payment(
        &self,
        transaction_id: TransactionId,
    ) -> Result<Option<StoredPayment>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load(&mut conn, transaction_id, false).await
    }

    /// Every payment of an order, newest first. An order has a handful at most (one live, the
    /// rest declined), so each is loaded on its own.
    pub async fn payments_of_order(&self, order_id: OrderId) -> Result<Vec<Payment>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let ids = sqlx::query_scalar!(
            "SELECT transaction_id FROM payments WHERE order_id = $1 \
             ORDER BY created_at DESC, transaction_id",
            order_id.0,
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut payments = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(stored) = load(&mut conn, TransactionId(id), false).await? {
                payments.push(stored.payment);
            }
        }
        Ok(payments)
    }

    /// The payment the provider knows as `reference`.
    pub async fn by_reference(
        &self,
        provider: &str,
        reference: &str,
    ) -> Result<Option<TransactionId>, StoreError> {
        let id = sqlx::query_scalar!(
            "SELECT transaction_id FROM payments WHERE provider = $1 AND provider_reference = $2",
            provider,
            reference,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(id.map(TransactionId))
    }

    /// The payment `transaction_id` of `provider` if we never learnt its reference (our call's
    /// reply was lost): a webhook naming it in the provider's metadata may settle it.
    pub async fn unreferenced(
        &self,
        provider: &str,
        transaction_id: TransactionId,
    ) -> Result<Option<TransactionId>, StoreError> {
        let id = sqlx::query_scalar!(
            "SELECT transaction_id FROM payments \
             WHERE transaction_id = $1 AND provider = $2 AND provider_reference IS NULL",
            transaction_id.0,
            provider,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(id.map(TransactionId))
    }

    /// Payments still `pending` (the provider's verdict never reached us) last touched more
    /// than `older_than` ago and less than `younger_than` ago, oldest first.
    pub async fn stale_pending(
        &self,
        older_than: chrono::Duration,
        younger_than: chrono::Duration,
        limit: i64,
    ) -> Result<Vec<TransactionId>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT transaction_id FROM payments WHERE status = $1 \
               AND updated_at < now() - make_interval(secs => $2) \
               AND updated_at > now() - make_interval(secs => $3) \
             ORDER BY updated_at LIMIT $4",
            PaymentStatus::Pending as PaymentStatus,
            older_than.num_milliseconds() as f64 / 1000.0,
            younger_than.num_milliseconds() as f64 / 1000.0,
            limit,
        )
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(TransactionId).collect())
    }

    /// Payments of an order that captured money not yet refunded.
    pub async fn refundable_of_order(
        &self,
        order_id: OrderId,
    ) -> Result<Vec<TransactionId>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT transaction_id FROM payments WHERE order_id = $1 \
               AND status IN ($2, $3) AND refunded_amount < amount",
            order_id.0,
            PaymentStatus::Succeeded as PaymentStatus,
            PaymentStatus::PartiallyRefunded as PaymentStatus,
        )
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(TransactionId).collect())
    }

    /// Applies a provider's verdict to a payment still `pending` or `processing`, with its
    /// event in the outbox, in one transaction. With `event` (a webhook's provider event id)
    /// the event is recorded in the same transaction, so a second delivery changes nothing.
    /// Answers the payment as it stands, and whether this call changed it.
    pub async fn settle(
        &self,
        transaction_id: TransactionId,
        settlement: &Settlement,
        event: Option<(&str, &str)>,
    ) -> Result<Option<(StoredPayment, bool)>, StoreError> {
        let mut tx = self.pool().begin().await?;
        if let Some((provider, event_id)) = event {
            let fresh = sqlx::query!(
                "INSERT INTO webhook_events (provider, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                provider,
                event_id,
            )
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !fresh {
                let current = load(&mut tx, transaction_id, false).await?;
                return Ok(current.map(|p| (p, false)));
            }
        }
        let Some(current) = load(&mut tx, transaction_id, true).await? else {
            return Ok(None);
        };
        let open = matches!(
            current.payment.status,
            PaymentStatus::Pending | PaymentStatus::Processing
        );
        let (status, reference, reason, next_action) = match settlement {
            Settlement::Succeeded { reference } => {
                (PaymentStatus::Succeeded, Some(reference), None, None)
            }
            Settlement::Processing {
                reference,
                next_action,
            } => (
                PaymentStatus::Processing,
                Some(reference),
                None,
                next_action.as_ref(),
            ),
            Settlement::Failed { reference, reason } => (
                PaymentStatus::Failed,
                reference.as_ref(),
                Some(reason.as_str()),
                None,
            ),
        };
        let next_action = next_action
            .map(serde_json::to_value)
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("next action: {e}")))?;
        if !open || current.payment.status == status {
            tx.commit().await?;
            return Ok(Some((current, false)));
        }
        sqlx::query!(
            "UPDATE payments SET status = $2, provider_reference = coalesce($3, provider_reference), \
               failure_reason = $4, next_action = $5, updated_at = now() WHERE transaction_id = $1",
            transaction_id.0,
            status as PaymentStatus,
            reference,
            reason,
            next_action,
        )
        .execute(&mut *tx)
        .await?;
        let updated = load(&mut tx, transaction_id, false)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("payment {transaction_id} vanished")))?;
        let subject = match status {
            PaymentStatus::Succeeded => Some(subjects::SUCCEEDED),
            PaymentStatus::Failed => Some(subjects::FAILED),
            _ => None,
        };
        if let Some(subject) = subject {
            let p = &updated.payment;
            let event = PaymentEvent {
                transaction_id,
                order_id: p.order_id,
                user_id: p.user_id,
                amount: p.amount,
                currency: p.currency,
                reason: p.failure_reason.clone(),
            };
            let msg_id = format!("{transaction_id}:{}", status.as_str());
            outbox::enqueue(&mut tx, subject, &msg_id, &event).await?;
        }
        tx.commit().await?;
        Ok(Some((updated, true)))
    }
}

struct PaymentRow {
    transaction_id: Uuid,
    order_id: Uuid,
    user_id: Uuid,
    status: PaymentStatus,
    amount: i64,
    currency: String,
    provider: String,
    payment_method: String,
    provider_reference: Option<String>,
    failure_reason: Option<String>,
    refunded_amount: i64,
    next_action: Option<serde_json::Value>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// A payment with its refunds; `lock` takes its row for the transaction (`FOR UPDATE`) first.
pub(crate) async fn load(
    conn: &mut PgConnection,
    transaction_id: TransactionId,
    lock: bool,
) -> Result<Option<StoredPayment>, StoreError> {
    if lock {
        sqlx::query!(
            "SELECT transaction_id FROM payments WHERE transaction_id = $1 FOR UPDATE",
            transaction_id.0,
        )
        .fetch_optional(&mut *conn)
        .await?;
    }
    let Some(row) = sqlx::query_as!(
        PaymentRow,
        r#"SELECT transaction_id, order_id, user_id, status AS "status: PaymentStatus", amount,
             currency, provider, payment_method, provider_reference, failure_reason,
             refunded_amount, next_action, created_at, updated_at
           FROM payments WHERE transaction_id = $1"#,
        transaction_id.0,
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let refunds = sqlx::query_as!(
        Refund,
        r#"SELECT refund_id, amount, provider_reference AS "provider_reference!", created_at
           FROM refunds WHERE transaction_id = $1 AND status = 'succeeded'
           ORDER BY created_at, refund_id"#,
        transaction_id.0,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(StoredPayment {
        payment: Payment {
            transaction_id: TransactionId(row.transaction_id),
            order_id: OrderId(row.order_id),
            user_id: UserId(row.user_id),
            status: row.status,
            amount: Amount(row.amount),
            currency: Currency::try_from(row.currency.as_str())?,
            provider: row.provider,
            provider_reference: row.provider_reference,
            failure_reason: row.failure_reason,
            refunded_amount: Amount(row.refunded_amount),
            refunds,
            // Only while it is the payer's move: a settled payment needs nothing more.
            next_action: row
                .next_action
                .filter(|_| row.status == PaymentStatus::Processing)
                .and_then(|value| serde_json::from_value(value).ok()),
            created_at: row.created_at,
            updated_at: row.updated_at,
        },
        payment_method: row.payment_method,
    }))
}
