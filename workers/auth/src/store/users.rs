//! The `users` table.

use chrono::{DateTime, Utc};
use menuskart_schemas::auth::{Address, Profile, Role};
use sqlx::types::Json;
use uuid::Uuid;

use super::{Store, StoreError, role_changes};
use crate::domain::{DisplayName, Email};
use menuskart_schemas::ids::UserId;

/// An account as stored.
#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: Uuid,
    pub email: String,
    pub password_hash: String,
    pub name: String,
    pub phone: Option<String>,
    pub addresses: Json<Vec<Address>>,
    pub marketing_opt_in: bool,
    pub roles: Vec<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl UserRecord {
    /// Roles we know; an unknown stored role grants nothing.
    pub fn roles(&self) -> Vec<Role> {
        self.roles.iter().filter_map(|r| Role::parse(r)).collect()
    }

    /// The account's id, as other services know it.
    pub fn user_id(&self) -> UserId {
        UserId(self.id)
    }

    pub fn into_profile(self) -> Profile {
        let roles = self.roles();
        Profile {
            id: self.user_id(),
            email: self.email,
            email_verified: self.email_verified_at.is_some(),
            name: self.name,
            phone: self.phone,
            addresses: self.addresses.0,
            marketing_opt_in: self.marketing_opt_in,
            roles,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub password_hash: &'a str,
    pub name: &'a DisplayName,
    pub roles: &'a [Role],
}

/// The parts of a profile a PATCH changes; `None` keeps the stored value.
#[derive(Debug, Default)]
pub struct ProfileChanges {
    pub name: Option<String>,
    /// `Some(None)` removes the phone.
    pub phone: Option<Option<String>>,
    pub addresses: Option<Vec<Address>>,
    pub marketing_opt_in: Option<bool>,
}

fn role_names(roles: &[Role]) -> Vec<String> {
    roles.iter().map(|r| r.as_str().to_owned()).collect()
}

impl Store {
    #[tracing::instrument(skip_all, fields(email = user.email.as_str()))]
    pub async fn insert_user(&self, user: NewUser<'_>) -> Result<UserRecord, StoreError> {
        sqlx::query_as!(
            UserRecord,
            r#"INSERT INTO users (id, email, password_hash, name, roles) VALUES ($1, $2, $3, $4, $5)
               RETURNING id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at"#,
            Uuid::now_v7(),
            user.email.as_str(),
            user.password_hash,
            user.name.as_str(),
            &role_names(user.roles),
        )
        .fetch_one(self.pool())
        .await
        .map_err(StoreError::from_insert)
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        Ok(sqlx::query_as!(
            UserRecord,
            r#"SELECT id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at
               FROM users WHERE email = $1"#,
            email,
        )
        .fetch_optional(self.pool())
        .await?)
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_id(&self, id: UserId) -> Result<Option<UserRecord>, StoreError> {
        Ok(sqlx::query_as!(
            UserRecord,
            r#"SELECT id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at
               FROM users WHERE id = $1"#,
            id.0,
        )
        .fetch_optional(self.pool())
        .await?)
    }

    /// Applies `changes` and returns the updated account, or `None` if it does not exist.
    #[tracing::instrument(skip(self, changes))]
    pub async fn update_profile(
        &self,
        id: UserId,
        changes: ProfileChanges,
    ) -> Result<Option<UserRecord>, StoreError> {
        let (phone_given, phone) = match changes.phone {
            Some(phone) => (true, phone),
            None => (false, None),
        };
        Ok(sqlx::query_as!(
            UserRecord,
            r#"UPDATE users SET
                 name = COALESCE($2, name),
                 phone = CASE WHEN $3 THEN $4 ELSE phone END,
                 addresses = COALESCE($5, addresses),
                 marketing_opt_in = COALESCE($6, marketing_opt_in),
                 updated_at = now()
               WHERE id = $1
               RETURNING id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at"#,
            id.0,
            changes.name,
            phone_given,
            phone,
            changes.addresses.map(Json) as Option<Json<Vec<Address>>>,
            changes.marketing_opt_in,
        )
        .fetch_optional(self.pool())
        .await?)
    }

    /// A page of accounts, newest first, and the total count.
    #[tracing::instrument(skip(self))]
    /// A page of accounts, newest first; with `email_contains`, only those whose address
    /// contains it in any case (a scan: an admin's lookup, not a hot path).
    pub async fn list_users(
        &self,
        email_contains: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<UserRecord>, i64), StoreError> {
        let pattern = email_contains.map(menuskart_kit::postgres::escape_like);
        // The two queries share their WHERE clause (query_as! takes one literal each).
        let users = sqlx::query_as!(
            UserRecord,
            r#"SELECT id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at
               FROM users WHERE ($1::text IS NULL OR email ILIKE '%' || $1 || '%' ESCAPE '\')
               ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"#,
            pattern,
            limit,
            offset,
        )
        .fetch_all(self.pool())
        .await?;
        let total = sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!" FROM users
               WHERE ($1::text IS NULL OR email ILIKE '%' || $1 || '%' ESCAPE '\')"#,
            pattern,
        )
        .fetch_one(self.pool())
        .await?;
        Ok((users, total))
    }

    /// Up to `limit` ids of users who accept promotional email, after `after`, in id order.
    pub async fn marketing_audience(
        &self,
        after: Option<UserId>,
        limit: i64,
    ) -> Result<Vec<UserId>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT id FROM users WHERE marketing_opt_in AND email_verified_at IS NOT NULL \
               AND ($1::uuid IS NULL OR id > $1) \
             ORDER BY id LIMIT $2",
            after.map(UserId::uuid),
            limit,
        )
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(UserId).collect())
    }

    /// Creates the first admin's account, unless the address is taken: whether it did. Safe to
    /// run from several instances at once (the address is unique).
    #[tracing::instrument(skip(self, password_hash, name), fields(email = email.as_str()))]
    pub async fn create_admin(
        &self,
        email: &Email,
        password_hash: &str,
        name: &DisplayName,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let id = Uuid::now_v7();
        let admin = role_names(&[Role::Customer, Role::Admin]);
        let created = sqlx::query!(
            "INSERT INTO users (id, email, password_hash, name, roles) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (email) DO NOTHING",
            id,
            email.as_str(),
            password_hash,
            name.as_str(),
            &admin,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if created {
            role_changes::log(&mut tx, id, email.as_str(), None, &[], &admin).await?;
        }
        tx.commit().await?;
        Ok(created)
    }

    /// Gives account `id` the role `role` (once), logged as the platform's doing.
    #[tracing::instrument(skip(self))]
    pub async fn add_role(&self, id: Uuid, role: Role) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        let Some(before) = sqlx::query!(
            "SELECT email, roles FROM users WHERE id = $1 FOR UPDATE",
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(());
        };
        if !before.roles.iter().any(|r| r == role.as_str()) {
            let mut after = before.roles.clone();
            after.push(role.as_str().to_owned());
            sqlx::query!(
                "UPDATE users SET roles = $2, updated_at = now() WHERE id = $1",
                id,
                &after,
            )
            .execute(&mut *tx)
            .await?;
            role_changes::log(&mut tx, id, &before.email, None, &before.roles, &after).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
