//! Status changes: each is one transaction that locks the order, checks the move is allowed,
//! updates it, appends to its history and writes its event to the outbox.

use menuskart_kit::outbox;
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::orders::{Order, OrderEvent, OrderStatus};
use menuskart_schemas::subjects::events::EventSubject;
use menuskart_schemas::subjects::events::orders as order_events;
use sqlx::PgConnection;

use super::status::StoredStatus;
use super::{Store, StoreError};
use crate::domain::transitions::{allowed_from, subject};

#[derive(Debug, Clone, PartialEq)]
pub enum TransitionOutcome {
    /// The order moved; this event is on its way.
    Changed(OrderEvent),
    /// The order is in that status already (a repeated request or redelivered event).
    Already,
    /// The order is in a status that cannot move there.
    NotAllowed(OrderStatus),
    /// No such (placed) order.
    Missing,
}

impl Store {
    pub async fn transition(
        &self,
        order_id: OrderId,
        to: OrderStatus,
        reason: Option<&str>,
    ) -> Result<TransitionOutcome, StoreError> {
        let mut tx = self.pool().begin().await?;
        let current = sqlx::query_scalar!(
            r#"SELECT status AS "status: StoredStatus" FROM orders WHERE id = $1 FOR UPDATE"#,
            order_id.0,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(current) = current.and_then(StoredStatus::placed) else {
            // Absent, or still `placing`.
            return Ok(TransitionOutcome::Missing);
        };
        if current == to {
            return Ok(TransitionOutcome::Already);
        }
        if !allowed_from(to).contains(&current) {
            return Ok(TransitionOutcome::NotAllowed(current));
        }
        let (_, event) = apply(&mut tx, order_id, Change::to(to, reason)).await?;
        tx.commit().await?;
        Ok(TransitionOutcome::Changed(event))
    }

    /// Notes something that happened to an unpaid order without moving it (a declined
    /// payment: the order stays payable). Once per `reason`, so a redelivered event adds
    /// nothing; `false` when nothing was noted (not unpaid, or noted already).
    pub async fn note_unpaid(&self, order_id: OrderId, reason: &str) -> Result<bool, StoreError> {
        let noted = sqlx::query!(
            "INSERT INTO order_status_history (order_id, status, reason) \
             SELECT id, status, $2 FROM orders WHERE id = $1 AND status = 'pending_payment' \
               AND NOT EXISTS (SELECT 1 FROM order_status_history \
                               WHERE order_id = $1 AND reason = $2)",
            order_id.0,
            reason,
        )
        .execute(self.pool())
        .await?
        .rows_affected()
            == 1;
        Ok(noted)
    }
}

/// A status change about to be written.
pub(crate) struct Change<'a> {
    pub to: OrderStatus,
    pub reason: Option<&'a str>,
    /// When the order stops being payable (set when it becomes `pending_payment`).
    pub payable_for: Option<chrono::Duration>,
}

impl<'a> Change<'a> {
    pub fn to(to: OrderStatus, reason: Option<&'a str>) -> Self {
        Self {
            to,
            reason,
            payable_for: None,
        }
    }
}

/// The one write path of every status change, inside `tx`, once the caller has locked the
/// order and checked that the move is allowed: the row, its history entry and its event in the
/// outbox, so none of the three can happen without the others.
pub(crate) async fn apply(
    tx: &mut PgConnection,
    order_id: OrderId,
    change: Change<'_>,
) -> Result<(Order, OrderEvent), StoreError> {
    sqlx::query!(
        "UPDATE orders SET status = $2, updated_at = now(), \
           expires_at = COALESCE(now() + make_interval(secs => $3), expires_at) \
         WHERE id = $1",
        order_id.0,
        change.to as OrderStatus,
        change.payable_for.map(|d| d.num_seconds() as f64),
    )
    .execute(&mut *tx)
    .await?;
    record(tx, order_id, change.to, change.reason).await?;
    let order = super::orders::load(tx, order_id)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("order {order_id} vanished")))?
        .order;
    let event = announce(tx, &order, subject(change.to), change.reason).await?;
    Ok((order, event))
}

/// Appends a history entry.
async fn record(
    conn: &mut PgConnection,
    order_id: OrderId,
    status: OrderStatus,
    reason: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query!(
        "INSERT INTO order_status_history (order_id, status, reason) VALUES ($1, $2, $3)",
        order_id.0,
        status as OrderStatus,
        reason,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the event of `order` reaching its status into the outbox (id `<order>:<status>`:
/// an order reaches each status once), and its copy on the order's own status subject (for
/// live views).
async fn announce(
    conn: &mut PgConnection,
    order: &Order,
    subject: EventSubject<OrderEvent>,
    reason: Option<&str>,
) -> Result<OrderEvent, StoreError> {
    let event = OrderEvent {
        order_id: order.id,
        user_id: order.user_id,
        status: order.status,
        total: order.totals.total,
        currency: order.totals.currency,
        at: order.updated_at,
        reason: reason.map(str::to_owned),
    };
    let msg_id = format!("{}:{}", order.id, order.status.as_str());
    outbox::enqueue(conn, subject, &msg_id, &event).await?;
    outbox::enqueue_on(
        conn,
        &order_events::status_subject(order.id),
        &format!("{msg_id}:live"),
        &event,
    )
    .await?;
    Ok(event)
}
