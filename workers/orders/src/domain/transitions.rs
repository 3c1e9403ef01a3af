//! Which status may follow which, and the event each change publishes.

use menuskart_schemas::orders::OrderEvent;
use menuskart_schemas::orders::OrderStatus::{self, *};
use menuskart_schemas::subjects::events::EventSubject;
use menuskart_schemas::subjects::events::orders as subjects;

/// The statuses an order may be in for it to move to `to`.
pub fn allowed_from(to: OrderStatus) -> &'static [OrderStatus] {
    match to {
        PendingPayment => &[],
        Paid => &[PendingPayment],
        Fulfilled => &[Paid],
        Shipped => &[Paid, Fulfilled],
        Cancelled => &[PendingPayment],
    }
}

/// The event announcing that an order reached `status`.
pub fn subject(status: OrderStatus) -> EventSubject<OrderEvent> {
    match status {
        PendingPayment => subjects::PLACED,
        Paid => subjects::PAID,
        Fulfilled => subjects::FULFILLED,
        Shipped => subjects::SHIPPED,
        Cancelled => subjects::CANCELLED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unpaid_orders_are_paid_or_cancelled() {
        assert_eq!(allowed_from(Paid), [PendingPayment]);
        assert_eq!(allowed_from(Cancelled), [PendingPayment]);
        assert!(!allowed_from(Shipped).contains(&Cancelled));
        assert!(allowed_from(PendingPayment).is_empty());
    }
}
