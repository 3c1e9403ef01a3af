//! `/users/*` -> `mk.auth.profile_*`, `mk.auth.users_list`.

use axum::Json;
use menuskart_schemas::Empty;
use menuskart_schemas::auth::{Profile, ProfilePatch, UsersListRequest, UsersPage};
use menuskart_schemas::paging::Paging;
use menuskart_schemas::subjects::auth;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, AuthUser};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PageQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_me, patch_me))
        .routes(routes!(list_users))
}

/// The caller's profile.
#[utoipa::path(get, path = "/users/me", tag = "users", security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile", body = Profile),
        (status = 401, description = "Missing or bad token", body = ErrorResponse),
    ))]
pub async fn get_me(call: Call, user: AuthUser) -> Result<Json<Profile>, ApiError> {
    let profile = call
        .send(auth::PROFILE_GET, &user.caller(), &Empty {})
        .await?;
    Ok(Json(profile))
}

/// Change name, phone (`null` removes it), addresses or marketing consent; absent fields stay.
#[utoipa::path(patch, path = "/users/me", tag = "users", security(("bearer" = [])),
    request_body = ProfilePatch,
    responses(
        (status = 200, description = "The updated profile", body = Profile),
        (status = 401, description = "Missing or bad token", body = ErrorResponse),
        (status = 422, description = "A field breaks its rules", body = ErrorResponse),
    ))]
pub async fn patch_me(
    call: Call,
    user: AuthUser,
    ApiJson(patch): ApiJson<ProfilePatch>,
) -> Result<Json<Profile>, ApiError> {
    let profile = call
        .send(auth::PROFILE_UPDATE, &user.caller(), &patch)
        .await?;
    Ok(Json(profile))
}

/// GET /users filter.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Only accounts whose email contains this (any case).
    pub email: Option<String>,
}

/// Admin: all accounts, newest first, or those whose email contains `email`.
#[utoipa::path(get, path = "/users", tag = "users", security(("bearer" = [])), params(Paging, UserFilter),
    responses(
        (status = 200, description = "A page of accounts", body = UsersPage),
        (status = 401, description = "Missing or bad token", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 422, description = "A page or page length out of range", body = ErrorResponse),
    ))]
pub async fn list_users(
    call: Call,
    AdminUser(admin): AdminUser,
    PageQuery(paging): PageQuery,
    ApiQuery(filter): ApiQuery<UserFilter>,
) -> Result<Json<UsersPage>, ApiError> {
    let users = call
        .send(
            auth::USERS_LIST,
            &admin.caller(),
            &UsersListRequest {
                paging,
                email: filter.email,
            },
        )
        .await?;
    Ok(Json(users))
}
