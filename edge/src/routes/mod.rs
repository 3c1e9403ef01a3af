//! One file per resource: path -> subject, with the OpenAPI description of each route.

pub mod audit;
pub mod auth;
pub mod cart;
pub mod delivery;
pub mod health;
pub mod inventory;
pub mod notifications;
pub mod order_events;
pub mod orders;
pub mod orders_export;
pub mod payments;
pub mod pricing;
pub mod products;
pub mod sales;
pub mod sitemap;
pub mod users;

use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// Every API route with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(auth::router())
        .merge(users::router())
        .merge(inventory::router())
        .merge(products::router())
        .merge(cart::router())
        .merge(orders::router())
        .merge(delivery::router())
        .merge(payments::router())
        .merge(sales::router())
        .merge(audit::router())
        .merge(sitemap::router())
        .merge(pricing::router())
        .merge(notifications::router())
        .merge(health::router())
}
