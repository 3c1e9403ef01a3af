//! `/users/*` -> `mk.auth.profile_*`, `mk.auth.users_list`, `mk.auth.roles_set`.

use axum::Json;
use menuskart_schemas::Empty;
use menuskart_schemas::audit::RolesUpdate;
use menuskart_schemas::auth::{Profile, ProfilePatch, Role, UsersListRequest, UsersPage};
use menuskart_schemas::ids::UserId;
use menuskart_schemas::paging::Paging;
use menuskart_schemas::subjects::auth;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{AdminUser, AuthUser};
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PageQuery, PathId};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_me, patch_me))
        .routes(routes!(list_users))
        .routes(routes!(set_roles))
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

/// PUT /users/{user_id}/roles body.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RolesBody {
    /// The account's roles from now on (`customer` is always kept).
    pub roles: Vec<Role>,
}

/// Admin: set an account's roles; the change is in the audit log. Taking the admin role away
/// ends the account's sessions (its access token works until it expires, minutes at most);
/// nobody can take it from themselves.
#[utoipa::path(put, path = "/users/{user_id}/roles", tag = "users", security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The account's id")),
    request_body = RolesBody,
    responses(
        (status = 200, description = "The account with its new roles", body = Profile),
        (status = 401, description = "Missing or bad token", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 404, description = "No such account", body = ErrorResponse),
        (status = 409, description = "An admin taking the admin role from themselves", body = ErrorResponse),
        (status = 422, description = "An unknown role", body = ErrorResponse),
    ))]
pub async fn set_roles(
    call: Call,
    AdminUser(admin): AdminUser,
    PathId(user_id): PathId<UserId>,
    ApiJson(body): ApiJson<RolesBody>,
) -> Result<Json<Profile>, ApiError> {
    let profile = call
        .send(
            auth::ROLES_SET,
            &admin.caller(),
            &RolesUpdate {
                user_id,
                roles: body.roles,
            },
        )
        .await?;
    Ok(Json(profile))
}
