//! The OpenAPI document (`/openapi.json`) and Swagger UI (`/docs`, assets vendored from
//! crates.io, so nothing is fetched at build or run time). Generated from the route
//! annotations and the `menuskart-schemas` types, so it cannot drift from the code.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "MenusKart API", description = "The public HTTP API of MenusKart."),
    paths(
        routes::auth::register,
        routes::auth::login,
        routes::auth::refresh,
        routes::auth::logout,
        routes::auth::validate_token,
        routes::auth::password_reset,
        routes::auth::password_reset_confirm,
        routes::auth::verify_email,
        routes::auth::verify_email_resend,
        routes::users::get_me,
        routes::users::patch_me,
        routes::users::list_users,
        routes::products::list,
        routes::products::search,
        routes::products::details,
        routes::products::create,
        routes::products::replace,
        routes::products::patch,
        routes::products::remove,
        routes::products::add_review,
        routes::products::reviews,
        routes::products::categories,
        routes::products::create_category,
        routes::inventory::stock,
        routes::inventory::update,
        routes::cart::show,
        routes::cart::add,
        routes::cart::set_quantity,
        routes::cart::remove,
        routes::cart::clear,
        routes::orders::place,
        routes::orders::show,
        routes::orders::cancel,
        routes::orders::set_status,
        routes::orders::by_user,
        routes::orders::list,
        routes::order_events::order_events,
        routes::payments::pay,
        routes::payments::show,
        routes::payments::of_order,
        routes::payments::refund,
        routes::payments::webhook,
        routes::notifications::create_campaign,
        routes::notifications::campaign,
        routes::notifications::unsubscribe,
        routes::health::healthz,
        routes::health::readyz,
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}
