//! Rounds of background work (a sweeper, a reconciler) every so often until the worker stops.

use std::future::Future;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// Runs `round` every `period` until `stop` is cancelled; a round in progress is finished first.
/// A round that overruns delays the next instead of bunching them up.
pub async fn every<F, Fut>(period: Duration, stop: CancellationToken, mut round: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = ticks.tick() => {}
        }
        round().await;
    }
}
