//! argon2id hashing on a bounded blocking pool.
//!
//! One hash costs ~18 ms of a core (OWASP parameters, the crate default). Running it on the async
//! runtime would stall every other request; running unbounded on `spawn_blocking` would let a
//! login storm take every core. A semaphore caps concurrent hashes (`MK_HASH_CONCURRENCY`), and
//! logins beyond that wait their turn.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Semaphore;

use crate::domain::Password;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("the hashing task did not finish: {0}")]
    Join(#[from] tokio::task::JoinError),
}

impl From<HashError> for menuskart_kit::ReplyError {
    /// A hash that fails is ours, never the caller's: logged, answered as an opaque 500.
    fn from(error: HashError) -> Self {
        menuskart_kit::ReplyError::internal(error)
    }
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Verified against when the account does not exist, so a login takes as long whether or
    /// not the email is known.
    decoy_hash: Arc<str>,
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordHasher").finish_non_exhaustive()
    }
}

impl PasswordHasher {
    pub async fn new(concurrency: usize) -> Result<Self, HashError> {
        let decoy =
            tokio::task::spawn_blocking(|| hash_now("decoy password, never matches")).await??;
        Ok(Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            decoy_hash: decoy.into(),
        })
    }

    /// The PHC string of a new password.
    pub async fn hash(&self, password: &Password) -> Result<String, HashError> {
        let secret = SecretString::from(password.expose().to_owned());
        let _permit = self
            .permits
            .acquire()
            .await
            .expect("semaphore is never closed");
        tokio::task::spawn_blocking(move || hash_now(secret.expose_secret())).await?
    }

    /// Whether `candidate` matches `stored`; with no stored hash, checks against the decoy (and
    /// fails) so that unknown accounts cost the same time.
    pub async fn verify(&self, candidate: &str, stored: Option<&str>) -> Result<bool, HashError> {
        let known = stored.is_some();
        let stored = stored.map_or_else(|| self.decoy_hash.to_string(), str::to_owned);
        let candidate = SecretString::from(candidate.to_owned());
        let _permit = self
            .permits
            .acquire()
            .await
            .expect("semaphore is never closed");
        let matches = tokio::task::spawn_blocking(move || {
            let parsed = PasswordHash::new(&stored).map_err(HashError::Hash)?;
            Ok::<_, HashError>(
                Argon2::default()
                    .verify_password(candidate.expose_secret().as_bytes(), &parsed)
                    .is_ok(),
            )
        })
        .await??;
        Ok(known && matches)
    }
}

fn hash_now(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(HashError::Hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_argon2id() {
        let hasher = PasswordHasher::new(2).await.unwrap();
        let password = Password::parse("correct horse battery".into()).unwrap();
        let hash = hasher.hash(&password).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("correct horse battery", Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("wrong horse battery", Some(&hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let hasher = PasswordHasher::new(1).await.unwrap();
        assert!(
            !hasher
                .verify("decoy password, never matches", None)
                .await
                .unwrap()
        );
    }
}
