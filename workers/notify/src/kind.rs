//! What a notification is about, from the event that caused it.

use menuskart_schemas::orders::OrderEvent;
use menuskart_schemas::payments::PaymentEvent;
use menuskart_schemas::subjects::events::{orders, payments};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    OrderPlaced,
    PaymentSucceeded,
    PaymentFailed,
    OrderShipped,
    OrderCancelled,
    PaymentRefunded,
}

impl Kind {
    /// The notification an order event calls for at once, with its payload (`None`: no
    /// message; a placed order's is a reminder, sent later if at all: [`crate::payment_reminder`]).
    pub fn of_order(event: &orders::Event) -> Option<(Self, &OrderEvent)> {
        match event {
            orders::Event::Shipped(e) => Some((Self::OrderShipped, e)),
            orders::Event::Cancelled(e) => Some((Self::OrderCancelled, e)),
            orders::Event::Placed(_) | orders::Event::Paid(_) | orders::Event::Fulfilled(_) => None,
        }
    }

    /// The notification a payment event calls for, with its payload (`None`: no message; a
    /// payment under way is news only when it ends).
    pub fn of_payment(event: &payments::Event) -> Option<(Self, &PaymentEvent)> {
        match event {
            payments::Event::Started(_) => None,
            payments::Event::Succeeded(e) => Some((Self::PaymentSucceeded, e)),
            payments::Event::Failed(e) => Some((Self::PaymentFailed, e)),
            payments::Event::Refunded(e) => Some((Self::PaymentRefunded, e)),
        }
    }

    /// Also the template's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrderPlaced => "order_placed",
            Self::PaymentSucceeded => "payment_succeeded",
            Self::PaymentFailed => "payment_failed",
            Self::OrderShipped => "order_shipped",
            Self::OrderCancelled => "order_cancelled",
            Self::PaymentRefunded => "payment_refunded",
        }
    }

    pub fn subject(self, shop: &str, order: &str) -> String {
        let what = match self {
            Self::OrderPlaced => "we received your order",
            Self::PaymentSucceeded => "your receipt for order",
            Self::PaymentFailed => "payment failed for order",
            Self::OrderShipped => "your order is on its way:",
            Self::OrderCancelled => "cancelled: order",
            Self::PaymentRefunded => "refund for order",
        };
        format!("{shop}: {what} {order}")
    }
}
