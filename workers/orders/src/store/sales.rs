//! The sales overview: orders, revenue and best sellers over calendar days of the shop's time
//! zone. Paid orders (paid, fulfilled, shipped) count by when they were placed, before
//! refunds. Cost: one range scan of the last 30 days' orders (`orders_newest`, on
//! `created_at`) and their lines; it grows with the orders of 30 days, not with the history.

use menuskart_schemas::money::{Amount, Currency, UnknownCurrency};
use menuskart_schemas::orders::{SalesFigures, SalesOverview, TopProduct};

use super::{Store, StoreError};

/// The shop's currency and time zone, checked once at start.
#[derive(Debug, Clone)]
pub struct Shop {
    pub currency: Currency,
    pub timezone: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ShopError {
    #[error("MK_SHOP_CURRENCY: {0}")]
    Currency(#[from] UnknownCurrency),
    #[error("MK_SHOP_TIMEZONE: {0:?} is not a time zone PostgreSQL knows")]
    Timezone(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

const BEST_SELLERS: i64 = 5;

fn figures(orders: Option<i64>, revenue: Option<i64>) -> SalesFigures {
    let orders = orders.unwrap_or(0);
    let revenue = revenue.unwrap_or(0);
    SalesFigures {
        orders,
        revenue: Amount(revenue),
        average_order: Amount(if orders > 0 { revenue / orders } else { 0 }),
    }
}

impl Store {
    /// The shop's settings, the time zone checked by PostgreSQL itself (whose zone names the
    /// overview's queries use).
    pub async fn shop(&self, currency: &str, timezone: &str) -> Result<Shop, ShopError> {
        let currency = Currency::parse(currency)?;
        let known = sqlx::query_scalar!(
            "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS \"known!\"",
            timezone
        )
        .fetch_one(self.pool())
        .await
        .map_err(StoreError::from)?;
        if !known {
            return Err(ShopError::Timezone(timezone.to_owned()));
        }
        Ok(Shop {
            currency,
            timezone: timezone.to_owned(),
        })
    }

    #[tracing::instrument(skip(self))]
    pub async fn sales_overview(&self, shop: &Shop) -> Result<SalesOverview, StoreError> {
        let currency = shop.currency.as_str();
        let tz = shop.timezone.as_str();
        // Midnight today in the shop's zone, as an instant; the 7 and 30 days include today.
        let totals = sqlx::query!(
            r#"WITH day AS (
                 SELECT date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2 AS start
               )
               SELECT
                 count(*) FILTER (WHERE o.created_at >= day.start) AS today_orders,
                 sum(o.total) FILTER (WHERE o.created_at >= day.start)::bigint AS today_revenue,
                 count(*) FILTER (WHERE o.created_at >= day.start - interval '6 days') AS week_orders,
                 sum(o.total) FILTER (WHERE o.created_at >= day.start - interval '6 days')::bigint
                   AS week_revenue,
                 count(*) AS month_orders,
                 sum(o.total)::bigint AS month_revenue
               FROM orders o, day
               WHERE o.status IN ('paid', 'fulfilled', 'shipped') AND o.currency = $1
                 AND o.created_at >= day.start - interval '29 days'"#,
            currency,
            tz
        )
        .fetch_one(self.pool())
        .await?;
        let best = sqlx::query!(
            r#"WITH day AS (
                 SELECT date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2 AS start
               )
               SELECT l.product_id,
                      (array_agg(l.name ORDER BY o.created_at DESC))[1] AS "name!",
                      sum(l.quantity)::bigint AS "quantity!",
                      sum(l.line_total)::bigint AS "revenue!"
               FROM order_lines l JOIN orders o ON o.id = l.order_id, day
               WHERE o.status IN ('paid', 'fulfilled', 'shipped') AND o.currency = $1
                 AND o.created_at >= day.start - interval '29 days'
               GROUP BY l.product_id
               ORDER BY 3 DESC, 4 DESC, l.product_id
               LIMIT $3"#,
            currency,
            tz,
            BEST_SELLERS
        )
        .fetch_all(self.pool())
        .await?;
        let awaiting = sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!" FROM orders WHERE status = 'paid' AND currency = $1"#,
            currency
        )
        .fetch_one(self.pool())
        .await?;
        Ok(SalesOverview {
            currency: shop.currency,
            timezone: shop.timezone.clone(),
            today: figures(totals.today_orders, totals.today_revenue),
            last_7_days: figures(totals.week_orders, totals.week_revenue),
            last_30_days: figures(totals.month_orders, totals.month_revenue),
            awaiting_fulfilment: awaiting,
            top_products: best
                .into_iter()
                .map(|row| TopProduct {
                    product_id: row.product_id,
                    name: row.name,
                    quantity: row.quantity,
                    revenue: Amount(row.revenue),
                })
                .collect(),
        })
    }
}
