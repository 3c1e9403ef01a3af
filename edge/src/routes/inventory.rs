//! `/inventory/*` -> `mk.inventory.get|update`. Reserve, release and commit are not public:
//! only the order service calls them, over NATS.

use axum::Json;
use axum::extract::Path;
use menuskart_kit::Caller;
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::inventory::{StockLevel, StockQuery, StockUpdate};
use menuskart_schemas::subjects::inventory;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::ApiJson;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(update))
        .routes(routes!(stock))
}

/// A product's stock: units available to sell and units held for unpaid orders.
#[utoipa::path(get, path = "/inventory/{product_id}", tag = "inventory",
    params(("product_id" = String, Path, description = "The product's id")),
    responses(
        (status = 200, description = "Stock levels (zero for a product never stocked)", body = StockLevel),
        (status = 422, description = "Malformed product id", body = ErrorResponse),
    ))]
pub async fn stock(
    call: Call,
    Path(product_id): Path<String>,
) -> Result<Json<StockLevel>, ApiError> {
    // Checked here, so a malformed id is the 422 the worker would give, without asking it.
    let product_id = ProductId::parse(&product_id)?;
    let level = call
        .send(
            inventory::GET,
            &Caller::anonymous(),
            &StockQuery { product_id },
        )
        .await?;
    Ok(Json(level))
}

/// Admin: set (`set`) or adjust (`delta`) a product's available stock; it never goes below zero.
#[utoipa::path(post, path = "/inventory/update", tag = "inventory", security(("bearer" = [])),
    request_body = StockUpdate,
    responses(
        (status = 200, description = "The new stock levels", body = StockLevel),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 409, description = "The change would make stock negative", body = ErrorResponse),
        (status = 422, description = "Neither or both of set/delta, or out of range", body = ErrorResponse),
    ))]
pub async fn update(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<StockUpdate>,
) -> Result<Json<StockLevel>, ApiError> {
    let level = call.send(inventory::UPDATE, &admin.caller(), &body).await?;
    Ok(Json(level))
}
