//! The open live-status streams (SSE) of one edge: capped per user and in total, and all closed
//! when the edge shuts down.
//!
//! Each stream holds a subscription, a task and a watch at the orders worker until the client
//! leaves, so without caps one account could open thousands. A stream takes a [`StreamSlot`] before its watch
//! exists and gives it back when it ends (the slot's `Drop`), so the counts cannot leak. The map
//! holds only users with a stream open, so it is bounded by the total cap.
//!
//! At shutdown the edge waits for its connections to finish, and an SSE response never finishes
//! by itself: every stream ends when the edge's stop token (given to [`LiveStreams::new`]) is
//! cancelled, so the shutdown completes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use menuskart_schemas::ErrorCode;
use menuskart_schemas::ids::UserId;
use tokio_util::sync::CancellationToken;

use crate::errors::ApiError;

#[derive(Debug, Clone)]
pub struct LiveStreams {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    max_total: usize,
    max_per_user: usize,
    open: Mutex<Open>,
    closing: CancellationToken,
}

#[derive(Debug, Default)]
struct Open {
    total: usize,
    per_user: HashMap<UserId, usize>,
}

/// A stream's place under the caps; dropping it frees the place.
#[derive(Debug)]
pub struct StreamSlot {
    streams: LiveStreams,
    user: UserId,
}

impl LiveStreams {
    /// Streams capped at `max_total` and `max_per_user`, all ending when `closing` is
    /// cancelled (the edge shutting down).
    pub fn new(max_total: usize, max_per_user: usize, closing: CancellationToken) -> Self {
        Self {
            inner: Arc::new(Inner {
                max_total,
                max_per_user,
                open: Mutex::new(Open::default()),
                closing,
            }),
        }
    }

    /// A place for one more stream of `user`: 429 when they have their share open, 503 when the
    /// edge has as many as it serves.
    pub fn open(&self, user: UserId) -> Result<StreamSlot, ApiError> {
        let mut open = self.lock();
        let mine = open.per_user.get(&user).copied().unwrap_or(0);
        if mine >= self.inner.max_per_user {
            return Err(ApiError::new(
                ErrorCode::TooManyRequests,
                format!(
                    "at most {} live order streams at once; close one first",
                    self.inner.max_per_user
                ),
            ));
        }
        if open.total >= self.inner.max_total {
            return Err(ApiError::new(
                ErrorCode::Unavailable,
                "live order status is busy; try again shortly",
            ));
        }
        open.total += 1;
        open.per_user.insert(user, mine + 1);
        Ok(StreamSlot {
            streams: self.clone(),
            user,
        })
    }

    /// Cancelled when the edge shuts down: every stream task ends on it.
    pub fn closing(&self) -> CancellationToken {
        self.inner.closing.clone()
    }

    /// Streams open now.
    pub fn open_count(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Open> {
        // The counts stay consistent even if a holder panicked (each change is one step).
        self.inner
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = self.streams.lock();
        open.total = open.total.saturating_sub(1);
        if let Some(count) = open.per_user.get_mut(&self.user) {
            *count -= 1;
            if *count == 0 {
                open.per_user.remove(&self.user);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_capped_per_user_and_in_total_and_come_back_when_dropped() {
        let streams = LiveStreams::new(3, 2, CancellationToken::new());
        let (ada, bob, cy) = (UserId::new(), UserId::new(), UserId::new());
        let a1 = streams.open(ada).unwrap();
        let _a2 = streams.open(ada).unwrap();
        assert_eq!(
            streams.open(ada).unwrap_err().code(),
            ErrorCode::TooManyRequests
        );
        let _b1 = streams.open(bob).unwrap();
        assert_eq!(streams.open(cy).unwrap_err().code(), ErrorCode::Unavailable);
        assert_eq!(streams.open_count(), 3);

        drop(a1);
        assert_eq!(streams.open_count(), 2);
        let _c1 = streams.open(cy).unwrap();
        assert_eq!(streams.lock().per_user.len(), 3);
    }

    #[test]
    fn a_user_without_streams_leaves_the_map() {
        let streams = LiveStreams::new(10, 2, CancellationToken::new());
        let ada = UserId::new();
        drop(streams.open(ada).unwrap());
        assert!(streams.lock().per_user.is_empty());
        assert_eq!(streams.open_count(), 0);
    }
}
