//! Messages and events of the inventory service (`mk.inventory.*`, `mk.evt.inventory.*`).
//! Quantities are whole units.

use crate::ids::{OrderId, ProductId};
use serde::{Deserialize, Serialize};

/// A product's stock: what can still be sold, and what is held for unpaid orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockLevel {
    pub product_id: ProductId,
    pub available: i64,
    pub reserved: i64,
}

/// `mk.inventory.get`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StockQuery {
    pub product_id: ProductId,
}

/// POST /inventory/update: exactly one of `delta` (adjust) or `set` (replace).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockUpdate {
    pub product_id: ProductId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<i64>,
}

/// One line of a reservation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReservationLine {
    pub product_id: ProductId,
    pub quantity: i64,
}

/// `mk.inventory.reserve`: every line or none. Retrying with the same `order_id` changes
/// nothing and answers the reservation as it stands.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReserveRequest {
    pub order_id: OrderId,
    pub lines: Vec<ReservationLine>,
}

/// `mk.inventory.release` and `mk.inventory.commit`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReservationRef {
    pub order_id: OrderId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReservationStatus {
    /// Stock is held for the order.
    Reserved,
    /// The stock went back to `available`.
    Released,
    /// The stock was sold.
    Committed,
}

/// A reservation as it stands; also the payload of the reserved/released/committed events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub order_id: OrderId,
    pub status: ReservationStatus,
    pub lines: Vec<ReservationLine>,
}

/// `mk.evt.inventory.low_stock` and `mk.evt.inventory.stock_changed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockEvent {
    pub product_id: ProductId,
    pub available: i64,
    pub reserved: i64,
    /// The low-stock threshold in force (for `low_stock`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i64>,
}
