//! `/sales/*`: the shop's sales, for its staff. (Not under `/admin`: that prefix is the
//! storefront's admin app, and app paths never share a prefix with the API.)

use axum::Json;
use menuskart_schemas::Empty;
use menuskart_schemas::orders::SalesOverview;
use menuskart_schemas::subjects::orders;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(overview))
}

/// Admin: orders and revenue today, over the last 7 and 30 days (calendar days in the shop's
/// time zone), the paid orders waiting to be fulfilled and the best sellers of 30 days.
#[utoipa::path(get, path = "/sales/overview", tag = "orders", security(("bearer" = [])),
    responses(
        (status = 200, description = "The shop's sales at a glance", body = SalesOverview),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
    ))]
pub async fn overview(
    call: Call,
    AdminUser(admin): AdminUser,
) -> Result<Json<SalesOverview>, ApiError> {
    Ok(Json(
        call.send(orders::OVERVIEW, &admin.caller(), &Empty {})
            .await?,
    ))
}
