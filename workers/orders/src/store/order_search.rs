//! The admin's order list and its CSV export. Both read `orders_matching` (see the migration
//! `order_search`), the one SQL definition of what a filter matches. Cost: newest first through
//! `orders_newest`, so a page or a day range reads about the rows it returns; a text search
//! (email or name substring) has no index to use and scans every order, which is an admin's
//! lookup, not a hot path.

use menuskart_kit::postgres::escape_like;
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::money::{Amount, Currency};
use menuskart_schemas::orders::{
    ExportCursor, Order, OrderExportPage, OrderExportRow, OrderNumber, OrderStatus,
};
use menuskart_schemas::tax::Totals;

use super::orders::placed_orders;
use super::{Store, StoreError};
use crate::domain::OrderFilter;

/// Rows per export page: about 60 KB of JSON, well inside a NATS message.
pub const EXPORT_PAGE_ROWS: i64 = 250;

/// A filter as `orders_matching`'s arguments.
struct Matching<'a> {
    status: Option<&'static str>,
    number: Option<i64>,
    text: Option<String>,
    filter: &'a OrderFilter,
}

impl<'a> Matching<'a> {
    fn new(filter: &'a OrderFilter) -> Self {
        Self {
            status: filter.status.map(OrderStatus::as_str),
            number: filter.number.map(|n| n.0),
            text: filter.text.as_deref().map(escape_like),
            filter,
        }
    }
}

impl Store {
    /// A page of every customer's placed orders matching `filter`, newest first, and how many
    /// match. Days are the shop's (`timezone`).
    pub async fn list_orders(
        &self,
        filter: &OrderFilter,
        timezone: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Order>, i64), StoreError> {
        let m = Matching::new(filter);
        let mut conn = self.pool().acquire().await?;
        let ids = sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM orders_matching($1, $2, $3, $4, $5, $6)
               ORDER BY created_at DESC, id DESC LIMIT $7 OFFSET $8"#,
            m.status,
            m.number,
            m.text,
            m.filter.from,
            m.filter.to,
            timezone,
            limit,
            offset,
        )
        .fetch_all(&mut *conn)
        .await?;
        let total = sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!" FROM orders_matching($1, $2, $3, $4, $5, $6)"#,
            m.status,
            m.number,
            m.text,
            m.filter.from,
            m.filter.to,
            timezone,
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok((placed_orders(&mut conn, &ids).await?, total))
    }

    /// The export page after `after` (from the newest without): at most
    /// [`EXPORT_PAGE_ROWS`] rows, and where the next page starts when there may be more.
    pub async fn export_orders(
        &self,
        filter: &OrderFilter,
        timezone: &str,
        after: Option<ExportCursor>,
    ) -> Result<OrderExportPage, StoreError> {
        let m = Matching::new(filter);
        let rows = sqlx::query!(
            r#"SELECT m.id AS "id!", m.number AS "number!", m.created_at AS "created_at!",
                 m.status AS "status!: OrderStatus", m.customer_email, m.customer_name,
                 m.shipping_address ->> 'city' AS city, m.shipping_address ->> 'country' AS country,
                 m.currency AS "currency!", m.subtotal AS "subtotal!", m.tax AS "tax!",
                 m.delivery AS "delivery!", m.delivery_tax AS "delivery_tax!",
                 m.total AS "total!", m.prices_include_tax AS "prices_include_tax!",
                 (SELECT coalesce(sum(l.quantity), 0)::bigint FROM order_lines l WHERE l.order_id = m.id)
                   AS "items!"
               FROM orders_matching($1, $2, $3, $4, $5, $6) m
               WHERE $7::timestamptz IS NULL OR (m.created_at, m.id) < ($7, $8)
               ORDER BY m.created_at DESC, m.id DESC LIMIT $9"#,
            m.status,
            m.number,
            m.text,
            m.filter.from,
            m.filter.to,
            timezone,
            after.map(|a| a.created_at),
            after.map(|a| a.order_id.0),
            EXPORT_PAGE_ROWS,
        )
        .fetch_all(self.pool())
        .await?;
        let next = match rows.last() {
            Some(last) if rows.len() as i64 == EXPORT_PAGE_ROWS => Some(ExportCursor {
                created_at: last.created_at,
                order_id: OrderId(last.id),
            }),
            _ => None,
        };
        let rows = rows
            .into_iter()
            .map(|r| {
                Ok(OrderExportRow {
                    number: OrderNumber(r.number).to_string(),
                    placed_at: r.created_at,
                    status: r.status,
                    customer_email: r.customer_email,
                    customer_name: r.customer_name,
                    city: r.city,
                    country: r.country,
                    items: r.items,
                    totals: Totals {
                        subtotal: Amount(r.subtotal),
                        delivery: Amount(r.delivery),
                        delivery_tax: Amount(r.delivery_tax),
                        tax: Amount(r.tax),
                        total: Amount(r.total),
                        currency: Currency::try_from(r.currency.as_str())?,
                        prices_include_tax: r.prices_include_tax,
                        // A row has no room for the tax per rate; the order page has it.
                        tax_lines: Vec::new(),
                    },
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(OrderExportPage { rows, next })
    }
}
