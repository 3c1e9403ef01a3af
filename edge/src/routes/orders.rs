//! `/orders*` -> `mk.orders.*`. The order service checks ownership itself; the edge only
//! requires a signed-in caller and passes the `Idempotency-Key` header on.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use menuskart_schemas::ids::{OrderId, UserId};
use menuskart_schemas::orders::{
    Order, OrderPage, OrderQuery, OrderRef, OrdersByUser, OrdersList, PlaceOrder,
    PlaceOrderRequest, SetStatusRequest, StatusUpdate,
};
use menuskart_schemas::paging::Paging;
use menuskart_schemas::subjects::orders;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, AuthUser};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PageQuery, PathId};
use crate::idempotency::idempotency_key;
use crate::rate_limit::{Admitted, OrderPlacement};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, place))
        .routes(routes!(show))
        .routes(routes!(cancel))
        .routes(routes!(super::order_events::order_events))
        .routes(routes!(set_status))
        .routes(routes!(by_user))
        .routes(routes!(super::orders_export::export))
}

/// Place the caller's cart as an order: stock is reserved, prices and totals are frozen, the
/// cart is emptied. The same `Idempotency-Key` always answers with the same order.
#[utoipa::path(post, path = "/orders", tag = "orders", security(("bearer" = [])),
    request_body = PlaceOrder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried placement return the first order")),
    responses(
        (status = 201, description = "The order, `pending_payment`", body = Order),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 409, description = "Not enough stock for a line (details say which); nothing reserved", body = ErrorResponse),
        (status = 422, description = "Empty cart, bad address or idempotency key", body = ErrorResponse),
        (status = 429, description = "Too many requests from this client or user; see Retry-After", body = ErrorResponse),
    ))]
pub async fn place(
    _: Admitted<OrderPlacement>,
    call: Call,
    user: AuthUser,
    headers: HeaderMap,
    ApiJson(order): ApiJson<PlaceOrder>,
) -> Result<(StatusCode, Json<Order>), ApiError> {
    let body = PlaceOrderRequest {
        order,
        idempotency_key: idempotency_key(&headers)?,
    };
    let order = call.send(orders::PLACE, &user.caller(), &body).await?;
    Ok((StatusCode::CREATED, Json(order)))
}

/// One order with its lines, totals and status history (its owner or an admin).
#[utoipa::path(get, path = "/orders/{order_id}", tag = "orders", security(("bearer" = [])),
    params(("order_id" = Uuid, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 404, description = "No such order, or not yours", body = ErrorResponse),
    ))]
pub async fn show(
    call: Call,
    user: AuthUser,
    PathId(order_id): PathId<OrderId>,
) -> Result<Json<Order>, ApiError> {
    let body = OrderRef { order_id };
    Ok(Json(call.send(orders::GET, &user.caller(), &body).await?))
}

/// Cancel an unpaid order; its reserved stock is released.
#[utoipa::path(post, path = "/orders/{order_id}/cancel", tag = "orders", security(("bearer" = [])),
    params(("order_id" = Uuid, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The cancelled order", body = Order),
        (status = 404, description = "No such order, or not yours", body = ErrorResponse),
        (status = 409, description = "Paid or shipped already", body = ErrorResponse),
    ))]
pub async fn cancel(
    call: Call,
    user: AuthUser,
    PathId(order_id): PathId<OrderId>,
) -> Result<Json<Order>, ApiError> {
    let body = OrderRef { order_id };
    Ok(Json(
        call.send(orders::CANCEL, &user.caller(), &body).await?,
    ))
}

/// Admin: move a paid order on to `fulfilled` or `shipped`.
#[utoipa::path(post, path = "/orders/{order_id}/status", tag = "orders", security(("bearer" = [])),
    params(("order_id" = Uuid, Path, description = "The order's id")),
    request_body = StatusUpdate,
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 409, description = "The order is not in a status that can move there", body = ErrorResponse),
        (status = 422, description = "Not `fulfilled` or `shipped`", body = ErrorResponse),
    ))]
pub async fn set_status(
    call: Call,
    AdminUser(admin): AdminUser,
    PathId(order_id): PathId<OrderId>,
    ApiJson(update): ApiJson<StatusUpdate>,
) -> Result<Json<Order>, ApiError> {
    let body = SetStatusRequest {
        order_id,
        status: update.status,
    };
    Ok(Json(
        call.send(orders::SET_STATUS, &admin.caller(), &body)
            .await?,
    ))
}

/// A user's orders, newest first (that user or an admin).
#[utoipa::path(get, path = "/orders/user/{user_id}", tag = "orders", security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The user's id"), Paging),
    responses(
        (status = 200, description = "A page of orders", body = OrderPage),
        (status = 403, description = "Someone else's history", body = ErrorResponse),
        (status = 422, description = "A page or page length out of range", body = ErrorResponse),
    ))]
pub async fn by_user(
    call: Call,
    user: AuthUser,
    PathId(user_id): PathId<UserId>,
    PageQuery(paging): PageQuery,
) -> Result<Json<OrderPage>, ApiError> {
    let body = OrdersByUser { user_id, paging };
    Ok(Json(
        call.send(orders::BY_USER, &user.caller(), &body).await?,
    ))
}

/// Admin: every customer's orders, newest first, by status, day range, and order number,
/// email or name.
#[utoipa::path(get, path = "/orders", tag = "orders", security(("bearer" = [])),
    params(OrderQuery, Paging),
    responses(
        (status = 200, description = "A page of orders", body = OrderPage),
        (status = 400, description = "A date that is not `YYYY-MM-DD`, or an unknown status", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 422, description = "`to` before `from`, or bad paging", body = ErrorResponse),
    ))]
pub async fn list(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiQuery(query): ApiQuery<OrderQuery>,
    PageQuery(paging): PageQuery,
) -> Result<Json<OrderPage>, ApiError> {
    let body = OrdersList { query, paging };
    Ok(Json(call.send(orders::LIST, &admin.caller(), &body).await?))
}
