//! Failed-login throttling per email address.
//!
//! After `max_failures` failures within `window`, the address is locked for `lockout`. Counting
//! by address (not by account) treats unknown addresses the same as known ones, so the lock
//! tells an attacker nothing about which accounts exist.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};

#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    pub max_failures: i32,
    pub window: chrono::Duration,
    pub lockout: chrono::Duration,
}

impl Store {
    /// Until when `email` is locked, if it is.
    #[tracing::instrument(skip(self))]
    pub async fn login_locked_until(
        &self,
        email: &str,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(sqlx::query_scalar!(
            "SELECT locked_until FROM login_throttle WHERE email = $1 AND locked_until > now()",
            email,
        )
        .fetch_optional(self.pool())
        .await?
        .flatten())
    }

    /// Counts a failed login (atomically, in one statement) and locks the address when the
    /// policy says so.
    #[tracing::instrument(skip(self, policy))]
    pub async fn record_login_failure(
        &self,
        email: &str,
        policy: ThrottlePolicy,
    ) -> Result<(), StoreError> {
        // Whole seconds (the policy's settings are), as intervals.
        sqlx::query!(
            "INSERT INTO login_throttle AS t (email, failures, window_started_at) VALUES ($1, 1, now()) \
             ON CONFLICT (email) DO UPDATE SET \
               failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) \
                            THEN 1 ELSE t.failures + 1 END, \
               window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) \
                                     THEN now() ELSE t.window_started_at END",
            email,
            policy.window.num_seconds() as f64,
        )
        .execute(self.pool())
        .await?;
        sqlx::query!(
            "UPDATE login_throttle SET locked_until = now() + make_interval(secs => $3), failures = 0, \
               window_started_at = now() \
             WHERE email = $1 AND failures >= $2",
            email,
            policy.max_failures,
            policy.lockout.num_seconds() as f64,
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// A successful login forgets earlier failures.
    #[tracing::instrument(skip(self))]
    pub async fn clear_login_failures(&self, email: &str) -> Result<(), StoreError> {
        sqlx::query!("DELETE FROM login_throttle WHERE email = $1", email)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
