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
        routes::products::attributes,
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
    modifiers(&BearerAuth, &OperationIds),
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

/// Operation ids are the handlers' names, which repeat across resources (`show` for a cart, an
/// order and a payment) and across methods (one handler for GET and POST); client generators
/// key operations by id, so each becomes `<tag>_<name>` (`orders_show`), `_<method>` added
/// where that is still taken.
struct OperationIds;

impl Modify for OperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut taken = std::collections::HashSet::new();
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("patch", &mut item.patch),
            ];
            for (method, operation) in operations {
                let Some(operation) = operation else { continue };
                let tag = operation
                    .tags
                    .as_ref()
                    .and_then(|tags| tags.first())
                    .cloned();
                if let (Some(tag), Some(id)) = (tag, operation.operation_id.as_mut()) {
                    *id = format!("{tag}_{id}");
                    if !taken.insert(id.clone()) {
                        *id = format!("{id}_{method}");
                        taken.insert(id.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use utoipa::OpenApi;

    use super::ApiDoc;

    /// What client generators (the storefront's openapi-typescript) rely on.
    #[test]
    fn operation_ids_are_unique_and_path_parameters_are_in_the_path() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let mut ids = HashSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let id = operation["operationId"].as_str().unwrap();
                assert!(ids.insert(id.to_owned()), "operationId {id} twice");
                for parameter in operation["parameters"].as_array().into_iter().flatten() {
                    if parameter["in"] == "path" {
                        let name = parameter["name"].as_str().unwrap();
                        assert!(
                            path.contains(&format!("{{{name}}}")),
                            "{method} {path}: {name} is no path parameter"
                        );
                    }
                }
            }
        }
        assert!(ids.contains("orders_show") && ids.contains("payments_show"));
    }
}
