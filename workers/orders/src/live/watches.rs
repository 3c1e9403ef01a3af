//! The watches this instance holds: which live subjects want which order's changes, and until
//! when.
//!
//! A watch is a lease: it ends [`WATCH_LEASE_SECS`] after its last renewal, and never later than
//! the token of the caller who took it, so a live view ends with the customer's session rather
//! than outliving it. A watcher that goes away (a closed browser tab, a dead edge) simply stops
//! renewing. The number of watches is capped, so a flood of requests cannot grow the map
//! without bound.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use menuskart_kit::{Caller, ReplyError};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::ids::{OrderId, WatchId};
use menuskart_schemas::orders::WATCH_LEASE_SECS;

#[derive(Debug)]
pub struct Watches {
    max: usize,
    leases: Mutex<Leases>,
}

#[derive(Debug, Default)]
struct Leases {
    by_order: HashMap<OrderId, HashMap<WatchId, Instant>>,
    count: usize,
}

impl Watches {
    /// At most `max` watches at once on this instance.
    pub fn new(max: usize) -> Self {
        Self {
            max,
            leases: Mutex::new(Leases::default()),
        }
    }

    /// Takes or renews the lease of `watch` on `order` for `caller`: until the lease time from
    /// now, or the caller's token expiry if sooner. `unavailable` when the instance holds as
    /// many watches as it may (the watcher retries, perhaps on another instance).
    pub fn lease(
        &self,
        order: OrderId,
        watch: WatchId,
        caller: &Caller,
        now: Instant,
    ) -> Result<(), ReplyError> {
        let until = now + lease_length(caller, chrono::Utc::now().timestamp());
        let mut leases = self.lock();
        let renewal = leases
            .by_order
            .get(&order)
            .is_some_and(|watches| watches.contains_key(&watch));
        if !renewal && leases.count >= self.max {
            return Err(ReplyError::new(
                ErrorCode::Unavailable,
                "live order status is busy; try again shortly",
            ));
        }
        if !renewal {
            leases.count += 1;
        }
        leases
            .by_order
            .entry(order)
            .or_default()
            .insert(watch, until);
        Ok(())
    }

    /// The live watches of `order` at `now`.
    pub fn watchers(&self, order: OrderId, now: Instant) -> Vec<WatchId> {
        self.lock()
            .by_order
            .get(&order)
            .map(|watches| {
                watches
                    .iter()
                    .filter(|(_, until)| **until > now)
                    .map(|(watch, _)| *watch)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Ends every watch of `order` (it reached a final status: nothing more will change).
    pub fn forget(&self, order: OrderId) {
        let mut leases = self.lock();
        if let Some(watches) = leases.by_order.remove(&order) {
            leases.count -= watches.len();
        }
    }

    /// Drops the leases that ended before `now`.
    pub fn sweep(&self, now: Instant) {
        let mut leases = self.lock();
        let mut dropped = 0;
        leases.by_order.retain(|_, watches| {
            let before = watches.len();
            watches.retain(|_, until| *until > now);
            dropped += before - watches.len();
            !watches.is_empty()
        });
        leases.count -= dropped;
    }

    /// How many watches are held now.
    pub fn count(&self) -> usize {
        self.lock().count
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Leases> {
        // Each change keeps the map and its count consistent in one step, even if a holder
        // panicked.
        self.leases
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// How long a lease taken now (`now_epoch`, seconds) lasts: the lease time, cut short by the
/// caller's token expiry.
fn lease_length(caller: &Caller, now_epoch: i64) -> Duration {
    let lease = Duration::from_secs(WATCH_LEASE_SECS);
    match caller.expires_at() {
        Some(exp) => lease.min(Duration::from_secs(
            u64::try_from(exp - now_epoch).unwrap_or(0),
        )),
        None => lease,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ids::UserId;

    fn caller() -> Caller {
        Caller::unproven(UserId::new(), Vec::new())
    }

    #[test]
    fn a_lease_ends_unless_renewed() {
        let watches = Watches::new(10);
        let (order, watch) = (OrderId::new(), WatchId::new());
        let t0 = Instant::now();
        watches.lease(order, watch, &caller(), t0).unwrap();
        let lease = Duration::from_secs(WATCH_LEASE_SECS);
        assert_eq!(watches.watchers(order, t0 + lease / 2), [watch]);
        assert_eq!(watches.watchers(order, t0 + lease), []);

        watches
            .lease(order, watch, &caller(), t0 + lease / 2)
            .unwrap();
        assert_eq!(watches.watchers(order, t0 + lease), [watch]);
        assert_eq!(watches.count(), 1, "a renewal is not a second watch");

        watches.sweep(t0 + lease * 2);
        assert_eq!(watches.count(), 0);
        assert!(watches.lock().by_order.is_empty());
    }

    #[test]
    fn watches_are_capped_and_forgotten_with_their_order() {
        let watches = Watches::new(2);
        let (order, other) = (OrderId::new(), OrderId::new());
        let now = Instant::now();
        watches
            .lease(order, WatchId::new(), &caller(), now)
            .unwrap();
        watches
            .lease(other, WatchId::new(), &caller(), now)
            .unwrap();
        let refused = watches.lease(order, WatchId::new(), &caller(), now);
        assert_eq!(refused.unwrap_err().code(), ErrorCode::Unavailable);

        watches.forget(order);
        assert_eq!(watches.count(), 1);
        watches
            .lease(order, WatchId::new(), &caller(), now)
            .unwrap();
    }

    #[test]
    fn a_lease_never_outlives_the_callers_token() {
        let now = 1_000_000;
        assert_eq!(
            lease_length(&caller(), now),
            Duration::from_secs(WATCH_LEASE_SECS)
        );
        let token_user = |exp| caller().expiring_at(exp);
        assert_eq!(
            lease_length(&token_user(now + 10), now),
            Duration::from_secs(10)
        );
        assert_eq!(lease_length(&token_user(now - 5), now), Duration::ZERO);
    }
}
