//! The Lua scripts. Redis runs each atomically: no other command interleaves, so a script that
//! checks and then writes cannot be raced (the property MULTI/WATCH gives with retries).
//! Each is built once; `redis::Script` sends EVALSHA and loads the source only when needed.

use std::sync::LazyLock;

use redis::Script;

/// KEYS[1] reservation, KEYS[2..] stock; ARGV[1] lines JSON, ARGV[2..] quantities.
/// Returns {'exists', status} when the order has a reservation already, {'short', index,
/// available} for the first line that cannot be served, or {'reserved'}.
pub static RESERVE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local status = redis.call('HGET', KEYS[1], 'status')
if status then return {'exists', status} end
for i = 2, #KEYS do
  local available = tonumber(redis.call('HGET', KEYS[i], 'available') or '0')
  if available < tonumber(ARGV[i]) then
    return {'short', tostring(i - 1), tostring(available)}
  end
end
for i = 2, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'available', -tonumber(ARGV[i]))
  redis.call('HINCRBY', KEYS[i], 'reserved', tonumber(ARGV[i]))
end
redis.call('HSET', KEYS[1], 'status', 'reserved', 'lines', ARGV[1])
return {'reserved'}
",
    )
});

/// KEYS[1] reservation, KEYS[2..] stock; ARGV[1] 'released' or 'committed', ARGV[2..]
/// quantities. Moves a reservation out of `reserved` once: {'missing'}, {'unchanged', status}
/// or {new status}.
pub static SETTLE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing'} end
if status ~= 'reserved' then return {'unchanged', status} end
for i = 2, #KEYS do
  local quantity = tonumber(ARGV[i])
  if ARGV[1] == 'released' then
    redis.call('HINCRBY', KEYS[i], 'available', quantity)
  end
  redis.call('HINCRBY', KEYS[i], 'reserved', -quantity)
end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
return {ARGV[1]}
",
    )
});

/// KEYS[1] stock, KEYS[2] the audit stream; ARGV[1] 'set' or 'delta', ARGV[2] the number,
/// ARGV[3] the admin's user id, ARGV[4] the product id, ARGV[5] the oldest audit entry id to
/// keep (entries older than the retention are trimmed).
/// Available stock never goes below zero: {'negative', available} refuses such a change,
/// {available, reserved} reports the new levels. A change that moves the level is logged in
/// the same script, so the log holds exactly the changes made.
pub static ADJUST: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local available = tonumber(redis.call('HGET', KEYS[1], 'available') or '0')
local target = tonumber(ARGV[2])
if ARGV[1] == 'delta' then target = available + target end
if target < 0 then return {'negative', tostring(available)} end
redis.call('HSET', KEYS[1], 'available', target)
if target ~= available then
  redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[5], '*',
    'actor', ARGV[3], 'product', ARGV[4], 'from', available, 'to', target)
end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
if reserved == 0 then redis.call('HSET', KEYS[1], 'reserved', 0) end
return {tostring(target), tostring(reserved)}
",
    )
});
