//! The OpenAPI document (`/openapi.json`) and Swagger UI (`/docs`, assets vendored from
//! crates.io, so nothing is fetched at build or run time). Each route registers its own entry
//! where it is routed (utoipa-axum's `routes!`, in `crate::routes`), from its annotation and
//! the `menuskart-schemas` types, so a route cannot be served undocumented or documented and
//! not served.

use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// The API's routes and their document: what the edge serves and `/openapi.json` describes.
pub fn split(routes: OpenApiRouter<AppState>) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(routes)
        .split_for_parts();
    // After the paths are in: the ids are made from every operation's tag.
    OperationIds.modify(&mut document);
    (router, document)
}

#[derive(OpenApi)]
#[openapi(
    info(title = "MenusKart API", description = "The public HTTP API of MenusKart."),
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

    /// What client generators (the storefront's openapi-typescript) rely on.
    #[test]
    fn operation_ids_are_unique_and_path_parameters_are_in_the_path() {
        let (_, document) = super::split(crate::routes::router());
        let doc = serde_json::to_value(document).unwrap();
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
