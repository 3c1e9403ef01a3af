//! Login throttling per email address, and per known device.
//!
//! Every attempt is admitted (or refused) *before* its password is checked, one at a time per
//! subject (a row lock): at most `max_failures` attempts per `window` get a password check, so 50
//! parallel guesses cost 5 hash checks, not 50. The next attempt locks the subject for `lockout`.
//! A successful login clears the count.
//!
//! The subject is the email address for clients we do not know (counting by address, not by
//! account, treats unknown addresses like known ones, so the lock tells an attacker nothing about
//! which accounts exist), and the device for a device the account has logged in from before
//! (`known_devices`). So someone guessing from elsewhere locks only unknown clients out: the
//! owner, on a device they used before, still logs in.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};

#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    pub max_failures: i32,
    pub window: chrono::Duration,
    pub lockout: chrono::Duration,
}

/// An address's attempts since its last successful login (the `login_throttle` row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempts {
    /// Attempts admitted in the current window (stored as `failures`: each is one until its
    /// login succeeds, which clears them all).
    pub count: i32,
    pub window_started_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

/// What a login attempt is counted against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThrottleSubject {
    /// A client we do not know, trying this address.
    Email(String),
    /// A known device of the account (the digest of its token).
    Device(Vec<u8>),
}

impl ThrottleSubject {
    fn key(&self) -> String {
        match self {
            ThrottleSubject::Email(email) => format!("email:{email}"),
            ThrottleSubject::Device(digest) => format!("device:{}", hex(digest)),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl ThrottlePolicy {
    /// Whether one more attempt at `now` gets its password checked, and the attempts after it.
    pub fn admit(&self, before: Attempts, now: DateTime<Utc>) -> (bool, Attempts) {
        if before.locked_until.is_some_and(|until| until > now) {
            return (false, before);
        }
        let fresh = Attempts {
            count: 0,
            window_started_at: now,
            locked_until: None,
        };
        let current =
            if before.locked_until.is_some() || before.window_started_at + self.window < now {
                fresh
            } else {
                before
            };
        if current.count >= self.max_failures {
            let locked = Attempts {
                locked_until: Some(now + self.lockout),
                ..fresh
            };
            return (false, locked);
        }
        let counted = Attempts {
            count: current.count + 1,
            ..current
        };
        (true, counted)
    }
}

impl Store {
    /// Admits a login attempt counted against `subject` (its password may be checked) or
    /// refuses it (the subject is locked, or its attempts for this window are used up), per
    /// `policy`; see the module docs.
    #[tracing::instrument(skip_all)]
    pub async fn admit_login_attempt(
        &self,
        subject: &ThrottleSubject,
        policy: ThrottlePolicy,
    ) -> Result<bool, StoreError> {
        let subject = subject.key();
        let mut tx = self.pool().begin().await?;
        sqlx::query!(
            "INSERT INTO login_throttle (subject, failures, window_started_at) \
             VALUES ($1, 0, now()) ON CONFLICT (subject) DO NOTHING",
            subject,
        )
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query!(
            r#"SELECT failures, window_started_at, locked_until, now() AS "now!"
               FROM login_throttle WHERE subject = $1 FOR UPDATE"#,
            subject,
        )
        .fetch_one(&mut *tx)
        .await?;
        let before = Attempts {
            count: row.failures,
            window_started_at: row.window_started_at,
            locked_until: row.locked_until,
        };
        let (admitted, after) = policy.admit(before, row.now);
        sqlx::query!(
            "UPDATE login_throttle SET failures = $2, window_started_at = $3, locked_until = $4 \
             WHERE subject = $1",
            subject,
            after.count,
            after.window_started_at,
            after.locked_until,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(admitted)
    }

    /// A successful login forgets the earlier attempts of its subject.
    #[tracing::instrument(skip_all)]
    pub async fn clear_login_failures(&self, subject: &ThrottleSubject) -> Result<(), StoreError> {
        sqlx::query!(
            "DELETE FROM login_throttle WHERE subject = $1",
            subject.key()
        )
        .execute(self.pool())
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn policy() -> ThrottlePolicy {
        ThrottlePolicy {
            max_failures: 5,
            window: Duration::minutes(15),
            lockout: Duration::minutes(15),
        }
    }

    fn none(at: DateTime<Utc>) -> Attempts {
        Attempts {
            count: 0,
            window_started_at: at,
            locked_until: None,
        }
    }

    #[test]
    fn five_attempts_are_admitted_then_the_address_locks_until_the_lockout_ends() {
        let start = Utc::now();
        let mut attempts = none(start);
        for n in 1..=5 {
            let (admitted, after) = policy().admit(attempts, start);
            assert!(admitted, "attempt {n}");
            attempts = after;
        }
        let (admitted, locked) = policy().admit(attempts, start);
        assert!(!admitted);
        assert_eq!(locked.locked_until, Some(start + Duration::minutes(15)));
        let (still, _) = policy().admit(locked, start + Duration::minutes(14));
        assert!(!still, "locked for the whole lockout");
        let (again, after) = policy().admit(locked, start + Duration::minutes(16));
        assert!(again, "admitted after the lockout");
        assert_eq!(after.count, 1);
    }

    #[test]
    fn attempts_of_an_old_window_do_not_count() {
        let start = Utc::now();
        let four = Attempts {
            count: 4,
            ..none(start)
        };
        let (_, five) = policy().admit(four, start);
        let (admitted, after) = policy().admit(five, start + Duration::minutes(16));
        assert!(admitted);
        assert_eq!(after.count, 1);
    }
}
