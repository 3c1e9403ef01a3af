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
}

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
    /// transaction. Losing the admin role ends the account's sessions, so no refresh gives it a
    /// new admin token.
    #[tracing::instrument(skip(self))]
    pub async fn set_roles(
        &self,
        user_id: UserId,
        roles: &[Role],
        actor: UserId,
    ) -> Result<RolesOutcome, StoreError> {
        let mut tx = self.pool().begin().await?;
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
            if !wanted.iter().any(|r| r == Role::Admin.as_str()) {
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
