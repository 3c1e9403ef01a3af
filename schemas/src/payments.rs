//! Messages and events of the payment service (`mk.payments.*`, `mk.evt.payments.*`).
//!
//! Card numbers never reach MenusKart: the browser hands card data to the provider, which gives
//! back a payment-method token (`pm_...`). [`PaymentMethod`] is the only type of ours that holds
//! what a client says to pay with, and it cannot be built from anything but such a token: a
//! string of digits (a card number, with or without spaces) is refused when the request is
//! decoded, so it is never stored, forwarded or logged.

use crate::ids::{OrderId, TransactionId, UserId};
use crate::money::{Amount, Currency};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A provider's payment-method token, e.g. `pm_card_ok` (sandbox) or `pm_1Q...` (Stripe).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "pm_card_ok"))]
#[serde(try_from = "String", into = "String")]
pub struct PaymentMethod(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAPaymentMethod;

impl std::fmt::Display for NotAPaymentMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never echo the input: it may be a card number.
        f.write_str("payment_method must be a provider token (pm_...), never card data")
    }
}

impl std::error::Error for NotAPaymentMethod {}

impl TryFrom<String> for PaymentMethod {
    type Error = NotAPaymentMethod;

    fn try_from(token: String) -> Result<Self, Self::Error> {
        let body = token.strip_prefix("pm_").ok_or(NotAPaymentMethod)?;
        let well_formed = (1..=120).contains(&body.len())
            && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        // No run of 8 or more digits, counting across the `_` a token may hold
        // (`pm_4111_1111_1111_1111`): nothing that could be (part of) a card number. Stricter than
        // a Luhn check of 13 to 19 digits, which every such number also fails.
        let longest_digit_run = body
            .split(|c: char| !(c.is_ascii_digit() || c == '_'))
            .map(|run| run.bytes().filter(u8::is_ascii_digit).count())
            .max()
            .unwrap_or(0);
        if well_formed && longest_digit_run < 8 {
            Ok(Self(token))
        } else {
            Err(NotAPaymentMethod)
        }
    }
}

impl From<PaymentMethod> for String {
    fn from(method: PaymentMethod) -> Self {
        method.0
    }
}

impl PaymentMethod {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PaymentMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Tokens are not card data, but they are credentials of a sort: log only their kind.
        let kind: String = self.0.chars().take(8).collect();
        write!(f, "PaymentMethod({kind}…)")
    }
}

/// Where a payment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// Stored as text (its snake_case name), checked by the table's CHECK constraint.
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Sent to the provider, no answer yet (or the answer was lost; a retry resumes it).
    Pending,
    /// The provider is confirming it (e.g. 3-D Secure); a signed webhook settles it.
    Processing,
    Succeeded,
    Failed,
    /// Part of the captured amount was refunded.
    PartiallyRefunded,
    Refunded,
}

impl PaymentStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Processing => "processing",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::PartiallyRefunded => "partially_refunded",
            Self::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => Self::Pending,
            "processing" => Self::Processing,
            "succeeded" => Self::Succeeded,
            "failed" => Self::Failed,
            "partially_refunded" => Self::PartiallyRefunded,
            "refunded" => Self::Refunded,
            _ => return None,
        })
    }
}

/// POST /payments.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayOrder {
    pub order_id: OrderId,
    pub payment_method: PaymentMethod,
}

/// `mk.payments.charge`: the edge adds the `Idempotency-Key` header's value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChargeRequest {
    #[serde(flatten)]
    pub pay: PayOrder,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// `mk.payments.get`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PaymentRef {
    pub transaction_id: TransactionId,
}

/// `mk.payments.by_order`: the payments of one order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PaymentsOfOrder {
    pub order_id: OrderId,
}

/// An order's payments, newest first (declined attempts too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentList {
    pub items: Vec<Payment>,
}

/// POST /payments/{transaction_id}/refund: `amount` in minor units, the whole remaining
/// captured amount when absent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundAmount {
    #[serde(default)]
    pub amount: Option<Amount>,
}

/// `mk.payments.refund`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RefundRequest {
    pub transaction_id: TransactionId,
    #[serde(flatten)]
    pub refund: RefundAmount,
}

/// One refund of a payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refund {
    pub refund_id: Uuid,
    pub amount: Amount,
    pub provider_reference: String,
    pub created_at: DateTime<Utc>,
}

/// A payment: our transaction id, the provider's reference, what was charged and refunded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    pub transaction_id: TransactionId,
    pub order_id: OrderId,
    pub user_id: UserId,
    pub status: PaymentStatus,
    pub amount: Amount,
    pub currency: Currency,
    pub provider: String,
    pub provider_reference: Option<String>,
    /// Why the provider refused it (`card_declined`, `insufficient_funds`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
    pub refunded_amount: Amount,
    pub refunds: Vec<Refund>,
    /// While `processing`: what the payer must still do (3-D Secure), for the provider's client
    /// library (Stripe.js `handleNextAction` with the client secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action: Option<NextAction>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A step the payer must take before the provider settles the payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextAction {
    /// The provider's name for the step (`use_stripe_sdk`, `redirect_to_url`).
    #[serde(rename = "type")]
    pub kind: String,
    /// What the provider's client library completes the step with.
    pub client_secret: String,
    /// Where to send the payer, for `redirect_to_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
}

/// Payload of `mk.evt.payments.succeeded|failed|refunded`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentEvent {
    pub transaction_id: TransactionId,
    pub order_id: OrderId,
    /// Who paid (notifications go to them).
    pub user_id: UserId,
    /// The amount charged (for `refunded`: the amount of this refund).
    pub amount: Amount,
    pub currency: Currency,
    /// A failure's reason (`card_declined`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `mk.payments.webhook`: the provider's request exactly as received (the signature covers
/// the raw bytes, so the edge passes them on untouched).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WebhookDelivery {
    pub signature: String,
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<PaymentMethod, NotAPaymentMethod> {
        PaymentMethod::try_from(s.to_owned())
    }

    #[test]
    fn provider_tokens_are_payment_methods() {
        for token in [
            "pm_card_ok",
            "pm_card_async",
            "pm_1QxYz2AbCdEf3GhI",
            "pm_card_visa_2031",
        ] {
            assert!(parse(token).is_ok(), "{token}");
        }
    }

    #[test]
    fn card_numbers_are_refused_in_any_disguise() {
        for card in [
            "4242424242424242",
            "4242 4242 4242 4242",
            "pm_4242424242424242",
            "pm_card_42424242",
            "pm_4111_1111_1111_1111",
            "pm_card_4111_1111_1111_1111_exp_12_31",
            "pm_4000_0566_5566_5556",
            "4111-1111-1111-1111",
            "pm_4111-1111-1111-1111",
            "pm_4111 1111 1111 1111",
            "",
            "pm_",
            "pm_card ok",
        ] {
            assert_eq!(parse(card), Err(NotAPaymentMethod), "{card:?}");
        }
        let decoded: Result<PayOrder, _> = serde_json::from_str(
            r#"{"order_id":"00000000-0000-0000-0000-000000000000","payment_method":"4242424242424242"}"#,
        );
        let message = decoded.unwrap_err().to_string();
        assert!(
            !message.contains("4242"),
            "the error never echoes it: {message}"
        );
    }

    #[test]
    fn debug_output_shows_only_the_kind() {
        let method = parse("pm_1QxYz2AbCdEf3GhI").unwrap();
        assert_eq!(format!("{method:?}"), "PaymentMethod(pm_1QxYz…)");
    }
}
