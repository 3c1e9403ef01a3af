//! How fast promotional email goes out: at most `MK_CAMPAIGN_RATE_PER_SEC` per instance (a
//! token bucket, governor). Order and payment mail has its own consumers and is never paced,
//! so a big campaign only ever takes this much of the SMTP server's time, and an order email
//! never queues behind it.

use std::num::NonZeroU32;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

pub struct CampaignPace {
    limiter: DefaultDirectRateLimiter,
    per_second: NonZeroU32,
}

impl std::fmt::Debug for CampaignPace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CampaignPace")
            .field("per_second", &self.per_second)
            .finish()
    }
}

impl CampaignPace {
    /// `per_second` of 0 is taken as 1: a campaign is slowed, never stopped.
    pub fn new(per_second: u32) -> Self {
        let per_second = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
        Self {
            // No burst: a campaign starts at its pace, not with a volley.
            limiter: RateLimiter::direct(
                Quota::per_second(per_second).allow_burst(NonZeroU32::MIN),
            ),
            per_second,
        }
    }

    /// Waits for the next message's turn.
    pub async fn wait(&self) {
        self.limiter.until_ready().await;
    }

    /// Campaign messages handed out at once: about ten seconds' worth at this pace, so none
    /// waits anywhere near the consumer's 30-second ack wait (it would be redelivered for
    /// nothing).
    pub fn in_flight(&self) -> i64 {
        i64::from(self.per_second.get()) * 10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_flight_is_ten_seconds_of_sending() {
        assert_eq!(CampaignPace::new(0).in_flight(), 10);
        assert_eq!(CampaignPace::new(25).in_flight(), 250);
    }
}
