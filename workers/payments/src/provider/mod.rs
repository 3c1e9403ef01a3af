//! Payment providers: the one seam between MenusKart and whoever moves the money.
//!
//! [`PaymentProvider`] is what a provider must do; [`sandbox::Sandbox`] (the default:
//! deterministic test tokens, no network) and [`stripe::Stripe`] (a Stripe-compatible
//! PaymentIntents API over HTTPS) implement it. Every call carries an idempotency key chosen by
//! us (the transaction or refund id), so repeating a call after a crash never moves money twice.

pub mod sandbox;
pub mod stripe;

use menuskart_schemas::ids::{OrderId, TransactionId};
use menuskart_schemas::money::{Amount, Currency};
use menuskart_schemas::payments::{NextAction, PaymentMethod};
use uuid::Uuid;

/// A charge to make: exactly the order's frozen total.
#[derive(Debug, Clone)]
pub struct ChargeIntent<'a> {
    pub transaction_id: TransactionId,
    pub order_id: OrderId,
    pub amount: Amount,
    pub currency: Currency,
    pub payment_method: &'a PaymentMethod,
}

/// What the provider made of a charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChargeOutcome {
    Succeeded {
        reference: String,
    },
    /// Waiting for the customer or the bank; a webhook will settle it. `next_action` says what
    /// the customer must do (3-D Secure), when it is their move.
    Processing {
        reference: String,
        next_action: Option<NextAction>,
    },
    /// Refused: `reason` is the provider's code (`card_declined`, `insufficient_funds`, ...).
    Declined {
        reference: Option<String>,
        reason: String,
    },
}

/// A refund the provider made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundReceipt {
    pub reference: String,
}

/// Why a provider call did not give a verdict. Only [`ProviderError::Invalid`] and
/// [`ProviderError::Unauthorized`] say that nothing happened; after any other error the money
/// may have moved, so the payment or refund stays open (`pending`) until a webhook, a retry with
/// the same idempotency key or the reconciler learns what the provider did. Closing it as
/// failed would let the customer pay again while the first capture is never refunded.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider refused the request as malformed (e.g. an unknown payment method): it did
    /// nothing.
    #[error("the provider refused the request: {0}")]
    Invalid(String),
    /// Our credentials were refused: nothing was done; an operator must fix the configuration.
    #[error("the provider refused our credentials")]
    Unauthorized,
    /// No answer we can read: network trouble, a timeout, a connection cut mid-answer, a 5xx
    /// or 429, a body we cannot parse. The outcome is unknown: ask again with the same key.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
    /// The provider holds our idempotency key for another request (Stripe: 409
    /// `idempotency_error` while the first request with the key is still running). That
    /// request decides the outcome, and may yet move the money.
    #[error("the provider is still processing a request with this idempotency key: {0}")]
    KeyInUse(String),
}

impl ProviderError {
    /// Whether the provider said that it did nothing: only then may a payment or refund be
    /// closed as failed.
    pub fn nothing_happened(&self) -> bool {
        matches!(self, Self::Invalid(_) | Self::Unauthorized)
    }
}

#[async_trait::async_trait]
pub trait PaymentProvider: Send + Sync + std::fmt::Debug {
    /// The name stored with each payment (`sandbox`, `stripe`).
    fn name(&self) -> &'static str;

    /// Creates and confirms a payment (idempotent per `intent.transaction_id`).
    async fn charge(&self, intent: &ChargeIntent<'_>) -> Result<ChargeOutcome, ProviderError>;

    /// Refunds `amount` of the payment `reference` (idempotent per `refund_id`).
    async fn refund(
        &self,
        reference: &str,
        amount: Amount,
        refund_id: Uuid,
    ) -> Result<RefundReceipt, ProviderError>;
}
