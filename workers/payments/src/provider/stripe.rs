//! A Stripe-compatible adapter: the PaymentIntents and Refunds endpoints, form-encoded, with
//! our secret key as Bearer token and an `Idempotency-Key` on every call. Provider errors map to
//! [`ChargeOutcome::Declined`] (card errors, HTTP 402) or a [`ProviderError`]; only an answer
//! that says the request did nothing is a decline or [`ProviderError::Invalid`]: a 409, a 5xx,
//! a cut-off answer or an unknown status leave the outcome unknown (see [`ProviderError`]). A payment that
//! needs the customer (`requires_action`: 3-D Secure) is processing, with the intent's client
//! secret and next action for Stripe.js; the webhook settles it.

use std::time::Duration;

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use uuid::Uuid;

use super::{ChargeIntent, ChargeOutcome, PaymentProvider, ProviderError, RefundReceipt};
use menuskart_schemas::money::Amount;
use menuskart_schemas::payments::NextAction;

#[derive(Debug)]
pub struct Stripe {
    http: reqwest::Client,
    base_url: String,
    secret_key: SecretString,
}

#[derive(Debug, Deserialize)]
struct PaymentIntent {
    id: String,
    status: String,
    #[serde(default)]
    last_payment_error: Option<StripeError>,
    #[serde(default)]
    client_secret: Option<String>,
    #[serde(default)]
    next_action: Option<IntentNextAction>,
}

#[derive(Debug, Deserialize)]
struct IntentNextAction {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    redirect_to_url: Option<RedirectToUrl>,
}

#[derive(Debug, Deserialize)]
struct RedirectToUrl {
    url: String,
}

impl PaymentIntent {
    /// What the customer must do, when the intent waits for them.
    fn next_action(&self) -> Option<NextAction> {
        let action = self.next_action.as_ref()?;
        Some(NextAction {
            kind: action.kind.clone(),
            client_secret: self.client_secret.clone()?,
            redirect_url: action.redirect_to_url.as_ref().map(|r| r.url.clone()),
        })
    }
}

#[derive(Debug, Deserialize)]
struct StripeRefund {
    id: String,
}

#[derive(Debug, Deserialize)]
struct ErrorEnvelope {
    error: StripeError,
}

#[derive(Debug, Deserialize)]
struct StripeError {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    payment_intent: Option<ErrorIntent>,
}

#[derive(Debug, Deserialize)]
struct ErrorIntent {
    id: String,
}

impl StripeError {
    /// The most specific reason: `insufficient_funds` rather than `card_declined`.
    fn reason(&self) -> String {
        self.decline_code
            .clone()
            .or_else(|| self.code.clone())
            .unwrap_or_else(|| "card_declined".into())
    }
}

impl Stripe {
    pub fn new(base_url: &str, secret_key: SecretString, timeout: Duration) -> Self {
        Self {
            http: reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .expect("a TLS-capable HTTP client"),
            base_url: base_url.trim_end_matches('/').to_owned(),
            secret_key,
        }
    }

    async fn post(
        &self,
        path: &str,
        idempotency_key: &str,
        form: &[(&str, String)],
    ) -> Result<reqwest::Response, ProviderError> {
        self.http
            .post(format!("{}{path}", self.base_url))
            .bearer_auth(self.secret_key.expose_secret())
            .header("Idempotency-Key", idempotency_key)
            .form(form)
            .send()
            .await
            .map_err(|e| ProviderError::Unavailable(e.to_string()))
    }
}

/// A non-success answer that is not a card decline. Only a 4xx that refuses the request itself
/// says nothing happened; a 409 or an `idempotency_error` is about another request with our key
/// (which may have moved the money), and a 5xx or 429 may come after the work was done.
async fn failure(response: reqwest::Response) -> ProviderError {
    let status = response.status();
    let error = response.json::<ErrorEnvelope>().await.ok().map(|e| e.error);
    let message = error
        .as_ref()
        .and_then(|e| e.message.clone())
        .unwrap_or_else(|| status.to_string());
    let idempotency = error
        .as_ref()
        .is_some_and(|e| e.kind == "idempotency_error");
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => ProviderError::Unauthorized,
        StatusCode::CONFLICT => ProviderError::KeyInUse(message),
        _ if idempotency => ProviderError::KeyInUse(message),
        s if s.is_client_error() && s != StatusCode::TOO_MANY_REQUESTS => {
            ProviderError::Invalid(message)
        }
        _ => ProviderError::Unavailable(message),
    }
}

/// The body of an answer: one we cannot read (the connection dropped half-way, a proxy's page)
/// leaves the outcome unknown, whatever the status said.
async fn body<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, ProviderError> {
    response
        .json()
        .await
        .map_err(|e| ProviderError::Unavailable(format!("unreadable answer: {e}")))
}

#[async_trait::async_trait]
impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    async fn charge(&self, intent: &ChargeIntent<'_>) -> Result<ChargeOutcome, ProviderError> {
        let form = [
            ("amount", intent.amount.to_string()),
            ("currency", intent.currency.as_str().to_ascii_lowercase()),
            ("payment_method", intent.payment_method.as_str().to_owned()),
            ("payment_method_types[]", "card".to_owned()),
            ("confirm", "true".to_owned()),
            ("metadata[order_id]", intent.order_id.to_string()),
            (
                "metadata[transaction_id]",
                intent.transaction_id.to_string(),
            ),
        ];
        let key = intent.transaction_id.to_string();
        let response = self.post("/v1/payment_intents", &key, &form).await?;
        if response.status() == StatusCode::PAYMENT_REQUIRED {
            let envelope: ErrorEnvelope = body(response).await?;
            return Ok(ChargeOutcome::Declined {
                reference: envelope.error.payment_intent.as_ref().map(|p| p.id.clone()),
                reason: envelope.error.reason(),
            });
        }
        if !response.status().is_success() {
            return Err(failure(response).await);
        }
        let intent: PaymentIntent = body(response).await?;
        Ok(match intent.status.as_str() {
            "succeeded" => ChargeOutcome::Succeeded {
                reference: intent.id,
            },
            "requires_action" => ChargeOutcome::Processing {
                next_action: intent.next_action(),
                reference: intent.id,
            },
            "processing" | "requires_confirmation" | "requires_capture" => {
                ChargeOutcome::Processing {
                    reference: intent.id,
                    next_action: None,
                }
            }
            // Statuses that say the intent took no money.
            "requires_payment_method" | "canceled" => ChargeOutcome::Declined {
                reason: intent
                    .last_payment_error
                    .as_ref()
                    .filter(|e| e.kind == "card_error" || e.code.is_some())
                    .map_or_else(|| intent.status.clone(), StripeError::reason),
                reference: Some(intent.id),
            },
            // A status we do not know may be money taken: the webhook or the reconciler will
            // tell.
            other => {
                return Err(ProviderError::Unavailable(format!(
                    "payment intent {} in an unknown status {other:?}",
                    intent.id
                )));
            }
        })
    }

    async fn refund(
        &self,
        reference: &str,
        amount: Amount,
        refund_id: Uuid,
    ) -> Result<RefundReceipt, ProviderError> {
        let form = [
            ("payment_intent", reference.to_owned()),
            ("amount", amount.to_string()),
            ("metadata[refund_id]", refund_id.to_string()),
        ];
        let response = self
            .post("/v1/refunds", &refund_id.to_string(), &form)
            .await?;
        if !response.status().is_success() {
            return Err(failure(response).await);
        }
        let refund: StripeRefund = body(response).await?;
        Ok(RefundReceipt {
            reference: refund.id,
        })
    }
}
