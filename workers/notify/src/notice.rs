//! A notification to send, made from an order or payment event.

use menuskart_schemas::subjects::events::{orders, payments};

use crate::kind::Kind;
use menuskart_schemas::ids::{OrderId, TransactionId, UserId};
use menuskart_schemas::orders::OrderEvent;

#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: Kind,
    /// Names the event once, however often it is delivered or replayed.
    pub event_key: String,
    pub user_id: UserId,
    pub order_id: OrderId,
    pub amount: i64,
    pub currency: String,
    pub transaction_id: Option<TransactionId>,
    pub reason: Option<String>,
}

impl Notice {
    pub fn from_order_event(event: &orders::Event) -> Option<Self> {
        let (kind, event) = Kind::of_order(event)?;
        Some(Self::about_order(kind, event))
    }

    /// The "waiting for payment" email of a placed order.
    pub fn payment_reminder(event: &OrderEvent) -> Self {
        Self::about_order(Kind::OrderPlaced, event)
    }

    fn about_order(kind: Kind, event: &OrderEvent) -> Self {
        Self {
            kind,
            // An order reaches each status once.
            event_key: format!("{}:{}", kind.as_str(), event.order_id),
            user_id: event.user_id,
            order_id: event.order_id,
            amount: event.total.minor_units(),
            currency: event.currency.to_string(),
            transaction_id: None,
            reason: event.reason.clone(),
        }
    }

    /// `stream_sequence` tells refunds of one payment apart.
    pub fn from_payment_event(event: &payments::Event, stream_sequence: u64) -> Option<Self> {
        let (kind, event) = Kind::of_payment(event)?;
        let event_key = match kind {
            Kind::PaymentRefunded => format!(
                "{}:{}:{stream_sequence}",
                kind.as_str(),
                event.transaction_id
            ),
            _ => format!("{}:{}", kind.as_str(), event.transaction_id),
        };
        Some(Self {
            kind,
            event_key,
            user_id: event.user_id,
            order_id: event.order_id,
            amount: event.amount.minor_units(),
            currency: event.currency.to_string(),
            transaction_id: Some(event.transaction_id),
            reason: event.reason.clone(),
        })
    }
}
