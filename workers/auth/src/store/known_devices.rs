//! Known devices: where an account has logged in before, by the digest of the token the device
//! keeps (see `handlers::login`). Only the digest is stored, as for refresh tokens.

use menuskart_schemas::ids::UserId;

use super::{Store, StoreError};

/// How long a device stays known without a login from it.
pub const DEVICE_MEMORY_DAYS: i32 = 180;

impl Store {
    /// The account the device with this token digest belongs to, if it is known and was used
    /// within [`DEVICE_MEMORY_DAYS`].
    #[tracing::instrument(skip_all)]
    pub async fn known_device(&self, digest: &[u8]) -> Result<Option<UserId>, StoreError> {
        let row = sqlx::query_scalar!(
            "SELECT user_id FROM known_devices \
             WHERE token_digest = $1 AND last_used_at > now() - make_interval(days => $2)",
            digest,
            DEVICE_MEMORY_DAYS,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(UserId))
    }

    /// Remembers a device of `user` (after a successful login from it), or refreshes it.
    #[tracing::instrument(skip_all, fields(%user))]
    pub async fn remember_device(&self, user: UserId, digest: &[u8]) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO known_devices (token_digest, user_id) VALUES ($1, $2) \
             ON CONFLICT (token_digest) DO UPDATE SET last_used_at = now()",
            digest,
            user.0,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
