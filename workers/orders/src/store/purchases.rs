//! Whether a customer bought a product: an order of theirs with it is paid, fulfilled or
//! shipped, and not refunded in full; and the refunds that tell. Cost: the customer's orders
//! (`orders_by_user`), their lines and refunds, by index.

use menuskart_schemas::ids::{OrderId, ProductId, UserId};
use menuskart_schemas::money::Amount;

use super::{Store, StoreError};

impl Store {
    pub async fn purchased(&self, user: UserId, product: &ProductId) -> Result<bool, StoreError> {
        let bought = sqlx::query_scalar!(
            r#"SELECT EXISTS (
                 SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                 WHERE o.user_id = $1 AND l.product_id = $2
                   AND o.status IN ('paid', 'fulfilled', 'shipped')
                   AND coalesce((SELECT sum(r.amount) FROM order_refunds r
                                 WHERE r.order_id = o.id), 0) < o.total
               ) AS "bought!""#,
            user.0,
            product.as_str(),
        )
        .fetch_one(self.pool())
        .await?;
        Ok(bought)
    }

    /// Notes money given back on an order (the refunded event at `stream_sequence` of
    /// PAYMENTS: a redelivery changes nothing).
    pub async fn note_refund(
        &self,
        order: OrderId,
        amount: Amount,
        stream_sequence: u64,
    ) -> Result<(), StoreError> {
        let sequence = i64::try_from(stream_sequence)
            .map_err(|_| StoreError::Corrupt(format!("stream sequence {stream_sequence}")))?;
        sqlx::query!(
            "INSERT INTO order_refunds (stream_sequence, order_id, amount) VALUES ($1, $2, $3) \
             ON CONFLICT (stream_sequence) DO NOTHING",
            sequence,
            order.0,
            amount.0,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
