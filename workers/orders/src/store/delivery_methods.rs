//! The `delivery_methods` table: what the shop offers, in the shop's currency; and the audit
//! log of their terms (`delivery_method_changes`), written in the same transactions.

use chrono::{DateTime, Utc};
use menuskart_schemas::audit::DeliveryTerms;
use menuskart_schemas::delivery::DeliveryMethod;
use menuskart_schemas::ids::{DeliveryMethodId, UserId};
use menuskart_schemas::money::{Amount, Currency};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{Store, StoreError};
use crate::domain::delivery_method::{MAX_POSITION, MethodFields};

struct MethodRow {
    id: Uuid,
    name: String,
    description: String,
    price: i64,
    free_above: Option<i64>,
    currency: String,
    active: bool,
    position: i32,
}

impl TryFrom<MethodRow> for DeliveryMethod {
    type Error = StoreError;

    fn try_from(row: MethodRow) -> Result<Self, StoreError> {
        Ok(DeliveryMethod {
            id: DeliveryMethodId(row.id),
            name: row.name,
            description: row.description,
            price: Amount(row.price),
            free_above: row.free_above.map(Amount),
            currency: Currency::try_from(row.currency.as_str())?,
            active: row.active,
            position: row.position,
        })
    }
}

impl Store {
    /// The methods by position (then name): those offered (active, in the shop's `currency`),
    /// or with `include_inactive` every one (for the admin, who may edit one priced in an
    /// earlier currency into the shop's).
    pub async fn delivery_methods(
        &self,
        include_inactive: bool,
        currency: Currency,
    ) -> Result<Vec<DeliveryMethod>, StoreError> {
        sqlx::query_as!(
            MethodRow,
            "SELECT id, name, description, price, free_above, currency, active, position \
             FROM delivery_methods WHERE $1 OR (active AND currency = $2) \
             ORDER BY position, name, id",
            include_inactive,
            currency.as_str(),
        )
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(DeliveryMethod::try_from)
        .collect()
    }

    /// One method, hidden or not.
    pub async fn delivery_method(
        &self,
        id: DeliveryMethodId,
    ) -> Result<Option<DeliveryMethod>, StoreError> {
        sqlx::query_as!(
            MethodRow,
            "SELECT id, name, description, price, free_above, currency, active, position \
             FROM delivery_methods WHERE id = $1",
            id.0,
        )
        .fetch_optional(self.pool())
        .await?
        .map(DeliveryMethod::try_from)
        .transpose()
    }

    /// A new method for admin `actor` (logged in the audit log in the same transaction);
    /// without a position it goes after the others.
    pub async fn create_delivery_method(
        &self,
        fields: &MethodFields,
        currency: Currency,
        actor: UserId,
    ) -> Result<DeliveryMethod, StoreError> {
        let mut tx = self.pool().begin().await?;
        let created: DeliveryMethod = sqlx::query_as!(
            MethodRow,
            "INSERT INTO delivery_methods \
               (id, name, description, price, free_above, currency, active, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, \
               coalesce($8, (SELECT least(coalesce(max(position) + 1, 0), $9) \
                             FROM delivery_methods))) \
             RETURNING id, name, description, price, free_above, currency, active, position",
            Uuid::now_v7(),
            fields.name,
            fields.description,
            fields.price.0,
            fields.free_above.map(|a| a.0),
            currency.as_str(),
            fields.active,
            fields.position,
            MAX_POSITION,
        )
        .fetch_one(&mut *tx)
        .await?
        .try_into()?;
        log_change(&mut tx, &created, None, actor).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Changes method `id` under a row lock, so two admins' changes do not undo each other:
    /// `change` gets the method as it is and gives its new fields; written in the shop's
    /// `currency`. `None` if there is no such method.
    pub async fn update_delivery_method<E: From<StoreError>>(
        &self,
        id: DeliveryMethodId,
        currency: Currency,
        actor: UserId,
        change: impl FnOnce(&DeliveryMethod) -> Result<MethodFields, E>,
    ) -> Result<Option<DeliveryMethod>, E> {
        let mut tx = self.pool().begin().await.map_err(StoreError::from)?;
        let Some(current) = sqlx::query_as!(
            MethodRow,
            "SELECT id, name, description, price, free_above, currency, active, position \
             FROM delivery_methods WHERE id = $1 FOR UPDATE",
            id.0,
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::from)?
        else {
            return Ok(None);
        };
        let before = DeliveryMethod::try_from(current)?;
        let fields = change(&before)?;
        let updated = sqlx::query_as!(
            MethodRow,
            "UPDATE delivery_methods SET name = $2, description = $3, price = $4, \
               free_above = $5, active = $6, position = $7, currency = $8, updated_at = now() \
             WHERE id = $1 \
             RETURNING id, name, description, price, free_above, currency, active, position",
            id.0,
            fields.name,
            fields.description,
            fields.price.0,
            fields.free_above.map(|a| a.0),
            fields.active,
            fields.position.unwrap_or(0),
            currency.as_str(),
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let updated = DeliveryMethod::try_from(updated)?;
        if terms(&updated) != terms(&before) || updated.currency != before.currency {
            log_change(&mut tx, &updated, Some(terms(&before)), actor).await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(Some(updated))
    }

    /// The log's entries after entry `after` (from the newest when `None`), newest first.
    pub async fn delivery_changes(
        &self,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<DeliveryChange>, StoreError> {
        Ok(sqlx::query_as!(
            DeliveryChange,
            "SELECT id, method_id, name, currency, changed_by, from_price, from_free_above, \
               from_active, to_price, to_free_above, to_active, changed_at \
             FROM delivery_method_changes \
             WHERE $1::uuid IS NULL OR (changed_at, id) < \
               (SELECT changed_at, id FROM delivery_method_changes WHERE id = $1) \
             ORDER BY changed_at DESC, id DESC LIMIT $2",
            after,
            limit,
        )
        .fetch_all(self.pool())
        .await?)
    }
}

/// One entry of the delivery log, as stored.
#[derive(Debug, Clone)]
pub struct DeliveryChange {
    pub id: Uuid,
    pub method_id: Uuid,
    pub name: String,
    pub currency: String,
    pub changed_by: Uuid,
    pub from_price: Option<i64>,
    pub from_free_above: Option<i64>,
    pub from_active: Option<bool>,
    pub to_price: i64,
    pub to_free_above: Option<i64>,
    pub to_active: bool,
    pub changed_at: DateTime<Utc>,
}

/// What a method costs and whether it is offered: what the log follows.
pub fn terms(method: &DeliveryMethod) -> DeliveryTerms {
    DeliveryTerms {
        price: method.price,
        free_above: method.free_above,
        active: method.active,
    }
}

/// Writes an entry of the log inside the caller's transaction (`before` none: created).
async fn log_change(
    conn: &mut PgConnection,
    method: &DeliveryMethod,
    before: Option<DeliveryTerms>,
    actor: UserId,
) -> Result<(), StoreError> {
    sqlx::query!(
        "INSERT INTO delivery_method_changes (id, method_id, name, currency, changed_by, \
           from_price, from_free_above, from_active, to_price, to_free_above, to_active) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        Uuid::now_v7(),
        method.id.0,
        method.name,
        method.currency.as_str(),
        actor.0,
        before.map(|b| b.price.0),
        before.and_then(|b| b.free_above).map(|a| a.0),
        before.map(|b| b.active),
        method.price.0,
        method.free_above.map(|a| a.0),
        method.active,
    )
    .execute(conn)
    .await?;
    Ok(())
}
