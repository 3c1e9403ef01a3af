//! A Redis read cache for product details and the first pages of listings.
//!
//! Every key carries the catalog's *generation*, a counter bumped after every write. A write
//! makes all earlier entries unreachable at once, so a read after a write never sees stale data,
//! even when a slow reader stores an old value after the write (it lands under an old
//! generation nobody reads). Old entries expire by TTL. The cache is an optimisation: when Redis
//! is down, reads go to SurrealDB and the error is logged.

use std::sync::atomic::{AtomicU64, Ordering};

use redis::AsyncCommands;
use redis::aio::ConnectionManager;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// How long an entry lives (it is usually invalidated long before).
const TTL_SECS: u64 = 300;
/// Listing pages beyond this are not cached: they are rarely read twice.
pub const MAX_CACHED_PAGE: u32 = 3;

pub struct Cache {
    redis: ConnectionManager,
    prefix: String,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Cache {
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, redis::RedisError> {
        let redis = ConnectionManager::new(redis::Client::open(url)?).await?;
        Ok(Self {
            redis,
            prefix: format!("{prefix}catalog:"),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    async fn generation(&self) -> Result<u64, redis::RedisError> {
        let generation: Option<u64> = self
            .redis
            .clone()
            .get(format!("{}generation", self.prefix))
            .await?;
        Ok(generation.unwrap_or(0))
    }

    /// The cached value of `key`, or `load` (then cached).
    pub async fn get_or_load<T, E, F>(&self, key: &str, load: F) -> Result<T, E>
    where
        T: Serialize + DeserializeOwned,
        F: std::future::Future<Output = Result<T, E>>,
    {
        let generation = match self.generation().await {
            Ok(generation) => generation,
            Err(error) => {
                tracing::warn!(%error, "cache unavailable");
                return load.await;
            }
        };
        let full_key = format!("{}{generation}:{key}", self.prefix);
        let cached: Result<Option<String>, _> = self.redis.clone().get(&full_key).await;
        if let Ok(Some(text)) = cached
            && let Ok(value) = serde_json::from_str(&text)
        {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(value);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let value = load.await?;
        if let Ok(text) = serde_json::to_string(&value) {
            let stored: Result<(), _> = self.redis.clone().set_ex(&full_key, text, TTL_SECS).await;
            if let Err(error) = stored {
                tracing::warn!(%error, "cache write failed");
            }
        }
        Ok(value)
    }

    /// Makes every cached entry unreachable; call after every write.
    pub async fn invalidate(&self) -> Result<(), redis::RedisError> {
        let _: u64 = self
            .redis
            .clone()
            .incr(format!("{}generation", self.prefix), 1)
            .await?;
        Ok(())
    }

    /// Hit and miss counts since start, for the service API's stats.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }
}
