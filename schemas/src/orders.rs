//! Messages and events of the order service (`mk.orders.*`, `mk.evt.orders.*`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::delivery::OrderDelivery;
use crate::ids::{DeliveryMethodId, OrderId, ProductId, UserId};
use crate::money::{Amount, Currency};
use crate::paging::Paging;
use crate::tax::Totals;

/// Where an order is in its life. `pending_payment -> paid -> fulfilled -> shipped`, or
/// `-> cancelled` (expired unpaid, or cancelled by the user) from `pending_payment`. A declined
/// payment leaves the order `pending_payment`: another method may pay it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// Stored as text (its snake_case name), checked by the table's CHECK constraint.
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    PendingPayment,
    Paid,
    Fulfilled,
    Shipped,
    Cancelled,
}

impl OrderStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PendingPayment => "pending_payment",
            Self::Paid => "paid",
            Self::Fulfilled => "fulfilled",
            Self::Shipped => "shipped",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending_payment" => Self::PendingPayment,
            "paid" => Self::Paid,
            "fulfilled" => Self::Fulfilled,
            "shipped" => Self::Shipped,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }

    /// No change can follow.
    pub const fn is_final(self) -> bool {
        matches!(self, Self::Shipped | Self::Cancelled)
    }
}

/// One line of an order: what was bought, at the price of the moment it was placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLine {
    pub product_id: ProductId,
    pub name: String,
    pub unit_price: Amount,
    pub quantity: i64,
    pub line_total: Amount,
    pub tax_rate_bp: i64,
    /// Added to `line_total`, or contained in it when the order's prices include tax.
    pub tax: Amount,
}

impl From<&OrderLine> for crate::tax::TaxedLine {
    fn from(line: &OrderLine) -> Self {
        Self {
            line_total: line.line_total,
            tax_rate_bp: line.tax_rate_bp,
            tax: line.tax,
        }
    }
}

/// One entry of an order's status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An order with its frozen lines and totals, and its status history (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    pub id: OrderId,
    /// The short number people read out and see on every page and email, e.g. `MK-10042`.
    #[cfg_attr(feature = "openapi", schema(example = "MK-10042"))]
    pub number: String,
    pub user_id: UserId,
    /// The customer's email address when the order was placed (none on orders older than it).
    #[serde(default)]
    pub customer_email: Option<String>,
    /// The customer's account name when the order was placed (none on orders older than it).
    #[serde(default)]
    pub customer_name: Option<String>,
    pub status: OrderStatus,
    pub items: Vec<OrderLine>,
    /// Its totals as placed (flat in the JSON: `subtotal`, `tax`, `total`, `currency`, ...).
    #[serde(flatten)]
    pub totals: Totals,
    pub shipping_address: serde_json::Value,
    /// How it is delivered (none: the shop offered no delivery methods when it was placed).
    #[serde(default)]
    pub delivery_method: Option<OrderDelivery>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When an unpaid order is cancelled and its stock released.
    pub expires_at: DateTime<Utc>,
    pub history: Vec<StatusChange>,
}

/// An order's short number: a sequence from the order database, shown as `MK-<n>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrderNumber(pub i64);

impl OrderNumber {
    const PREFIX: &'static str = "MK-";

    /// `MK-10042`, `mk-10042` or `10042`; anything else is no order number.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let digits = match text.get(..Self::PREFIX.len()) {
            Some(prefix) if prefix.eq_ignore_ascii_case(Self::PREFIX) => {
                &text[Self::PREFIX.len()..]
            }
            _ => text,
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(Self)
    }
}

impl std::fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", Self::PREFIX, self.0)
    }
}

/// POST /orders: places the caller's cart.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceOrder {
    /// Free-form address object (`name`, `line1`, `city`, `postal_code`, `country`, ...);
    /// `line1`, `city` and `country` are required.
    pub shipping_address: serde_json::Value,
    /// One of `GET /delivery-methods`: required when the shop offers any (none offered: the
    /// order has no delivery charge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method_id: Option<DeliveryMethodId>,
}

/// `mk.orders.place`: the edge adds the `Idempotency-Key` header's value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlaceOrderRequest {
    #[serde(flatten)]
    pub order: PlaceOrder,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// `mk.orders.get` and `mk.orders.cancel`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrderRef {
    pub order_id: OrderId,
}

/// `mk.orders.watch`: follow one order's status (the edge's live view). The orders worker
/// checks the caller may see the order, answers it as it is now, and for the lease
/// ([`WATCH_LEASE_SECS`], never past the caller's token) sends each status change as a
/// [`LiveUpdate`] to the watch's live subject. The watcher renews by asking again within the
/// lease; each answer is the order now, so a change missed while NATS was away is caught up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WatchRequest {
    pub order_id: OrderId,
    pub watch_id: crate::ids::WatchId,
}

/// How long a watch lasts without a renewal.
pub const WATCH_LEASE_SECS: u64 = 45;

/// What a watcher hears on its live subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveUpdate {
    /// The order reached a new status.
    Status(OrderEvent),
}

/// `mk.orders.by_user`: a user's orders, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrdersByUser {
    pub user_id: UserId,
    #[serde(flatten)]
    pub paging: Paging,
}

/// Which orders an admin asks for (`mk.orders.list`, `mk.orders.export`); every field left out
/// matches all.
/// Also the query string of `GET /orders` and `GET /orders/export`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct OrderQuery {
    /// Only orders in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// An order number (`MK-10042`), or part of the customer's email address or name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Placed on or after this day (`2026-12-01`, in the shop's time zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Placed on or before this day (`2026-12-07`, in the shop's time zone; that day included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// `mk.orders.list` (admin): every customer's orders, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OrdersList {
    #[serde(flatten)]
    pub query: OrderQuery,
    #[serde(flatten)]
    pub paging: Paging,
}

/// `mk.orders.export` (admin): the orders a query matches as rows for a spreadsheet, newest
/// first, one page at a time: each page names where the next starts, so a long export neither
/// skips nor repeats an order while new ones are placed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OrdersExport {
    #[serde(flatten)]
    pub query: OrderQuery,
    /// The `next` of the previous page; none for the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<ExportCursor>,
}

/// Where an export page ends: the last row's placement time and id (the list's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportCursor {
    pub created_at: DateTime<Utc>,
    pub order_id: OrderId,
}

/// One page of an export.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrderExportPage {
    pub rows: Vec<OrderExportRow>,
    /// Where the next page starts; none when this one was the last.
    pub next: Option<ExportCursor>,
}

/// One order as a spreadsheet row: who, when, what status, how many items, what money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderExportRow {
    pub number: String,
    pub placed_at: DateTime<Utc>,
    pub status: OrderStatus,
    pub customer_email: Option<String>,
    pub customer_name: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub items: i64,
    #[serde(flatten)]
    pub totals: Totals,
}

/// A page of orders.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderPage {
    pub items: Vec<Order>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// Orders and revenue over one period: orders paid (paid, fulfilled or shipped, before refunds)
/// that were placed in it, in the shop's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SalesFigures {
    pub orders: i64,
    /// The orders' totals (tax included), minor units.
    pub revenue: Amount,
    /// `revenue / orders`, rounded down to the minor unit; 0 without orders.
    pub average_order: Amount,
}

/// A product that sold well over the last 30 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopProduct {
    pub product_id: String,
    /// Its name on the latest order line.
    pub name: String,
    /// Units sold.
    pub quantity: i64,
    /// Its line totals (before tax), minor units.
    pub revenue: Amount,
}

/// GET /sales/overview (`mk.orders.overview`, admin): the shop's sales at a glance. Days are
/// calendar days in the shop's time zone (`MK_SHOP_TIMEZONE`): today, the last 7 and the last
/// 30 days, today included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SalesOverview {
    pub currency: Currency,
    /// The IANA time zone the days are counted in.
    pub timezone: String,
    pub today: SalesFigures,
    pub last_7_days: SalesFigures,
    pub last_30_days: SalesFigures,
    /// Paid orders not yet fulfilled: the work waiting.
    pub awaiting_fulfilment: i64,
    /// Up to 5 products by units sold over the last 30 days.
    pub top_products: Vec<TopProduct>,
}

/// POST /orders/{order_id}/status (admin) `{status}`: `fulfilled` or `shipped`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusUpdate {
    pub status: OrderStatus,
}

/// `mk.orders.set_status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SetStatusRequest {
    pub order_id: OrderId,
    pub status: OrderStatus,
}

/// Payload of every `mk.evt.orders.*` event: the order's new status and what a consumer needs
/// without asking (notifications, payments, live status).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub order_id: OrderId,
    pub user_id: UserId,
    pub status: OrderStatus,
    pub total: Amount,
    pub currency: Currency,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[cfg(test)]
mod order_number_tests {
    use super::OrderNumber;

    #[test]
    fn an_order_number_reads_with_or_without_its_prefix() {
        assert_eq!(OrderNumber(10042).to_string(), "MK-10042");
        assert_eq!(OrderNumber::parse("MK-10042"), Some(OrderNumber(10042)));
        assert_eq!(OrderNumber::parse(" mk-10042 "), Some(OrderNumber(10042)));
        assert_eq!(OrderNumber::parse("10042"), Some(OrderNumber(10042)));
        assert_eq!(OrderNumber::parse("MK-"), None);
        assert_eq!(OrderNumber::parse("MK-12a"), None);
        assert_eq!(OrderNumber::parse("ada@example.com"), None);
        assert_eq!(OrderNumber::parse("99999999999999999999999"), None);
    }
}

/// `mk.orders.awaiting_payment`'s answer: the order is unpaid and no payment of it is under
/// way (a bank still confirming one does not count as waiting for the customer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwaitingPayment {
    pub awaiting_payment: bool,
}

/// `mk.orders.purchased`: did the caller buy this product?
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PurchaseQuestion {
    pub product_id: ProductId,
}

/// The answer: an order of the caller's with the product was paid (and is paid, fulfilled or
/// shipped now).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchased {
    pub purchased: bool,
}
