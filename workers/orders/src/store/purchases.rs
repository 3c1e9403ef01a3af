//! Whether a customer bought a product: an order of theirs with it is paid, fulfilled or
//! shipped. Cost: the customer's orders (`orders_by_user`) and their lines, by primary key.

use menuskart_schemas::ids::{ProductId, UserId};

use super::{Store, StoreError};

impl Store {
    pub async fn purchased(&self, user: UserId, product: &ProductId) -> Result<bool, StoreError> {
        let bought = sqlx::query_scalar!(
            r#"SELECT EXISTS (
                 SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                 WHERE o.user_id = $1 AND l.product_id = $2
                   AND o.status IN ('paid', 'fulfilled', 'shipped')
               ) AS "bought!""#,
            user.0,
            product.as_str(),
        )
        .fetch_one(self.pool())
        .await?;
        Ok(bought)
    }
}
