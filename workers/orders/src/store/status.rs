//! An order's status as its row stores it: the public statuses and `placing`.

use menuskart_schemas::orders::OrderStatus;

/// The `status` column. `placing` is internal: written, stock not yet reserved (a retry
/// resumes it; the sweeper releases and removes it when abandoned). Queries that must use a
/// partial index (`orders_due`, `orders_placing`, `orders_newest`) keep their status as a
/// literal in the SQL: a bound status would not match the index's predicate in a generic plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum StoredStatus {
    Placing,
    PendingPayment,
    Paid,
    Fulfilled,
    Shipped,
    Cancelled,
}

impl StoredStatus {
    /// The status people see; `None` for `placing` (not placed yet).
    pub fn placed(self) -> Option<OrderStatus> {
        Some(match self {
            Self::Placing => return None,
            Self::PendingPayment => OrderStatus::PendingPayment,
            Self::Paid => OrderStatus::Paid,
            Self::Fulfilled => OrderStatus::Fulfilled,
            Self::Shipped => OrderStatus::Shipped,
            Self::Cancelled => OrderStatus::Cancelled,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_placing_is_not_placed() {
        assert_eq!(StoredStatus::Placing.placed(), None);
        assert_eq!(
            StoredStatus::Cancelled.placed(),
            Some(OrderStatus::Cancelled)
        );
    }
}
