//! One file per resource: path -> subject, with the OpenAPI description of each route.

pub mod auth;
pub mod cart;
pub mod health;
pub mod inventory;
pub mod notifications;
pub mod order_events;
pub mod orders;
pub mod payments;
pub mod products;
pub mod users;

use utoipa_axum::router::OpenApiRouter;

use crate::rate_limit::RateLimit;
use crate::state::AppState;

/// Every API route with its OpenAPI entry; `auth_rate` limits the credential routes.
pub fn router(auth_rate: &RateLimit) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(auth::router(auth_rate))
        .merge(users::router())
        .merge(inventory::router())
        .merge(products::router())
        .merge(cart::router())
        .merge(orders::router())
        .merge(payments::router())
        .merge(notifications::router())
        .merge(health::router())
}
