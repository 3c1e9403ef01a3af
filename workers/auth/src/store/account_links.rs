//! Emailed single-use links (password reset, email verification). Making a link writes the
//! event that asks notify to email it into the outbox in the same transaction, so a link exists
//! exactly when its email is on its way. The event carries no secret: notify asks for the
//! link's token ([`Store::mint_link_token`], `mk.auth.link_token`) as it sends the email, and
//! only the token's SHA-256 is stored, so neither the AUTH stream nor a dead letter ever holds a
//! working link. Minting again (a retried email) replaces the digest: only the newest emailed
//! token works. Using a link marks it used in the transaction that applies it: it works once.

use chrono::{DateTime, Duration, Utc};
use menuskart_kit::outbox;
use menuskart_schemas::auth::{AccountLink, Address};
use menuskart_schemas::subjects::events::EventSubject;
use menuskart_schemas::subjects::events::auth as events;
use sqlx::types::Json;
use uuid::Uuid;

use super::{Store, StoreError, UserRecord};
use crate::opaque_token::NewOpaqueToken;

/// What a link lets its holder do.
// Stored as text (its snake_case name), checked by the table's CHECK constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum LinkPurpose {
    PasswordReset,
    VerifyEmail,
}

impl LinkPurpose {
    fn subject(self) -> EventSubject<AccountLink> {
        match self {
            Self::PasswordReset => events::PASSWORD_RESET_REQUESTED,
            Self::VerifyEmail => events::EMAIL_VERIFICATION_REQUESTED,
        }
    }
}

impl Store {
    /// Makes a link for `user`, valid for `ttl`, and queues its email (without a token: see the
    /// module's docs). A new password-reset link retires the user's earlier unused ones: only
    /// the newest email works.
    #[tracing::instrument(skip(self, user), fields(user_id = %user.id))]
    pub async fn issue_link(
        &self,
        purpose: LinkPurpose,
        user: &UserRecord,
        ttl: Duration,
    ) -> Result<AccountLink, StoreError> {
        let link_id = Uuid::now_v7();
        let mut tx = self.pool().begin().await?;
        if purpose == LinkPurpose::PasswordReset {
            retire_links(&mut tx, user.id, purpose).await?;
        }
        let expires_at: DateTime<Utc> = sqlx::query_scalar!(
            "INSERT INTO account_links (id, purpose, user_id, email, expires_at) \
             VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at",
            link_id,
            purpose as LinkPurpose,
            user.id,
            &user.email,
            ttl.num_seconds() as f64,
        )
        .fetch_one(&mut *tx)
        .await?;
        let link = AccountLink {
            link_id,
            user_id: user.user_id(),
            email: user.email.clone(),
            name: user.name.clone(),
            expires_at,
        };
        outbox::enqueue(&mut tx, purpose.subject(), &link_id.to_string(), &link).await?;
        tx.commit().await?;
        Ok(link)
    }

    /// Mints the token of link `link_id` for the email that carries it, if the link is still
    /// live (not used, retired or expired); only its digest is kept, replacing any earlier
    /// one. `None` for a link that no longer works: its email is not to be sent.
    #[tracing::instrument(skip(self))]
    pub async fn mint_link_token(&self, link_id: Uuid) -> Result<Option<String>, StoreError> {
        // The same kind of opaque token as a refresh token: 256 random bits, digest stored.
        let secret = NewOpaqueToken::generate();
        let minted = sqlx::query_scalar!(
            "UPDATE account_links SET token_hash = $2 \
             WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id",
            link_id,
            &secret.digest,
        )
        .fetch_optional(self.pool())
        .await?;
        Ok(minted.map(|_| secret.token))
    }

    /// Sets a new password with a reset link: the link is used up, so are the user's other
    /// reset links, and every session of the account ends (whoever knew the old password is
    /// out). The link came to the account's address, so that address is verified too. `None`
    /// when the link is unknown, used, expired, or was sent to an address the account no longer
    /// has.
    #[tracing::instrument(skip_all)]
    pub async fn reset_password(
        &self,
        token_digest: &[u8],
        password_hash: &str,
    ) -> Result<Option<Uuid>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let Some((user_id, email)) =
            use_link(&mut tx, token_digest, LinkPurpose::PasswordReset).await?
        else {
            return Ok(None);
        };
        let changed = sqlx::query!(
            "UPDATE users SET password_hash = $3, updated_at = now(), \
               email_verified_at = coalesce(email_verified_at, now()) \
             WHERE id = $1 AND email = $2",
            user_id,
            &email,
            password_hash,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !changed {
            return Ok(None);
        }
        retire_links(&mut tx, user_id, LinkPurpose::PasswordReset).await?;
        sqlx::query!(
            "UPDATE sessions SET revoked_at = now(), revoked_reason = 'password reset' \
             WHERE user_id = $1 AND revoked_at IS NULL",
            user_id,
        )
        .execute(&mut *tx)
        .await?;
        // Devices that logged in before no longer count as the owner's: one may be the
        // attacker's who knew the old password, and a known device escapes the address's
        // lockout (`handlers::login`).
        sqlx::query!("DELETE FROM known_devices WHERE user_id = $1", user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }

    /// Until when a reset link works, without using it: `None` when [`Self::reset_password`]
    /// would refuse it (unknown, used, expired, or sent to an address the account no longer
    /// has).
    #[tracing::instrument(skip_all)]
    pub async fn reset_link_expiry(
        &self,
        token_digest: &[u8],
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(sqlx::query_scalar!(
            "SELECT l.expires_at FROM account_links l JOIN users u ON u.id = l.user_id \
             WHERE l.token_hash = $1 AND l.purpose = $2 AND l.used_at IS NULL \
               AND l.expires_at > now() AND u.email = l.email",
            token_digest,
            LinkPurpose::PasswordReset as LinkPurpose,
        )
        .fetch_optional(self.pool())
        .await?)
    }

    /// Verifies the address a verification link was sent to, if the account still has it.
    #[tracing::instrument(skip_all)]
    pub async fn verify_email(
        &self,
        token_digest: &[u8],
    ) -> Result<Option<UserRecord>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let Some((user_id, email)) =
            use_link(&mut tx, token_digest, LinkPurpose::VerifyEmail).await?
        else {
            return Ok(None);
        };
        let user = sqlx::query_as!(
            UserRecord,
            r#"UPDATE users SET email_verified_at = coalesce(email_verified_at, now())
               WHERE id = $1 AND email = $2
               RETURNING id, email, password_hash, name, phone,
                 addresses AS "addresses: Json<Vec<Address>>", marketing_opt_in, roles,
                 email_verified_at, created_at, updated_at"#,
            user_id,
            &email,
        )
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(user)
    }
}

/// Marks a live link of `purpose` used; its user and the address it was sent to.
async fn use_link(
    tx: &mut sqlx::PgConnection,
    token_digest: &[u8],
    purpose: LinkPurpose,
) -> Result<Option<(Uuid, String)>, StoreError> {
    let row = sqlx::query!(
        "UPDATE account_links SET used_at = now() \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() \
         RETURNING user_id, email",
        token_digest,
        purpose as LinkPurpose,
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|r| (r.user_id, r.email)))
}

async fn retire_links(
    tx: &mut sqlx::PgConnection,
    user_id: Uuid,
    purpose: LinkPurpose,
) -> Result<(), StoreError> {
    sqlx::query!(
        "UPDATE account_links SET used_at = now() \
         WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        user_id,
        purpose as LinkPurpose,
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
