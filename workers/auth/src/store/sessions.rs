//! Sessions (refresh-token families) and their refresh tokens.
//!
//! Rotation happens in one transaction with the presented token's row locked: of two concurrent
//! refreshes with the same token one rotates it and the other sees it used, which is reuse, and
//! revokes the family (RFC 6819 §5.2.2.3, OAuth 2.0 Security BCP §4.14).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Store, StoreError};
use menuskart_schemas::ids::UserId;

/// What presenting a refresh token led to.
#[derive(Debug, PartialEq, Eq)]
pub enum RotateOutcome {
    /// The token was valid: it is now used, and the new one is stored in the same session.
    Rotated {
        user_id: UserId,
        session_id: Uuid,
    },
    /// No such token.
    Unknown,
    /// Its session was revoked (logout, or earlier reuse).
    Revoked,
    Expired,
    /// The token had been rotated already: the session is now revoked.
    Reused,
}

struct PresentedToken {
    session_id: Uuid,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Opens a session for `user_id` with its first refresh token.
    #[tracing::instrument(skip(self, token_digest))]
    pub async fn open_session(
        &self,
        user_id: UserId,
        token_digest: &[u8],
        expires_at: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let session_id = Uuid::now_v7();
        let mut tx = self.pool().begin().await?;
        sqlx::query!(
            "INSERT INTO sessions (id, user_id) VALUES ($1, $2)",
            session_id,
            user_id.0,
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)",
            token_digest,
            session_id,
            expires_at,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(session_id)
    }

    /// Exchanges the token with digest `presented` for the one with digest `next`.
    #[tracing::instrument(skip_all)]
    pub async fn rotate_refresh_token(
        &self,
        presented: &[u8],
        next: &[u8],
        next_expires_at: DateTime<Utc>,
    ) -> Result<RotateOutcome, StoreError> {
        let mut tx = self.pool().begin().await?;
        let found = sqlx::query_as!(
            PresentedToken,
            "SELECT t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at \
             FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id \
             WHERE t.token_hash = $1 FOR UPDATE OF t, s",
            presented,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(token) = found else {
            return Ok(RotateOutcome::Unknown);
        };
        if token.revoked_at.is_some() {
            return Ok(RotateOutcome::Revoked);
        }
        if token.used_at.is_some() {
            revoke(&mut tx, token.session_id, "refresh token reuse").await?;
            tx.commit().await?;
            tracing::warn!(session_id = %token.session_id, user_id = %token.user_id,
                "refresh token reused: session revoked");
            return Ok(RotateOutcome::Reused);
        }
        if token.expires_at <= Utc::now() {
            return Ok(RotateOutcome::Expired);
        }
        sqlx::query!(
            "UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1",
            presented,
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)",
            next,
            token.session_id,
            next_expires_at,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(RotateOutcome::Rotated {
            user_id: UserId(token.user_id),
            session_id: token.session_id,
        })
    }

    /// Revokes a session of `user_id`; revoking twice is fine.
    #[tracing::instrument(skip(self))]
    pub async fn revoke_session(
        &self,
        user_id: UserId,
        session_id: Uuid,
        reason: &str,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE sessions SET revoked_at = now(), revoked_reason = $3 \
             WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
            session_id,
            user_id.0,
            reason,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Whether the session exists, belongs to `user_id` and is not revoked.
    #[tracing::instrument(skip(self))]
    pub async fn session_is_active(
        &self,
        user_id: UserId,
        session_id: Uuid,
    ) -> Result<bool, StoreError> {
        Ok(sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL) AS "exists!""#,
            session_id,
            user_id.0,
        )
        .fetch_one(self.pool())
        .await?)
    }
}

async fn revoke(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    session_id: Uuid,
    reason: &str,
) -> Result<(), StoreError> {
    sqlx::query!(
        "UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL",
        session_id,
        reason,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
