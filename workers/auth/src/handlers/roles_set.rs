//! `mk.auth.roles_set` (admin): set an account's roles, logged in the audit log. The caller
//! must still be an admin in the database (a demoted admin's token is minutes from expiry, not
//! a licence); an admin cannot take the admin role from themselves, and the shop always keeps
//! one.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::RolesUpdate;
use menuskart_schemas::auth::{Profile, Role};

use crate::state::AuthState;
use crate::store::role_changes::RolesOutcome;

#[tracing::instrument(skip_all, fields(user_id = %req.body.user_id))]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<RolesUpdate>,
) -> Result<Profile, ReplyError> {
    let admin = req.caller.require_admin()?;
    let RolesUpdate { user_id, roles } = req.body;
    if user_id == admin && !roles.contains(&Role::Admin) {
        return Err(ReplyError::conflict(
            "you cannot take the admin role from yourself; ask another admin",
        ));
    }
    match state.store.set_roles(user_id, &roles, admin).await? {
        RolesOutcome::Set(user) => {
            tracing::info!(%admin, roles = ?user.roles, "roles set");
            Ok(user.into_profile())
        }
        RolesOutcome::NoSuchAccount => Err(ReplyError::not_found("no such account")),
        RolesOutcome::ActorNotAdmin => Err(ReplyError::forbidden("admin role required")),
        RolesOutcome::LastAdmin => Err(ReplyError::conflict(
            "the shop must keep at least one admin",
        )),
    }
}
