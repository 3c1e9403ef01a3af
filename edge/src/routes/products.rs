//! `/products*` and `/categories` -> `mk.catalog.*`.

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use menuskart_kit::Caller;
use menuskart_schemas::Empty;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::catalog::{
    AddReview, AttributeFacets, Category, CategoryInput, CategoryPatch, CategoryRef, CreateProduct,
    ListProducts, ListReviews, Product, ProductInput, ProductPage, ProductPatch, ProductRef,
    Review, ReviewInput, ReviewPage, ReviewRef, Sort, StatusFilter, UpdateCategory, UpdateProduct,
};
use menuskart_schemas::paging::Paging;
use menuskart_schemas::subjects::catalog;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, AuthUser, Viewer};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PageQuery};
use crate::rate_limit::{Admitted, ReviewWrites};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(search))
        .routes(routes!(details, replace, patch, remove))
        .routes(routes!(reviews, add_review))
        .routes(routes!(remove_review))
        .routes(routes!(categories, create_category))
        .routes(routes!(update_category, delete_category))
        .routes(routes!(attributes))
}

/// Listing filters. `attr.<name>=<value>` filters on an attribute (e.g. `attr.spice=hot`).
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query string; parsed by `filters`
pub struct Filters {
    /// Full-text query (search only).
    query: Option<String>,
    /// Category slug; sub-categories are included.
    category: Option<String>,
    /// Minor units.
    min_price: Option<i64>,
    max_price: Option<i64>,
    in_stock: Option<bool>,
    /// At most this many units available: low stock.
    max_available: Option<i64>,
    /// relevance, price_asc, price_desc, newest, name
    sort: Option<String>,
    /// active (the default), draft, archived or any; anything but active needs an admin's token.
    status: Option<String>,
}

/// Parses the query string: known keys (the filters and [`Paging`]'s), `attr.*`, and nothing
/// else.
fn filters(pairs: Vec<(String, String)>) -> Result<ListProducts, ApiError> {
    let bad = |key: &str, why: &str| ApiError::new(ErrorCode::BadRequest, format!("{key}: {why}"));
    let mut list = ListProducts::default();
    for (key, value) in pairs {
        let number = || {
            value
                .parse::<i64>()
                .map_err(|_| bad(&key, "must be a whole number"))
        };
        let count = || {
            value
                .parse::<u32>()
                .map_err(|_| bad(&key, "must be a positive whole number"))
        };
        match key.as_str() {
            "query" | "q" => list.query = Some(value.clone()),
            "category" => list.category = Some(value.clone()),
            "min_price" => list.min_price = Some(number()?),
            "max_available" => list.max_available = Some(number()?),
            "max_price" => list.max_price = Some(number()?),
            "in_stock" => {
                list.in_stock = Some(
                    value
                        .parse()
                        .map_err(|_| bad(&key, "must be true or false"))?,
                )
            }
            "sort" => {
                list.sort = serde_json::from_value::<Sort>(serde_json::Value::String(value.clone()))
                    .map_err(|_| {
                        bad(
                            &key,
                            "must be relevance, price_asc, price_desc, newest or name",
                        )
                    })?
            }
            "status" => {
                list.status =
                    serde_json::from_value::<StatusFilter>(serde_json::Value::String(value.clone()))
                        .map_err(|_| bad(&key, "must be active, draft, archived or any"))?
            }
            "page" => list.paging.page = count()?,
            "per_page" => list.paging.per_page = count()?,
            other => match other.strip_prefix("attr.") {
                Some(name) => {
                    list.attributes.insert(name.to_owned(), value.clone());
                }
                None => return Err(bad(other, "unknown parameter")),
            },
        }
    }
    list.paging.window()?;
    Ok(list)
}

/// Products, filtered, sorted and paginated.
#[utoipa::path(get, path = "/products", tag = "catalog", params(Filters, Paging),
    responses(
        (status = 200, description = "A page of products", body = ProductPage),
        (status = 400, description = "A malformed parameter", body = ErrorResponse),
        (status = 403, description = "Another status than active without an admin's token", body = ErrorResponse),
        (status = 422, description = "A parameter out of range", body = ErrorResponse),
    ))]
pub async fn list(
    call: Call,
    Viewer(viewer): Viewer,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<ProductPage>, ApiError> {
    Ok(Json(
        call.send(catalog::LIST, &viewer, &filters(pairs)?).await?,
    ))
}

/// Full-text search (`query`), ranked by relevance, with the listing filters.
#[utoipa::path(get, path = "/products/search", tag = "catalog", params(Filters, Paging),
    responses(
        (status = 200, description = "Matching products, best first", body = ProductPage),
        (status = 422, description = "Empty or too long query", body = ErrorResponse),
    ))]
pub async fn search(
    call: Call,
    Viewer(viewer): Viewer,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<ProductPage>, ApiError> {
    Ok(Json(
        call.send(catalog::SEARCH, &viewer, &filters(pairs)?)
            .await?,
    ))
}

/// One product by id or slug, with its current stock and rating.
#[utoipa::path(get, path = "/products/{id}", tag = "catalog",
    params(("id" = String, Path, description = "Product id or slug")),
    responses(
        (status = 200, description = "The product", body = Product),
        (status = 404, description = "No such product (or not active, unless an admin asks)", body = ErrorResponse),
    ))]
pub async fn details(
    call: Call,
    Viewer(viewer): Viewer,
    Path(id): Path<String>,
) -> Result<Json<Product>, ApiError> {
    Ok(Json(
        call.send(catalog::GET, &viewer, &ProductRef { id }).await?,
    ))
}

/// Admin: add a product.
#[utoipa::path(post, path = "/products", tag = "catalog", security(("bearer" = [])), request_body = ProductInput,
    responses(
        (status = 201, description = "Created", body = Product),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 409, description = "The slug is taken", body = ErrorResponse),
        (status = 422, description = "Empty name, negative price, unknown currency or category", body = ErrorResponse),
    ))]
pub async fn create(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiJson(product): ApiJson<ProductInput>,
) -> Result<(StatusCode, Json<Product>), ApiError> {
    let created = call
        .send(catalog::CREATE, &admin.caller(), &CreateProduct { product })
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Admin: replace a product.
#[utoipa::path(put, path = "/products/{id}", tag = "catalog", security(("bearer" = [])), request_body = ProductInput,
    params(("id" = String, Path, description = "Product id or slug")),
    responses(
        (status = 200, description = "Replaced", body = Product),
        (status = 404, description = "No such product", body = ErrorResponse),
        (status = 422, description = "Invalid content", body = ErrorResponse),
    ))]
pub async fn replace(
    call: Call,
    AdminUser(admin): AdminUser,
    Path(id): Path<String>,
    ApiJson(product): ApiJson<ProductInput>,
) -> Result<Json<Product>, ApiError> {
    let update = UpdateProduct {
        id,
        put: Some(product),
        patch: None,
    };
    Ok(Json(
        call.send(catalog::UPDATE, &admin.caller(), &update).await?,
    ))
}

/// Admin: change some fields of a product.
#[utoipa::path(patch, path = "/products/{id}", tag = "catalog", security(("bearer" = [])), request_body = ProductPatch,
    params(("id" = String, Path, description = "Product id or slug")),
    responses(
        (status = 200, description = "Updated", body = Product),
        (status = 404, description = "No such product", body = ErrorResponse),
        (status = 422, description = "Invalid content", body = ErrorResponse),
    ))]
pub async fn patch(
    call: Call,
    AdminUser(admin): AdminUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<ProductPatch>,
) -> Result<Json<Product>, ApiError> {
    let update = UpdateProduct {
        id,
        put: None,
        patch: Some(patch),
    };
    Ok(Json(
        call.send(catalog::UPDATE, &admin.caller(), &update).await?,
    ))
}

/// Admin: remove a product.
#[utoipa::path(delete, path = "/products/{id}", tag = "catalog", security(("bearer" = [])),
    params(("id" = String, Path, description = "Product id or slug")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such product", body = ErrorResponse),
    ))]
pub async fn remove(
    call: Call,
    AdminUser(admin): AdminUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let _: Empty = call
        .send(catalog::DELETE, &admin.caller(), &ProductRef { id })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The category tree.
#[utoipa::path(get, path = "/categories", tag = "catalog",
    responses((status = 200, description = "Root categories with their children", body = [Category])))]
pub async fn categories(call: Call) -> Result<Json<Vec<Category>>, ApiError> {
    Ok(Json(
        call.send(catalog::CATEGORIES, &Caller::anonymous(), &Empty {})
            .await?,
    ))
}

/// The attributes products have (`spice`, `vegan`, ...), each value with how many products
/// have it: what the listing's `attr.<name>=<value>` filters can be.
#[utoipa::path(get, path = "/attributes", tag = "catalog",
    responses((status = 200, description = "Attributes by name, values most common first", body = AttributeFacets)))]
pub async fn attributes(call: Call) -> Result<Json<AttributeFacets>, ApiError> {
    Ok(Json(
        call.send(catalog::ATTRIBUTES, &Caller::anonymous(), &Empty {})
            .await?,
    ))
}

/// Admin: add a category (under `parent`, or at the root).
#[utoipa::path(post, path = "/categories", tag = "catalog", security(("bearer" = [])), request_body = CategoryInput,
    responses(
        (status = 201, description = "Created", body = Category),
        (status = 409, description = "The slug is taken", body = ErrorResponse),
        (status = 422, description = "Bad slug or unknown parent", body = ErrorResponse),
    ))]
pub async fn create_category(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiJson(category): ApiJson<CategoryInput>,
) -> Result<(StatusCode, Json<Category>), ApiError> {
    let created = call
        .send(catalog::CATEGORY_CREATE, &admin.caller(), &category)
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Admin: rename a category, move it (`parent`; `null`: to the top; its sub-categories and
/// products come along), or set its tax rate (`tax_rate_bp: null`: its parent's again). Its
/// products' prices stay; their tax changes with the rate.
#[utoipa::path(patch, path = "/categories/{slug}", tag = "catalog", security(("bearer" = [])),
    request_body = CategoryPatch, params(("slug" = String, Path, description = "Category slug")),
    responses(
        (status = 200, description = "Updated, with its children", body = Category),
        (status = 404, description = "No such category", body = ErrorResponse),
        (status = 422, description = "Empty name or a rate outside 0..10000", body = ErrorResponse),
    ))]
pub async fn update_category(
    call: Call,
    AdminUser(admin): AdminUser,
    Path(slug): Path<String>,
    ApiJson(patch): ApiJson<CategoryPatch>,
) -> Result<Json<Category>, ApiError> {
    Ok(Json(
        call.send(
            catalog::CATEGORY_UPDATE,
            &admin.caller(),
            &UpdateCategory { slug, patch },
        )
        .await?,
    ))
}

/// Admin: remove a category that no product (of any status) and no sub-category uses.
#[utoipa::path(delete, path = "/categories/{slug}", tag = "catalog", security(("bearer" = [])),
    params(("slug" = String, Path, description = "Category slug")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such category", body = ErrorResponse),
        (status = 409, description = "Products or sub-categories use it", body = ErrorResponse),
    ))]
pub async fn delete_category(
    call: Call,
    AdminUser(admin): AdminUser,
    Path(slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    let _: Empty = call
        .send(
            catalog::CATEGORY_DELETE,
            &admin.caller(),
            &CategoryRef { slug },
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Review a product: rating 1 to 5 and a text; one review per user and product.
#[utoipa::path(post, path = "/products/{id}/reviews", tag = "catalog", security(("bearer" = [])),
    request_body = ReviewInput, params(("id" = String, Path, description = "Product id or slug")),
    responses(
        (status = 201, description = "Added; the product's rating includes it", body = Review),
        (status = 401, description = "Not logged in", body = ErrorResponse),
        (status = 404, description = "No such product", body = ErrorResponse),
        (status = 409, description = "Already reviewed by this user", body = ErrorResponse),
        (status = 422, description = "Rating out of 1..5 or text too long", body = ErrorResponse),
        (status = 429, description = "Too many reviews from this client or account", body = ErrorResponse),
    ))]
pub async fn add_review(
    _: Admitted<ReviewWrites>,
    call: Call,
    user: AuthUser,
    Path(product_id): Path<String>,
    ApiJson(review): ApiJson<ReviewInput>,
) -> Result<(StatusCode, Json<Review>), ApiError> {
    let added = call
        .send(
            catalog::REVIEW_ADD,
            &user.caller(),
            &AddReview { product_id, review },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(added)))
}

/// A product's reviews, newest first.
#[utoipa::path(get, path = "/products/{id}/reviews", tag = "catalog",
    params(("id" = String, Path, description = "Product id or slug"), Paging),
    responses(
        (status = 200, description = "A page of reviews", body = ReviewPage),
        (status = 404, description = "No such product", body = ErrorResponse),
        (status = 422, description = "A page or page length out of range", body = ErrorResponse),
    ))]
pub async fn reviews(
    call: Call,
    Viewer(viewer): Viewer,
    Path(product_id): Path<String>,
    PageQuery(paging): PageQuery,
) -> Result<Json<ReviewPage>, ApiError> {
    let query = ListReviews { product_id, paging };
    Ok(Json(call.send(catalog::REVIEWS, &viewer, &query).await?))
}

/// Remove a review: the shop's admins (spam, abuse), or its author. The rating follows.
#[utoipa::path(delete, path = "/products/{id}/reviews/{review_id}", tag = "catalog", security(("bearer" = [])),
    params(("id" = String, Path, description = "Product id or slug"),
           ("review_id" = String, Path, description = "The review's id")),
    responses(
        (status = 204, description = "Removed; the product's rating no longer counts it"),
        (status = 401, description = "Not logged in", body = ErrorResponse),
        (status = 403, description = "Neither an admin nor the review's author", body = ErrorResponse),
        (status = 404, description = "No such product or review", body = ErrorResponse),
    ))]
pub async fn remove_review(
    call: Call,
    user: AuthUser,
    Path((product_id, review_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let _: Empty = call
        .send(
            catalog::REVIEW_DELETE,
            &user.caller(),
            &ReviewRef {
                product_id,
                review_id,
            },
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn query_strings_become_filters() {
        let list = filters(pairs(&[
            ("category", "curries"),
            ("min_price", "100"),
            ("in_stock", "true"),
            ("sort", "price_desc"),
            ("attr.spice", "hot"),
            ("page", "2"),
        ]))
        .unwrap();
        assert_eq!(list.category.as_deref(), Some("curries"));
        assert_eq!(list.min_price, Some(100));
        assert_eq!(list.in_stock, Some(true));
        assert_eq!(list.sort, Sort::PriceDesc);
        assert_eq!(
            list.attributes.get("spice").map(String::as_str),
            Some("hot")
        );
        assert_eq!(list.paging, Paging::new(2, 20));
    }

    #[test]
    fn pages_out_of_range_are_422() {
        for bad in [("page", "0"), ("page", "999999999"), ("per_page", "101")] {
            assert_eq!(
                filters(pairs(&[bad])).unwrap_err().code(),
                ErrorCode::ValidationFailed
            );
        }
    }

    #[test]
    fn bad_parameters_are_400() {
        for bad in [
            ("min_price", "cheap"),
            ("sort", "random"),
            ("page", "-1"),
            ("colour", "red"),
        ] {
            assert_eq!(
                filters(pairs(&[bad])).unwrap_err().code(),
                ErrorCode::BadRequest
            );
        }
    }
}
