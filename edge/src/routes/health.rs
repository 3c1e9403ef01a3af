//! Liveness and readiness.

use axum::Json;
use axum::extract::State;
use menuskart_schemas::ErrorCode;
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::errors::{ApiError, ErrorResponse};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Ready to serve: connected to NATS.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Connected to NATS", body = Health),
        (status = 503, description = "Not connected to NATS", body = ErrorResponse),
    ))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    match state.bus.client().connection_state() {
        async_nats::connection::State::Connected => Ok(Json(Health { status: "ready" })),
        other => Err(ApiError::new(
            ErrorCode::Unavailable,
            format!("not connected to NATS ({other})"),
        )),
    }
}
