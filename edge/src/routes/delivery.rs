//! `/delivery-methods`: how orders can be delivered and what it costs -> `mk.orders.delivery_*`.

use axum::Json;
use axum::http::StatusCode;
use menuskart_schemas::delivery::{
    DeliveryMethod, DeliveryMethodInput, DeliveryMethodUpdate, DeliveryMethods, ListDeliveryMethods,
};
use menuskart_schemas::ids::DeliveryMethodId;
use menuskart_schemas::subjects::orders;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, MaybeUser};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PathId};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update))
}

/// GET /delivery-methods parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryFilter {
    /// Admin: the hidden methods too.
    #[serde(default)]
    pub all: bool,
}

/// The delivery methods offered at checkout, by position, with the tax rate delivery carries;
/// `?all=true` (admin): the hidden ones too.
#[utoipa::path(get, path = "/delivery-methods", tag = "delivery", params(DeliveryFilter),
    responses(
        (status = 200, description = "The methods", body = DeliveryMethods),
        (status = 403, description = "`all` without an admin's token", body = ErrorResponse),
    ))]
pub async fn list(
    call: Call,
    user: MaybeUser,
    ApiQuery(filter): ApiQuery<DeliveryFilter>,
) -> Result<Json<DeliveryMethods>, ApiError> {
    let request = ListDeliveryMethods {
        include_inactive: filter.all,
    };
    Ok(Json(
        call.send(orders::DELIVERY_METHODS, &user.caller(), &request)
            .await?,
    ))
}

/// Admin: offer a delivery method (`name` and `price` required; the price as listed, with tax
/// when the shop's prices include it; free from `free_above` of goods).
#[utoipa::path(post, path = "/delivery-methods", tag = "delivery", security(("bearer" = [])),
    request_body = DeliveryMethodInput,
    responses(
        (status = 201, description = "The new method", body = DeliveryMethod),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 422, description = "A field breaks its rules (details name it)", body = ErrorResponse),
    ))]
pub async fn create(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiJson(input): ApiJson<DeliveryMethodInput>,
) -> Result<(StatusCode, Json<DeliveryMethod>), ApiError> {
    let method = call
        .send(orders::DELIVERY_METHOD_CREATE, &admin.caller(), &input)
        .await?;
    Ok((StatusCode::CREATED, Json(method)))
}

/// Admin: change a delivery method (absent fields stay; `free_above: null` removes the
/// threshold; `active: false` hides it from checkout). Placed orders keep what they were charged.
#[utoipa::path(patch, path = "/delivery-methods/{method_id}", tag = "delivery", security(("bearer" = [])),
    params(("method_id" = Uuid, Path, description = "The method's id")),
    request_body = DeliveryMethodInput,
    responses(
        (status = 200, description = "The method as changed", body = DeliveryMethod),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 404, description = "No such method", body = ErrorResponse),
        (status = 422, description = "A field breaks its rules (details name it)", body = ErrorResponse),
    ))]
pub async fn update(
    call: Call,
    AdminUser(admin): AdminUser,
    PathId(id): PathId<DeliveryMethodId>,
    ApiJson(input): ApiJson<DeliveryMethodInput>,
) -> Result<Json<DeliveryMethod>, ApiError> {
    let method = call
        .send(
            orders::DELIVERY_METHOD_UPDATE,
            &admin.caller(),
            &DeliveryMethodUpdate { id, input },
        )
        .await?;
    Ok(Json(method))
}
