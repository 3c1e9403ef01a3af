//! `/pricing` -> `mk.catalog.shop`: the shop's currency and how its prices are taxed. (Not
//! `/shop`: that is the storefront's catalog page, and app paths never share a prefix with the
//! API.)

use axum::Json;
use menuskart_kit::Caller;
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::ShopInfo;
use menuskart_schemas::subjects::catalog;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::bus::Call;
use crate::errors::ApiError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(pricing))
}

/// The shop's one currency and whether its prices include tax: a client prints "incl. VAT"
/// (or "plus VAT") beside prices by it.
#[utoipa::path(get, path = "/pricing", tag = "catalog",
    responses((status = 200, description = "How the shop prices", body = ShopInfo)))]
pub async fn pricing(call: Call) -> Result<Json<ShopInfo>, ApiError> {
    Ok(Json(
        call.send(catalog::SHOP, &Caller::anonymous(), &Empty {})
            .await?,
    ))
}
