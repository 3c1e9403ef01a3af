//! The first admin, named by `MK_ADMIN_EMAIL` / `MK_ADMIN_PASSWORD` (both or neither).
//!
//! A new account is created with that password and the admin role. An account that already
//! has the address is made admin only when its password *is* `MK_ADMIN_PASSWORD`: anyone can
//! register an address before the operator starts the shop, and the admin role must never go to
//! an account whose password the operator does not know. Otherwise nothing changes, and the log
//! says why (auth keeps serving: an attacker's registration must not stop the shop).

use menuskart_kit::{Context, StartupError};
use menuskart_schemas::auth::Role;
use secrecy::ExposeSecret;

use crate::domain::{DisplayName, Email, Password, ValidationError};
use crate::password_hasher::PasswordHasher;
use crate::settings::Settings;
use crate::store::Store;

/// What became of the first admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    NotConfigured,
    Created,
    AlreadyAdmin,
    Promoted,
    /// The address belongs to an account with another password: not made admin.
    Refused,
    /// An admin took the role from the account: start-up does not give it back.
    DemotedByAnAdmin,
}

pub async fn ensure(
    settings: &Settings,
    store: &Store,
    hasher: &PasswordHasher,
) -> Result<Outcome, StartupError> {
    let invalid = |e: ValidationError| StartupError::setting(format!("first admin: {e}"));
    let (email, password) = match (&settings.admin_email, &settings.admin_password) {
        (None, None) => return Ok(Outcome::NotConfigured),
        (Some(email), Some(password)) => (
            Email::parse(email).map_err(invalid)?,
            Password::parse(password.expose_secret().to_owned()).map_err(invalid)?,
        ),
        _ => {
            return Err(StartupError::setting(
                "MK_ADMIN_EMAIL and MK_ADMIN_PASSWORD go together",
            ));
        }
    };
    let hash = hasher.hash(&password).await.context("password hasher")?;
    let name = DisplayName::parse("Administrator").map_err(invalid)?;
    if store
        .create_admin(&email, &hash, &name)
        .await
        .context("auth database")?
    {
        tracing::info!(email = email.as_str(), "first admin created");
        return Ok(Outcome::Created);
    }
    let existing = store
        .user_by_email(email.as_str())
        .await
        .context("auth database")?
        .ok_or_else(|| StartupError::setting("first admin: the account vanished meanwhile"))?;
    if existing.roles().contains(&Role::Admin) {
        return Ok(Outcome::AlreadyAdmin);
    }
    // Otherwise any restart would undo an admin's decision, for whoever knows the password.
    if store
        .roles_set_by_an_admin(existing.id)
        .await
        .context("auth database")?
    {
        tracing::warn!(
            email = email.as_str(),
            "an admin took the admin role from MK_ADMIN_EMAIL's account: it is not given back; \
             an admin can restore it on the People page"
        );
        return Ok(Outcome::DemotedByAnAdmin);
    }
    let owned_by_operator = hasher
        .verify(password.expose(), Some(&existing.password_hash))
        .await
        .context("password hasher")?;
    if !owned_by_operator {
        tracing::error!(
            email = email.as_str(),
            "MK_ADMIN_EMAIL names an account someone registered with another password: it is \
             not made admin; choose another address, or sign in with that account's password \
             and put it in MK_ADMIN_PASSWORD"
        );
        return Ok(Outcome::Refused);
    }
    store
        .add_role(existing.id, Role::Admin)
        .await
        .context("auth database")?;
    tracing::info!(email = email.as_str(), "existing account made first admin");
    Ok(Outcome::Promoted)
}
