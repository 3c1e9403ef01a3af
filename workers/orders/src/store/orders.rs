//! Writing a placement, and reading orders with their lines and history.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use menuskart_schemas::delivery::OrderDelivery;
use menuskart_schemas::ids::{DeliveryMethodId, OrderId, ProductId, UserId};
use menuskart_schemas::orders::{Order, OrderLine, OrderNumber, OrderStatus, StatusChange};
use sqlx::PgConnection;
use uuid::Uuid;

use super::status::StoredStatus;
use super::transitions::Change;
use super::{Store, StoreError};
use crate::domain::{OrderDraft, ShippingAddress};
use menuskart_kit::IdempotencyKey;
use menuskart_schemas::money::{Amount, Currency};
use menuskart_schemas::tax::{TaxLine, TaxedLine, Totals};

/// Who places an order.
#[derive(Debug, Clone)]
pub struct Customer {
    pub user_id: UserId,
    pub email: String,
    pub name: String,
}

/// An order as stored: `placing` orders are not placed yet (their status reads
/// `pending_payment`, the status they are headed for).
#[derive(Debug, Clone)]
pub struct OrderRecord {
    pub order: Order,
    pub placing: bool,
}

struct OrderRow {
    id: Uuid,
    number: i64,
    user_id: Uuid,
    customer_email: Option<String>,
    customer_name: Option<String>,
    status: StoredStatus,
    currency: String,
    subtotal: i64,
    delivery: i64,
    delivery_tax: i64,
    delivery_tax_rate_bp: i64,
    delivery_method_id: Option<Uuid>,
    delivery_name: Option<String>,
    tax: i64,
    total: i64,
    prices_include_tax: bool,
    shipping_address: serde_json::Value,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// Delivery as a taxed line, for the tax per rate (none when it cost nothing).
fn delivery_line(row: &OrderRow) -> Option<TaxedLine> {
    (row.delivery != 0 || row.delivery_tax != 0).then_some(TaxedLine {
        line_total: Amount(row.delivery + row.delivery_tax),
        tax_rate_bp: row.delivery_tax_rate_bp,
        tax: Amount(row.delivery_tax),
    })
}

/// What [`Store::insert_placing`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placing {
    Inserted,
    /// A concurrent retry with the same key wrote it first.
    AlreadyThere,
    /// The customer has this many unpaid orders already: none was written.
    TooManyUnpaid(i64),
}

impl Store {
    /// Writes a new order as `placing` with its lines. `false` when an order with this id
    /// exists (a concurrent retry of the same idempotency key got there first).
    pub async fn insert_placing(
        &self,
        order_id: OrderId,
        customer: &Customer,
        draft: &OrderDraft,
        address: ShippingAddress,
        key: Option<&IdempotencyKey>,
        max_unpaid: i64,
    ) -> Result<Placing, StoreError> {
        let mut tx = self.pool().begin().await?;
        // One placement at a time per customer (a lock held until this transaction ends), so
        // parallel checkouts cannot all see room under the cap and all take it.
        sqlx::query_scalar!(
            "SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended($1, 0))",
            customer.user_id.to_string(),
        )
        .fetch_one(&mut *tx)
        .await?;
        // Other than this one: a retry of a placement already under way resumes it.
        let unpaid = sqlx::query_scalar!(
            r#"SELECT count(*) AS "unpaid!" FROM orders
               WHERE user_id = $1 AND id <> $2 AND status IN ($3, $4)"#,
            customer.user_id.0,
            order_id.0,
            StoredStatus::Placing as StoredStatus,
            StoredStatus::PendingPayment as StoredStatus,
        )
        .fetch_one(&mut *tx)
        .await?;
        if unpaid >= max_unpaid {
            return Ok(Placing::TooManyUnpaid(unpaid));
        }
        let inserted = sqlx::query!(
            "INSERT INTO orders (id, user_id, customer_email, customer_name, status, currency, \
               subtotal, tax, total, prices_include_tax, shipping_address, idempotency_key, \
               delivery, delivery_tax, delivery_tax_rate_bp, delivery_method_id, delivery_name, \
               expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
               now()) \
             ON CONFLICT DO NOTHING",
            order_id.0,
            customer.user_id.0,
            customer.email,
            customer.name,
            StoredStatus::Placing as StoredStatus,
            draft.totals.currency.as_str(),
            draft.totals.subtotal.0,
            draft.totals.tax.0,
            draft.totals.total.0,
            draft.totals.prices_include_tax,
            address.into_value(),
            key.map(IdempotencyKey::as_str),
            draft.totals.delivery.0,
            draft.totals.delivery_tax.0,
            draft.delivery.as_ref().map_or(0, |d| d.tax_rate_bp),
            draft.delivery.as_ref().map(|d| d.method_id.0),
            draft.delivery.as_ref().map(|d| d.name.as_str()),
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !inserted {
            return Ok(Placing::AlreadyThere);
        }
        for (line_no, line) in draft.lines.iter().enumerate() {
            sqlx::query!(
                "INSERT INTO order_lines (order_id, line_no, product_id, name, unit_price, \
                   quantity, line_total, tax_rate_bp, tax) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                order_id.0,
                line_no as i32,
                line.product_id.as_str(),
                line.name,
                line.unit_price.0,
                line.quantity,
                line.line_total.0,
                line.tax_rate_bp,
                line.tax.0,
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Placing::Inserted)
    }

    /// Removes a placement that could not reserve its stock (nothing was published for it).
    pub async fn delete_placing(&self, order_id: OrderId) -> Result<(), StoreError> {
        sqlx::query!(
            "DELETE FROM orders WHERE id = $1 AND status = $2",
            order_id.0,
            StoredStatus::Placing as StoredStatus,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The stock is reserved: the order becomes `pending_payment`, payable until now +
    /// `payment_timeout`, and its `placed` event goes into the outbox, in one transaction.
    /// `None` if the order is not `placing` any more (the sweeper gave it up).
    pub async fn confirm_placed(
        &self,
        order_id: OrderId,
        payment_timeout: Duration,
    ) -> Result<Option<Order>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let status = sqlx::query_scalar!(
            r#"SELECT status AS "status: StoredStatus" FROM orders WHERE id = $1 FOR UPDATE"#,
            order_id.0,
        )
        .fetch_optional(&mut *tx)
        .await?;
        if status != Some(StoredStatus::Placing) {
            return Ok(None);
        }
        let change = Change {
            payable_for: Some(payment_timeout),
            ..Change::to(OrderStatus::PendingPayment, None)
        };
        let (order, _) = super::transitions::apply(&mut tx, order_id, change).await?;
        tx.commit().await?;
        Ok(Some(order))
    }

    pub async fn order(&self, order_id: OrderId) -> Result<Option<OrderRecord>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load(&mut conn, order_id).await
    }

    /// A page of a user's placed orders, newest first, and how many there are.
    pub async fn orders_by_user(
        &self,
        user_id: UserId,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Order>, i64), StoreError> {
        let mut conn = self.pool().acquire().await?;
        let ids = sqlx::query_scalar!(
            "SELECT id FROM orders WHERE user_id = $1 AND status <> 'placing' \
             ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
            user_id.0,
            limit,
            offset,
        )
        .fetch_all(&mut *conn)
        .await?;
        let total = sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!" FROM orders WHERE user_id = $1 AND status <> 'placing'"#,
            user_id.0,
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok((placed_orders(&mut conn, &ids).await?, total))
    }

    /// Placements that stopped half-way (the process died between writing and confirming) and
    /// were not resumed for `older_than`.
    pub async fn abandoned_placements(
        &self,
        older_than: Duration,
        limit: i64,
    ) -> Result<Vec<OrderId>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT id FROM orders WHERE status = 'placing' \
               AND created_at < now() - make_interval(secs => $1) \
             ORDER BY created_at LIMIT $2",
            older_than.num_seconds() as f64,
            limit,
        )
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(OrderId).collect())
    }
}

/// An order with its lines and history.
pub(crate) async fn load(
    conn: &mut PgConnection,
    order_id: OrderId,
) -> Result<Option<OrderRecord>, StoreError> {
    Ok(load_many(conn, &[order_id.0]).await?.pop())
}

/// The orders of a list page (placed ones: the lists leave placements out), in the order of
/// `ids`.
pub(crate) async fn placed_orders(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> Result<Vec<Order>, StoreError> {
    Ok(load_many(conn, ids)
        .await?
        .into_iter()
        .map(|record| record.order)
        .collect())
}

/// Orders with their lines and history, in the order of `ids` (missing ones left out): three
/// queries however many orders.
pub(crate) async fn load_many(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> Result<Vec<OrderRecord>, StoreError> {
    let rows = sqlx::query_as!(
        OrderRow,
        r#"SELECT id, number, user_id, customer_email, customer_name, status AS "status: StoredStatus", currency,
             subtotal, delivery, delivery_tax, delivery_tax_rate_bp, delivery_method_id, delivery_name,
             tax, total, prices_include_tax, shipping_address, created_at, updated_at, expires_at
           FROM orders WHERE id = ANY($1)"#,
        ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut lines: HashMap<Uuid, Vec<OrderLine>> = HashMap::new();
    let line_rows = sqlx::query!(
        "SELECT order_id, product_id, name, unit_price, quantity, line_total, tax_rate_bp, tax \
         FROM order_lines WHERE order_id = ANY($1) ORDER BY order_id, line_no",
        ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    for r in line_rows {
        lines.entry(r.order_id).or_default().push(OrderLine {
            product_id: ProductId::try_from(r.product_id)?,
            name: r.name,
            unit_price: Amount(r.unit_price),
            quantity: r.quantity,
            line_total: Amount(r.line_total),
            tax_rate_bp: r.tax_rate_bp,
            tax: Amount(r.tax),
        });
    }
    let mut history: HashMap<Uuid, Vec<StatusChange>> = HashMap::new();
    let history_rows = sqlx::query!(
        r#"SELECT order_id, status AS "status: OrderStatus", reason, at FROM order_status_history
           WHERE order_id = ANY($1) ORDER BY order_id, id"#,
        ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    for r in history_rows {
        history.entry(r.order_id).or_default().push(StatusChange {
            status: r.status,
            at: r.at,
            reason: r.reason,
        });
    }
    let mut by_id: HashMap<Uuid, OrderRecord> = HashMap::with_capacity(rows.len());
    for row in rows {
        let placing = row.status == StoredStatus::Placing;
        // A placement reads as the status it is headed for.
        let status = row.status.placed().unwrap_or(OrderStatus::PendingPayment);
        let items = lines.remove(&row.id).unwrap_or_default();
        let delivery = delivery_line(&row);
        let record = OrderRecord {
            order: Order {
                id: OrderId(row.id),
                number: OrderNumber(row.number).to_string(),
                user_id: UserId(row.user_id),
                customer_email: row.customer_email,
                customer_name: row.customer_name,
                status,
                totals: Totals {
                    subtotal: Amount(row.subtotal),
                    delivery: Amount(row.delivery),
                    delivery_tax: Amount(row.delivery_tax),
                    tax: Amount(row.tax),
                    total: Amount(row.total),
                    currency: Currency::try_from(row.currency.as_str())?,
                    prices_include_tax: row.prices_include_tax,
                    tax_lines: TaxLine::by_rate(items.iter().map(TaxedLine::from).chain(delivery)),
                },
                items,
                shipping_address: row.shipping_address,
                delivery_method: row
                    .delivery_method_id
                    .zip(row.delivery_name)
                    .map(|(id, name)| OrderDelivery {
                        method_id: DeliveryMethodId(id),
                        name,
                    }),
                created_at: row.created_at,
                updated_at: row.updated_at,
                expires_at: row.expires_at,
                history: history.remove(&row.id).unwrap_or_default(),
            },
            placing,
        };
        by_id.insert(row.id, record);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}
