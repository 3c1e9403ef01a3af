//! "Waiting for payment": the email of a placed order, sent only when the customer has not paid
//! (nor started a payment that a bank is still confirming) a while after placing it (`MK_NOTIFY_PAYMENT_REMINDER_SECS`). A customer who pays at once
//! gets their receipt alone, not two emails in the same second; one who left the payment
//! page gets a reminder with the way back to it, before the order expires.
//!
//! The durable `notify-reminders` reads placed orders. An event that is not due yet is handed
//! back to JetStream for the time that is left ([`menuskart_kit::consumer::HandlerError`]),
//! which keeps it outstanding meanwhile: hence a consumer of its own with room for many
//! outstanding events, so waiting reminders never hold up receipts on `notify-orders`.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use menuskart_kit::consumer::{Delivery, Subscription};
use menuskart_schemas::subjects::events::orders;

use crate::deliver::{DeliverError, deliver};
use crate::notice::Notice;
use crate::state::NotifyState;

pub const DURABLE: &str = "notify-reminders";

/// Placed orders whose reminder may be waiting at once, across the pool: about 5 minutes of
/// orders at 300 a second (JetStream's limit per consumer that the keeper allows).
const WAITING_REMINDERS: i64 = 100_000;

pub fn subscription(state: &NotifyState) -> Subscription {
    Subscription {
        filter: orders::PLACED.subject,
        max_ack_pending: Some(WAITING_REMINDERS),
        ..crate::consumers::subscription(orders::STREAM, DURABLE, state)
    }
}

pub async fn handle(
    state: Arc<NotifyState>,
    delivery: Delivery<orders::Event>,
) -> Result<(), DeliverError> {
    let orders::Event::Placed(placed) = &delivery.event else {
        return Ok(());
    };
    if let Some(wait) = due_in(delivery.published, state.payment_reminder_after, Utc::now()) {
        return Err(DeliverError::NotDue(wait));
    }
    let notice = Notice::payment_reminder(placed);
    // Paid: the receipt says it all. Cancelled: that has an email of its own. A bank still
    // confirming a payment: the customer did pay, and their order page says so.
    if !state.directory.awaiting_payment(notice.order_id).await? {
        tracing::debug!(order_id = %notice.order_id, "no payment reminder: paid, being paid or cancelled");
        return Ok(());
    }
    deliver(&state, &notice).await
}

/// How long until a reminder for an order placed at `placed` is due, `None` when it is.
fn due_in(placed: DateTime<Utc>, after: Duration, now: DateTime<Utc>) -> Option<Duration> {
    let due = placed + chrono::Duration::from_std(after).ok()?;
    // (A clock ahead of `now` waits at most `after`.)
    (due - now)
        .to_std()
        .ok()
        .filter(|left| !left.is_zero())
        .map(|left| left.min(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE_MINUTES: Duration = Duration::from_secs(300);

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_reminder_waits_for_the_rest_of_its_delay() {
        assert_eq!(due_in(at(0), FIVE_MINUTES, at(0)), Some(FIVE_MINUTES));
        assert_eq!(
            due_in(at(0), FIVE_MINUTES, at(60)),
            Some(Duration::from_secs(240))
        );
    }

    #[test]
    fn a_reminder_is_due_once_its_delay_has_passed() {
        assert_eq!(due_in(at(0), FIVE_MINUTES, at(300)), None);
        assert_eq!(due_in(at(0), FIVE_MINUTES, at(3600)), None);
        assert_eq!(due_in(at(0), Duration::ZERO, at(0)), None);
    }

    #[test]
    fn a_publisher_clock_ahead_of_ours_waits_no_longer_than_the_delay() {
        assert_eq!(due_in(at(120), FIVE_MINUTES, at(0)), Some(FIVE_MINUTES));
    }
}
