//! What a notification is about, from the event that caused it.

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
    /// The notification an event subject calls for (`None`: no message for it).
    pub fn for_subject(subject: &str) -> Option<Self> {
        Some(match subject {
            orders::PLACED => Self::OrderPlaced,
            orders::SHIPPED => Self::OrderShipped,
            orders::CANCELLED => Self::OrderCancelled,
            payments::SUCCEEDED => Self::PaymentSucceeded,
            payments::FAILED => Self::PaymentFailed,
            payments::REFUNDED => Self::PaymentRefunded,
            _ => return None,
        })
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
