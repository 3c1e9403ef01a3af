//! The sandbox provider: deterministic outcomes by token, no network, no money.
//!
//! | token | outcome |
//! |---|---|
//! | `pm_card_ok` | succeeded |
//! | `pm_card_declined` | declined, `card_declined` |
//! | `pm_card_insufficient_funds` | declined, `insufficient_funds` |
//! | `pm_card_async` | processing, until a signed webhook settles it |
//!
//! References are derived from our ids, so a repeated call answers the same.

use menuskart_schemas::ids::TransactionId;
use uuid::Uuid;

use super::{ChargeIntent, ChargeOutcome, PaymentProvider, ProviderError, RefundReceipt};
use menuskart_schemas::money::Amount;

#[derive(Debug, Default)]
pub struct Sandbox;

impl Sandbox {
    /// The reference the sandbox gives the payment of `transaction_id`.
    pub fn reference(transaction_id: TransactionId) -> String {
        format!("sb_pi_{}", transaction_id.0.simple())
    }
}

#[async_trait::async_trait]
impl PaymentProvider for Sandbox {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    async fn charge(&self, intent: &ChargeIntent<'_>) -> Result<ChargeOutcome, ProviderError> {
        let reference = Self::reference(intent.transaction_id);
        let declined = |reason: &str| ChargeOutcome::Declined {
            reference: Some(reference.clone()),
            reason: reason.to_owned(),
        };
        Ok(match intent.payment_method.as_str() {
            "pm_card_ok" => ChargeOutcome::Succeeded {
                reference: reference.clone(),
            },
            "pm_card_declined" => declined("card_declined"),
            "pm_card_insufficient_funds" => declined("insufficient_funds"),
            "pm_card_async" => ChargeOutcome::Processing {
                reference: reference.clone(),
                next_action: None,
            },
            _ => {
                return Err(ProviderError::Invalid(
                    "unknown sandbox payment method; use pm_card_ok, pm_card_declined, \
                     pm_card_insufficient_funds or pm_card_async"
                        .into(),
                ));
            }
        })
    }

    async fn refund(
        &self,
        _reference: &str,
        _amount: Amount,
        refund_id: Uuid,
    ) -> Result<RefundReceipt, ProviderError> {
        Ok(RefundReceipt {
            reference: format!("sb_re_{}", refund_id.simple()),
        })
    }
}

#[cfg(test)]
mod tests {
    use menuskart_schemas::ids::OrderId;
    use menuskart_schemas::payments::PaymentMethod;

    use super::*;

    async fn charge(token: &str) -> Result<ChargeOutcome, ProviderError> {
        let method = PaymentMethod::try_from(token.to_owned()).unwrap();
        let intent = ChargeIntent {
            transaction_id: TransactionId(Uuid::nil()),
            order_id: OrderId(Uuid::nil()),
            amount: Amount(100),
            currency: menuskart_schemas::money::Currency::EUR,
            payment_method: &method,
        };
        Sandbox.charge(&intent).await
    }

    #[tokio::test]
    async fn tokens_decide_the_outcome() {
        assert!(matches!(
            charge("pm_card_ok").await,
            Ok(ChargeOutcome::Succeeded { .. })
        ));
        assert!(matches!(
            charge("pm_card_async").await,
            Ok(ChargeOutcome::Processing { .. })
        ));
        assert!(
            matches!(charge("pm_card_insufficient_funds").await, Ok(ChargeOutcome::Declined { reason, .. }) if reason == "insufficient_funds")
        );
        assert!(matches!(
            charge("pm_other").await,
            Err(ProviderError::Invalid(_))
        ));
    }
}
