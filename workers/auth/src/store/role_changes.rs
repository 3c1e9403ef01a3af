//! Accounts' roles and the `role_changes` log, written together: a role change and its entry
//! commit in one transaction, so the log holds every change there is and no other.

use chrono::{DateTime, Utc};
use menuskart_schemas::auth::{Address, Role};
use menuskart_schemas::ids::UserId;
use sqlx::PgConnection;
use sqlx::types::Json;
use uuid::Uuid;

use super::{Store, StoreError, UserRecord};

/// One entry of the log, as stored.
#[derive(Debug, Clone)]
pub struct RoleChange {
    pub id: Uuid,
    pub user_id: Uuid,
    pub email: String,
    pub changed_by: Option<Uuid>,
    pub from_roles: Vec<String>,
    pub to_roles: Vec<String>,
    pub changed_at: DateTime<Utc>,
}

/// What setting an account's roles did.
#[derive(Debug)]
pub enum RolesOutcome {
    /// The account now has the roles (changed and logged, or already had them: nothing logged).
    Set(UserRecord),
    NoSuchAccount,
    /// The actor's token says admin, but the account is no longer one (demoted since the token
    /// was issued): nothing changed.
    ActorNotAdmin,
    /// The change would leave the shop without an admin: nothing changed.
    LastAdmin,
}

/// The advisory lock every role change holds: changes happen one at a time, so two admins
/// demoting each other at once cannot both succeed (the second finds itself no longer admin).
const ROLE_CHANGE_LOCK: i64 = 0x4d4b_524f_4c45; // "MKROLE"

/// `customer` always, the others as given, in one order: the stored form of a role set.
pub fn normalized(roles: &[Role]) -> Vec<String> {
    [Role::Customer, Role::Admin]
        .into_iter()
        .filter(|role| *role == Role::Customer || roles.contains(role))
        .map(|role| role.as_str().to_owned())
        .collect()
}

impl Store {
    /// Sets account `user_id`'s roles for admin `actor`, logging the change in the same
    /// transaction. The actor must be an admin now, not only in their token; the shop keeps at
    /// least one admin. Losing the admin role ends the account's sessions, so no refresh gives
    /// it a new admin token.
    #[tracing::instrument(skip(self))]
    pub async fn set_roles(
        &self,
        user_id: UserId,
        roles: &[Role],
        actor: UserId,
    ) -> Result<RolesOutcome, StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query!("SELECT pg_advisory_xact_lock($1)", ROLE_CHANGE_LOCK)
            .execute(&mut *tx)
            .await?;
        // The token is minutes old; the roles are what they are now.
        let actor_is_admin = sqlx::query_scalar!(
            "SELECT $2 = ANY(roles) AS \"admin!\" FROM users WHERE id = $1",
            actor.0,
            Role::Admin.as_str(),
        )
        .fetch_optional(&mut *tx)
        .await?
        .unwrap_or(false);
        if !actor_is_admin {
            return Ok(RolesOutcome::ActorNotAdmin);
        }
        let Some(current) = sqlx::query!(
            "SELECT email, roles FROM users WHERE id = $1 FOR UPDATE",
            user_id.0
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(RolesOutcome::NoSuchAccount);
        };
        let wanted = normalized(roles);
        let stays_admin = wanted.iter().any(|r| r == Role::Admin.as_str());
        if !stays_admin {
            let other_admins = sqlx::query_scalar!(
                "SELECT count(*) AS \"n!\" FROM users WHERE $2 = ANY(roles) AND id <> $1",
                user_id.0,
                Role::Admin.as_str(),
            )
            .fetch_one(&mut *tx)
            .await?;
            if other_admins == 0 {
                return Ok(RolesOutcome::LastAdmin);
            }
        }
        if normalized(&parsed(&current.roles)) != wanted {
            sqlx::query!(
                "UPDATE users SET roles = $2, updated_at = now() WHERE id = $1",
                user_id.0,
                &wanted,
            )
            .execute(&mut *tx)
            .await?;
            log(
                &mut tx,
                user_id.0,
                &current.email,
                Some(actor.0),
                &current.roles,
                &wanted,
            )
            .await?;
            if !stays_admin {
                sqlx::query!(
                    "UPDATE sessions SET revoked_at = now(), revoked_reason = 'admin role removed' \
                     WHERE user_id = $1 AND revoked_at IS NULL",
                    user_id.0,
                )
                .execute(&mut *tx)
                .await?;
            }
        }
        let user = sqlx::query_as!(
            UserRecord,
            r#"SELECT id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at
               FROM users WHERE id = $1"#,
            user_id.0,
        )
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(RolesOutcome::Set(user))
    }

    /// The log's entries after entry `after` (from the newest when `None`), newest first.
    #[tracing::instrument(skip(self))]
    pub async fn role_changes(
        &self,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<RoleChange>, StoreError> {
        Ok(sqlx::query_as!(
            RoleChange,
            "SELECT id, user_id, email, changed_by, from_roles, to_roles, changed_at \
             FROM role_changes \
             WHERE $1::uuid IS NULL \
                OR (changed_at, id) < (SELECT changed_at, id FROM role_changes WHERE id = $1) \
             ORDER BY changed_at DESC, id DESC LIMIT $2",
            after,
            limit,
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// Whether an admin (a person, not the platform) has set account `user_id`'s roles.
    pub async fn roles_set_by_an_admin(&self, user_id: Uuid) -> Result<bool, StoreError> {
        Ok(sqlx::query_scalar!(
            "SELECT EXISTS (SELECT 1 FROM role_changes \
               WHERE user_id = $1 AND changed_by IS NOT NULL) AS \"set!\"",
            user_id,
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// The email addresses of the accounts among `ids` that exist.
    #[tracing::instrument(skip(self))]
    pub async fn emails_of(&self, ids: &[Uuid]) -> Result<Vec<(UserId, String)>, StoreError> {
        let rows = sqlx::query!("SELECT id, email FROM users WHERE id = ANY($1)", ids)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(|r| (UserId(r.id), r.email)).collect())
    }
}

/// Writes one entry of the log inside the caller's transaction (`changed_by` none: the
/// platform did it).
pub(super) async fn log(
    conn: &mut PgConnection,
    user_id: Uuid,
    email: &str,
    changed_by: Option<Uuid>,
    from: &[String],
    to: &[String],
) -> Result<(), StoreError> {
    sqlx::query!(
        "INSERT INTO role_changes (id, user_id, email, changed_by, from_roles, to_roles) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        Uuid::now_v7(),
        user_id,
        email,
        changed_by,
        from,
        to,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The roles of a stored list that we know.
fn parsed(stored: &[String]) -> Vec<Role> {
    stored.iter().filter_map(|r| Role::parse(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_is_always_kept_and_the_order_is_fixed() {
        assert_eq!(normalized(&[]), vec!["customer"]);
        assert_eq!(
            normalized(&[Role::Admin, Role::Customer, Role::Admin]),
            vec!["customer", "admin"]
        );
        assert_eq!(normalized(&[Role::Admin]), vec!["customer", "admin"]);
    }
}
