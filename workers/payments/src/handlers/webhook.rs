//! `mk.payments.webhook`: a provider's signed event (Stripe's shape:
//! `{"id":"evt_..","type":"payment_intent.succeeded|payment_intent.payment_failed",
//! "data":{"object":{"id":"pi_..", "last_payment_error":{...}}}}`).
//!
//! The payment is found by the provider's reference, or, when our call's reply was lost (a
//! timeout after the provider took the money, so we never learnt the reference), by the
//! transaction id we put in the provider's metadata: then the reference is recorded too.
//!
//! Bad or stale signatures are 400. Each provider event is applied once: its id is recorded in
//! the transaction that applies it, so a redelivery changes nothing. Events about payments we
//! do not know, or of types we do not use, are acknowledged and ignored (the provider would
//! otherwise retry them for days).

use std::sync::Arc;

use menuskart_kit::rpc::RpcError;
use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::ids::TransactionId;
use menuskart_schemas::orders::OrderStatus;
use menuskart_schemas::payments::{PaymentStatus, WebhookDelivery};
use serde::Deserialize;

use crate::state::PaymentsState;
use crate::store::Settlement;

#[derive(Debug, Deserialize)]
struct ProviderEvent {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: IntentObject,
}

#[derive(Debug, Deserialize)]
struct IntentObject {
    id: String,
    #[serde(default)]
    last_payment_error: Option<LastError>,
    #[serde(default)]
    metadata: Metadata,
}

/// What we asked the provider to keep with the payment (`metadata[transaction_id]`).
#[derive(Debug, Default, Deserialize)]
struct Metadata {
    #[serde(default)]
    transaction_id: Option<uuid::Uuid>,
}

#[derive(Debug, Deserialize)]
struct LastError {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<PaymentsState>,
    req: Incoming<WebhookDelivery>,
) -> Result<Empty, ReplyError> {
    let now = chrono::Utc::now().timestamp();
    state
        .webhooks
        .verify(&req.body.signature, &req.body.body, now)
        .map_err(|e| ReplyError::bad_request(format!("webhook signature: {e}")))?;
    let event: ProviderEvent = serde_json::from_str(&req.body.body)
        .map_err(|e| ReplyError::bad_request(format!("webhook body: {e}")))?;
    let reference = event.data.object.id.clone();
    let settlement = match event.kind.as_str() {
        "payment_intent.succeeded" => Settlement::Succeeded {
            reference: reference.clone(),
        },
        "payment_intent.payment_failed" => {
            let error = event.data.object.last_payment_error.as_ref();
            Settlement::Failed {
                reference: Some(reference.clone()),
                reason: error
                    .and_then(|e| e.decline_code.clone().or_else(|| e.code.clone()))
                    .unwrap_or_else(|| "card_declined".into()),
            }
        }
        other => {
            tracing::info!(kind = other, "webhook event type ignored");
            return Ok(Empty {});
        }
    };
    let provider = state.provider.name();
    let found = match state.store.by_reference(provider, &reference).await? {
        Some(found) => Some(found),
        None => match event.data.object.metadata.transaction_id {
            Some(named) => {
                state
                    .store
                    .unreferenced(provider, TransactionId(named))
                    .await?
            }
            None => None,
        },
    };
    let Some(transaction_id) = found else {
        tracing::warn!(%reference, "webhook for an unknown payment ignored");
        return Ok(Empty {});
    };
    let Some((settled, changed)) = state
        .store
        .settle(transaction_id, &settlement, Some((provider, &event.id)))
        .await?
    else {
        return Ok(Empty {});
    };
    if changed {
        state.written();
    }
    // Confirmed after its order was cancelled (the customer or an admin cancelled it while the
    // bank took its time): the money goes back now, on record. Checked on every delivery of a
    // success, not only the one that settled it: when the order service or the refund failed,
    // the error makes the provider deliver the event again, and the next delivery refunds.
    if settled.payment.status == PaymentStatus::Succeeded {
        let order = match state.orders.lookup(settled.payment.order_id).await {
            Ok(order) => Some(order),
            Err(RpcError::Reply(body)) if body.code == ErrorCode::NotFound => None,
            Err(other) => return Err(other.into()),
        };
        if let Some(order) = order.filter(|o| o.status == OrderStatus::Cancelled) {
            tracing::info!(order_id = %order.id, %transaction_id, "confirmed for a cancelled order: refunding");
            crate::refund_on_cancel::refund_order(&state, order.id).await?;
        }
    }
    Ok(Empty {})
}
