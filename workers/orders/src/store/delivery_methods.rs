//! The `delivery_methods` table: what the shop offers, in the shop's currency.

use menuskart_schemas::delivery::DeliveryMethod;
use menuskart_schemas::ids::DeliveryMethodId;
use menuskart_schemas::money::{Amount, Currency};
use uuid::Uuid;

use super::{Store, StoreError};
use crate::domain::delivery_method::MethodFields;

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
    /// The methods by position (then name), the hidden ones only when asked.
    pub async fn delivery_methods(
        &self,
        include_inactive: bool,
    ) -> Result<Vec<DeliveryMethod>, StoreError> {
        sqlx::query_as!(
            MethodRow,
            "SELECT id, name, description, price, free_above, currency, active, position \
             FROM delivery_methods WHERE active OR $1 ORDER BY position, name, id",
            include_inactive,
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

    /// A new method; without a position it goes after the others.
    pub async fn create_delivery_method(
        &self,
        fields: &MethodFields,
        currency: Currency,
    ) -> Result<DeliveryMethod, StoreError> {
        sqlx::query_as!(
            MethodRow,
            "INSERT INTO delivery_methods \
               (id, name, description, price, free_above, currency, active, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, \
               coalesce($8, (SELECT coalesce(max(position) + 1, 0) FROM delivery_methods))) \
             RETURNING id, name, description, price, free_above, currency, active, position",
            Uuid::now_v7(),
            fields.name,
            fields.description,
            fields.price.0,
            fields.free_above.map(|a| a.0),
            currency.as_str(),
            fields.active,
            fields.position,
        )
        .fetch_one(self.pool())
        .await?
        .try_into()
    }

    /// Writes a method's fields; `None` if there is no such method.
    pub async fn update_delivery_method(
        &self,
        id: DeliveryMethodId,
        fields: &MethodFields,
    ) -> Result<Option<DeliveryMethod>, StoreError> {
        sqlx::query_as!(
            MethodRow,
            "UPDATE delivery_methods SET name = $2, description = $3, price = $4, \
               free_above = $5, active = $6, position = $7, updated_at = now() \
             WHERE id = $1 \
             RETURNING id, name, description, price, free_above, currency, active, position",
            id.0,
            fields.name,
            fields.description,
            fields.price.0,
            fields.free_above.map(|a| a.0),
            fields.active,
            fields.position.unwrap_or(0),
        )
        .fetch_optional(self.pool())
        .await?
        .map(DeliveryMethod::try_from)
        .transpose()
    }
}
