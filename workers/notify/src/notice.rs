//! A notification to send, made from an order or payment event.

use menuskart_schemas::orders::OrderEvent;
use menuskart_schemas::payments::PaymentEvent;
use uuid::Uuid;

use crate::kind::Kind;

#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: Kind,
    /// Names the event once, however often it is delivered or replayed.
    pub event_key: String,
    pub user_id: Uuid,
    pub order_id: Uuid,
    pub amount: i64,
    pub currency: String,
    pub transaction_id: Option<Uuid>,
    pub reason: Option<String>,
}

impl Notice {
    pub fn from_order_event(subject: &str, event: &OrderEvent) -> Option<Self> {
        let kind = Kind::for_subject(subject)?;
        Some(Self {
            kind,
            // An order reaches each status once.
            event_key: format!("{}:{}", kind.as_str(), event.order_id),
            user_id: event.user_id,
            order_id: event.order_id,
            amount: event.total,
            currency: event.currency.clone(),
            transaction_id: None,
            reason: event.reason.clone(),
        })
    }

    /// `stream_sequence` tells refunds of one payment apart.
    pub fn from_payment_event(
        subject: &str,
        event: &PaymentEvent,
        stream_sequence: u64,
    ) -> Option<Self> {
        let kind = Kind::for_subject(subject)?;
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
            amount: event.amount,
            currency: event.currency.clone(),
            transaction_id: Some(event.transaction_id),
            reason: event.reason.clone(),
        })
    }
}
