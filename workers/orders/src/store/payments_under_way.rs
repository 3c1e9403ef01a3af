//! Which payments of an order are under way, as the payment service announces them, and the
//! expiry that spares their orders.
//!
//! Why events and not a question to the payment service at expiry time: each worker keeps
//! owning its data (payments its payments, orders the order's life), the order worker keeps
//! expiring orders while the payment worker is down, and no new request path between the two
//! is needed (the order worker already consumes the PAYMENTS stream). The window this leaves
//! (a payment written just before the sweeper looks, its `started` event not yet here) is
//! covered by the payment service: a capture for a cancelled order is refunded at once.
//!
//! Recording a start and expiring an order both lock the order's row first, so an expiry
//! either sees the payment under way or happens before it is recorded, never in between.

use chrono::Duration;
use menuskart_schemas::ids::{OrderId, TransactionId};
use menuskart_schemas::orders::OrderStatus;
use sqlx::PgConnection;

use super::transitions::{Change, apply};
use super::{Store, StoreError};

/// Why an unpaid order expires.
pub const EXPIRED: &str = "expired: not paid in time";

impl Store {
    /// Notes a payment of `order_id` under way (a redelivery, or a start arriving after its
    /// verdict, changes nothing).
    pub async fn payment_started(
        &self,
        order_id: OrderId,
        transaction_id: TransactionId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query!("SELECT id FROM orders WHERE id = $1 FOR UPDATE", order_id.0)
            .fetch_optional(&mut *tx)
            .await?;
        sqlx::query!(
            "INSERT INTO payments_under_way (transaction_id, order_id) VALUES ($1, $2) \
             ON CONFLICT (transaction_id) DO NOTHING",
            transaction_id.0,
            order_id.0,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Notes that payment `transaction_id` has its verdict (succeeded or failed).
    pub async fn payment_settled(
        &self,
        order_id: OrderId,
        transaction_id: TransactionId,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO payments_under_way (transaction_id, order_id, settled_at) \
             VALUES ($1, $2, now()) ON CONFLICT (transaction_id) \
             DO UPDATE SET settled_at = coalesce(payments_under_way.settled_at, now())",
            transaction_id.0,
            order_id.0,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Whether `order_id` waits for the customer to pay: unpaid, and no payment of it under
    /// way. `None`: no such placed order.
    pub async fn awaiting_payment(&self, order_id: OrderId) -> Result<Option<bool>, StoreError> {
        let awaiting = sqlx::query_scalar!(
            r#"SELECT (status = 'pending_payment' AND NOT EXISTS (
                 SELECT 1 FROM payments_under_way p
                 WHERE p.order_id = orders.id AND p.settled_at IS NULL)) AS "awaiting!"
               FROM orders WHERE id = $1 AND status <> 'placing'"#,
            order_id.0,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(awaiting)
    }

    /// Unpaid orders past their payment deadline with no payment under way (one started more
    /// than `wait_max` ago no longer counts), oldest deadline first.
    pub async fn expired_orders(
        &self,
        wait_max: Duration,
        limit: i64,
    ) -> Result<Vec<OrderId>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT id FROM orders WHERE status = 'pending_payment' AND expires_at <= now() \
               AND NOT EXISTS (SELECT 1 FROM payments_under_way p WHERE p.order_id = orders.id \
                 AND p.settled_at IS NULL AND p.started_at > now() - make_interval(secs => $1)) \
             ORDER BY expires_at LIMIT $2",
            wait_max.num_seconds() as f64,
            limit,
        )
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(OrderId).collect())
    }

    /// Cancels `order_id` as expired if it still is unpaid, past its deadline and without a
    /// payment under way, checked under its lock; whether it did.
    pub async fn expire(&self, order_id: OrderId, wait_max: Duration) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let due = sqlx::query_scalar!(
            r#"SELECT (status = 'pending_payment' AND expires_at <= now()) AS "due!"
               FROM orders WHERE id = $1 FOR UPDATE"#,
            order_id.0,
        )
        .fetch_optional(&mut *tx)
        .await?;
        if due != Some(true) || under_way(&mut tx, order_id, wait_max).await? {
            return Ok(false);
        }
        apply(
            &mut tx,
            order_id,
            Change::to(OrderStatus::Cancelled, Some(EXPIRED)),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Whether `order_id` has a payment under way, started less than `wait_max` ago.
async fn under_way(
    conn: &mut PgConnection,
    order_id: OrderId,
    wait_max: Duration,
) -> Result<bool, StoreError> {
    let open = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM payments_under_way WHERE order_id = $1
             AND settled_at IS NULL AND started_at > now() - make_interval(secs => $2)) AS "open!""#,
        order_id.0,
        wait_max.num_seconds() as f64,
    )
    .fetch_one(conn)
    .await?;
    Ok(open)
}
