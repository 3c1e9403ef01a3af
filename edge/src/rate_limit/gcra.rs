//! GCRA (the generic cell rate algorithm) in Redis: one key per limited client or user, holding
//! its theoretical arrival time (TAT). Every edge instance runs the same script against the same
//! Redis, so the limit is shared, and the script runs atomically, so parallel requests cannot
//! both take the last place. Time is Redis's own (`TIME`), so the edges' clocks do not matter.

use std::time::Duration;

use redis::Script;
use redis::aio::ConnectionManager;

/// A rate: one request per `interval`, up to `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub interval: Duration,
    pub burst: u32,
}

impl Quota {
    /// `per_minute` requests a minute, bursts of `burst` (both at least 1).
    pub fn per_minute(per_minute: u32, burst: u32) -> Self {
        Self {
            interval: Duration::from_secs(60) / per_minute.max(1),
            burst: burst.max(1),
        }
    }
}

/// Whether a request may pass, and if not, how long until one would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Limited { retry_after: Duration },
}

/// A request conforms if, after it, the TAT is at most `burst` intervals ahead of now. The key
/// expires when the TAT is reached: an idle client leaves nothing behind.
const SCRIPT: &str = r"
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local ahead = next_tat - now
if ahead > interval * burst then
  return {0, ahead - interval * burst}
end
redis.call('SET', KEYS[1], next_tat, 'PX', ahead)
return {1, 0}
";

#[derive(Clone)]
pub struct RedisGcra {
    redis: ConnectionManager,
    script: Script,
}

impl std::fmt::Debug for RedisGcra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RedisGcra")
    }
}

impl RedisGcra {
    pub fn new(redis: ConnectionManager) -> Self {
        Self {
            redis,
            script: Script::new(SCRIPT),
        }
    }

    /// Counts one request against `key` under `quota`.
    pub async fn admit(&self, key: &str, quota: Quota) -> Result<Decision, redis::RedisError> {
        let interval_ms = u64::try_from(quota.interval.as_millis()).unwrap_or(u64::MAX);
        let (allowed, retry_after_ms): (u8, u64) = self
            .script
            .key(key)
            .arg(interval_ms.max(1))
            .arg(quota.burst)
            .invoke_async(&mut self.redis.clone())
            .await?;
        Ok(if allowed == 1 {
            Decision::Allowed
        } else {
            Decision::Limited {
                retry_after: Duration::from_millis(retry_after_ms),
            }
        })
    }
}
