//! The rate limits counted in this edge's own memory, while Redis cannot be reached: governor's
//! GCRA with the same quotas, one map per scope. Swept of idle clients every minute, and never
//! holding more than a fixed number of clients: beyond it, requests are refused until a sweep
//! makes room (a flood of new addresses cannot grow the edge's memory).

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota as GovernorQuota};

use super::{Decision, Quotas, Scope, Subject};

/// Clients one scope tracks at most.
pub const KEYS_MAX: usize = 100_000;

/// How long a client refused for want of room waits.
const FULL_RETRY_AFTER: Duration = Duration::from_secs(60);

type Limiter = DefaultKeyedRateLimiter<Subject>;

pub struct LocalLimits {
    scopes: [(Scope, Limiter); Scope::ALL.len()],
    keys_max: usize,
}

fn limiter(quota: super::Quota) -> Limiter {
    let burst = NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN);
    let quota = GovernorQuota::with_period(quota.interval.max(Duration::from_millis(1)))
        .expect("a period of at least 1 ms")
        .allow_burst(burst);
    DefaultKeyedRateLimiter::keyed(quota)
}

impl LocalLimits {
    pub fn new(quotas: &Quotas, keys_max: usize) -> Self {
        Self {
            scopes: Scope::ALL.map(|scope| (scope, limiter(quotas.of(scope)))),
            keys_max,
        }
    }

    fn of(&self, scope: Scope) -> &Limiter {
        self.scopes
            .iter()
            .find_map(|(s, limiter)| (*s == scope).then_some(limiter))
            .expect("a limiter per scope")
    }

    pub fn decide(&self, scope: Scope, subject: Subject) -> Decision {
        let limiter = self.of(scope);
        if limiter.len() >= self.keys_max {
            limiter.retain_recent();
            if limiter.len() >= self.keys_max {
                return Decision::Limited {
                    retry_after: FULL_RETRY_AFTER,
                };
            }
        }
        match limiter.check_key(&subject) {
            Ok(()) => Decision::Allowed,
            Err(not_until) => Decision::Limited {
                retry_after: not_until.wait_time_from(DefaultClock::default().now()),
            },
        }
    }

    /// Forgets clients whose allowance is whole again.
    pub fn sweep(&self) {
        for (_, limiter) in &self.scopes {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rate_limit::Quota;
    use std::net::{IpAddr, Ipv4Addr};

    fn quotas() -> Quotas {
        let slow = Quota::per_minute(1, 2);
        Quotas {
            credentials: slow,
            orders: slow,
            carts: slow,
            payments: slow,
            email_resends: slow,
            reviews: slow,
        }
    }

    fn address(n: u8) -> Subject {
        Subject::client(IpAddr::V4(Ipv4Addr::new(203, 0, 113, n)))
    }

    #[test]
    fn a_client_gets_its_burst_then_waits() {
        let local = LocalLimits::new(&quotas(), 100);
        assert_eq!(local.decide(Scope::Orders, address(1)), Decision::Allowed);
        assert_eq!(local.decide(Scope::Orders, address(1)), Decision::Allowed);
        assert!(matches!(
            local.decide(Scope::Orders, address(1)),
            Decision::Limited { retry_after } if retry_after > Duration::ZERO
        ));
        // Each scope counts on its own.
        assert_eq!(local.decide(Scope::Carts, address(1)), Decision::Allowed);
    }

    #[test]
    fn the_addresses_of_one_ipv6_64_share_one_count() {
        let local = LocalLimits::new(&quotas(), 100);
        let client = |text: &str| Subject::client(text.parse().unwrap());
        assert_eq!(
            local.decide(Scope::Orders, client("2001:db8:1:2::1")),
            Decision::Allowed
        );
        assert_eq!(
            local.decide(Scope::Orders, client("2001:db8:1:2::2")),
            Decision::Allowed
        );
        // A third address of the same /64: the same client, out of its burst.
        assert!(matches!(
            local.decide(Scope::Orders, client("2001:db8:1:2:aaaa::3")),
            Decision::Limited { .. }
        ));
        // The next /64 is someone else.
        assert_eq!(
            local.decide(Scope::Orders, client("2001:db8:1:3::1")),
            Decision::Allowed
        );
    }

    #[test]
    fn no_more_clients_than_the_cap_are_tracked() {
        let local = LocalLimits::new(&quotas(), 2);
        assert_eq!(local.decide(Scope::Orders, address(1)), Decision::Allowed);
        assert_eq!(local.decide(Scope::Orders, address(2)), Decision::Allowed);
        // Both still count (their allowance is not whole again): no room for a third.
        assert_eq!(
            local.decide(Scope::Orders, address(3)),
            Decision::Limited {
                retry_after: FULL_RETRY_AFTER
            }
        );
        assert_eq!(local.of(Scope::Orders).len(), 2);
    }
}
