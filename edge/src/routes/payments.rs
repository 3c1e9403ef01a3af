//! `/payments*` -> `mk.payments.*`. The payment service reads the order and checks ownership
//! itself; the edge passes the `Idempotency-Key` on, and a webhook's raw body and signature
//! untouched (the signature covers the exact bytes).

use axum::Json;
use axum::http::HeaderMap;
use menuskart_kit::Caller;
use menuskart_schemas::ids::{OrderId, TransactionId};
use menuskart_schemas::payments::{
    ChargeRequest, PayOrder, Payment, PaymentList, PaymentRef, PaymentsOfOrder, RefundAmount,
    RefundRequest, WebhookDelivery,
};
use menuskart_schemas::subjects::payments;
use menuskart_schemas::{Empty, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, AuthUser};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, PathId};
use crate::idempotency::idempotency_key;
use crate::rate_limit::{Admitted, PaymentAttempts};
use crate::state::AppState;

/// The header a provider signs its webhooks in.
pub const SIGNATURE_HEADER: &str = "mk-signature";
/// Stripe signs its webhooks in its own header, with the same scheme.
pub const STRIPE_SIGNATURE_HEADER: &str = "stripe-signature";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(pay))
        .routes(routes!(webhook))
        .routes(routes!(show))
        .routes(routes!(refund))
        .routes(routes!(of_order))
}

/// Pay an order with a provider token (sandbox: `pm_card_ok`, `pm_card_declined`,
/// `pm_card_insufficient_funds`, `pm_card_async`). Charges the order's frozen total; the same
/// `Idempotency-Key` never charges twice and replays the first answer.
#[utoipa::path(post, path = "/payments", tag = "payments", security(("bearer" = [])),
    request_body = PayOrder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried payment replay the first answer")),
    responses(
        (status = 200, description = "Paid (`succeeded`) or awaiting confirmation (`processing`)", body = Payment),
        (status = 402, description = "Declined; `details.reason` is the provider's reason", body = ErrorResponse),
        (status = 404, description = "No such order, or not yours", body = ErrorResponse),
        (status = 409, description = "The order is paid already, being paid, or cancelled", body = ErrorResponse),
        (status = 422, description = "Not a provider token (card data is refused outright)", body = ErrorResponse),
        (status = 429, description = "Too many payment attempts from this client or account", body = ErrorResponse),
    ))]
pub async fn pay(
    _: Admitted<PaymentAttempts>,
    call: Call,
    user: AuthUser,
    headers: HeaderMap,
    ApiJson(pay): ApiJson<PayOrder>,
) -> Result<Json<Payment>, ApiError> {
    let body = ChargeRequest {
        pay,
        idempotency_key: idempotency_key(&headers)?,
    };
    Ok(Json(
        call.send(payments::CHARGE, &user.caller(), &body).await?,
    ))
}

/// One payment with its refunds (its owner or an admin).
#[utoipa::path(get, path = "/payments/{transaction_id}", tag = "payments", security(("bearer" = [])),
    params(("transaction_id" = Uuid, Path, description = "Our transaction id")),
    responses(
        (status = 200, description = "The payment", body = Payment),
        (status = 404, description = "No such payment, or not yours", body = ErrorResponse),
    ))]
pub async fn show(
    call: Call,
    user: AuthUser,
    PathId(transaction_id): PathId<TransactionId>,
) -> Result<Json<Payment>, ApiError> {
    let body = PaymentRef { transaction_id };
    Ok(Json(call.send(payments::GET, &user.caller(), &body).await?))
}

/// An order's payments, newest first, declined attempts too (its owner or an admin).
#[utoipa::path(get, path = "/orders/{order_id}/payments", tag = "payments", security(("bearer" = [])),
    params(("order_id" = Uuid, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The payments (none for someone else's order)", body = PaymentList),
        (status = 401, description = "Not signed in", body = ErrorResponse),
    ))]
pub async fn of_order(
    call: Call,
    user: AuthUser,
    PathId(order_id): PathId<OrderId>,
) -> Result<Json<PaymentList>, ApiError> {
    let body = PaymentsOfOrder { order_id };
    Ok(Json(
        call.send(payments::BY_ORDER, &user.caller(), &body).await?,
    ))
}

/// Admin: refund all (no `amount`) or part of a captured payment.
#[utoipa::path(post, path = "/payments/{transaction_id}/refund", tag = "payments", security(("bearer" = [])),
    params(("transaction_id" = Uuid, Path, description = "Our transaction id")),
    request_body = RefundAmount,
    responses(
        (status = 200, description = "The payment with its refunds", body = Payment),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 409, description = "More than is left to refund, or nothing captured", body = ErrorResponse),
        (status = 422, description = "Not a positive amount", body = ErrorResponse),
    ))]
pub async fn refund(
    call: Call,
    AdminUser(admin): AdminUser,
    PathId(transaction_id): PathId<TransactionId>,
    ApiJson(refund): ApiJson<RefundAmount>,
) -> Result<Json<Payment>, ApiError> {
    let body = RefundRequest {
        transaction_id,
        refund,
    };
    Ok(Json(
        call.send(payments::REFUND, &admin.caller(), &body).await?,
    ))
}

/// The payment provider's webhook: `MK-Signature` or Stripe's own `Stripe-Signature`, both
/// `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`.
#[utoipa::path(post, path = "/payments/webhook", tag = "payments",
    params(
        ("MK-Signature" = Option<String>, Header, description = "t=<unix seconds>,v1=<hex>[,v1=<hex>]"),
        ("Stripe-Signature" = Option<String>, Header, description = "The same, as Stripe sends it (one of the two is required)"),
    ),
    request_body(content = String, content_type = "application/json"),
    responses(
        (status = 200, description = "Applied (or already applied, or not ours)"),
        (status = 400, description = "Missing, bad or stale signature; malformed event", body = ErrorResponse),
    ))]
pub async fn webhook(
    call: Call,
    headers: HeaderMap,
    body: String,
) -> Result<Json<Empty>, ApiError> {
    let signature = [SIGNATURE_HEADER, STRIPE_SIGNATURE_HEADER]
        .into_iter()
        .find_map(|name| headers.get(name))
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::BadRequest,
                "missing MK-Signature (or Stripe-Signature) header",
            )
        })?
        .to_owned();
    let delivery = WebhookDelivery { signature, body };
    Ok(Json(
        call.send(payments::WEBHOOK, &Caller::anonymous(), &delivery)
            .await?,
    ))
}
