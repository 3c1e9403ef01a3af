//! Where a worker may send its answer: only to a reply inbox, never to a subject the caller
//! chose to aim the answer at.
//!
//! NATS lets a responder publish once to whatever reply subject the request names
//! (`allow_responses`), whatever else its grants say. A caller could name
//! `$JS.API.STREAM.PURGE.AUTH` and JetStream would take our answer as a purge request (it was
//! reproduced with the edge's key: the AUTH stream went from 20 messages to none). So a worker
//! answers only replies that go to an inbox:
//! - `_INBOX_<component>.…`: the inbox prefix of one of our components, which the kit gives
//!   every connection ([`crate::nats::inbox_prefix`]) and which only that component may
//!   subscribe to;
//! - `_R_.…`: the reply subject the server itself makes when a request crosses from another
//!   account through a service import (the edge's and the operators' accounts); the server maps
//!   the answer back to the requester's own account, where it cannot reach our JetStream.
//!
//! Anything else is refused: not answered, logged and counted (`refused_replies` in the
//! service's stats), and the handler never runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::nats::{COMPONENTS, inbox_prefix};

/// The prefix of the reply subjects the server makes for requests through a service import.
const IMPORT_REPLY_PREFIX: &str = "_R_.";

/// Whether an answer may go to `reply`.
pub fn is_inbox(reply: &str) -> bool {
    if let Some(rest) = reply.strip_prefix(IMPORT_REPLY_PREFIX) {
        return is_token_path(rest);
    }
    COMPONENTS.iter().any(|component| {
        reply
            .strip_prefix(&inbox_prefix(component))
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(is_token_path)
    })
}

/// One or more non-empty, wildcard-free tokens: a concrete subject, not a pattern.
fn is_token_path(rest: &str) -> bool {
    !rest.is_empty()
        && rest
            .split('.')
            .all(|token| !token.is_empty() && token != "*" && token != ">")
}

/// How many requests this worker refused to answer because of their reply subject.
#[derive(Debug, Clone, Default)]
pub struct RefusedReplies(Arc<AtomicU64>);

impl RefusedReplies {
    /// Lets a request through when its reply goes to an inbox; otherwise counts and logs it.
    /// A request without a reply subject (a plain publish) has no answer to misdirect.
    pub fn admit(&self, subject: &str, reply: Option<&str>) -> bool {
        match reply {
            Some(reply) if !is_inbox(reply) => {
                self.0.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(
                    subject,
                    reply,
                    "refused a request whose reply subject is not an inbox"
                );
                false
            }
            _ => true,
        }
    }

    pub fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inboxes_of_our_components_and_import_replies_are_answered() {
        assert!(is_inbox("_INBOX_edge.AbC123.xYz"));
        assert!(is_inbox("_INBOX_orders.x"));
        assert!(is_inbox("_R_.abc.def"));
    }

    #[test]
    fn any_other_reply_subject_is_refused() {
        for reply in [
            "$JS.API.STREAM.PURGE.AUTH",
            "$JS.API.CONSUMER.DELETE.ORDERS.orders-stock",
            "$SRV.PING",
            "mk.inventory.release",
            "mk.evt.payments.succeeded",
            "_INBOX.abc",
            "_INBOX_stranger.abc",
            "_INBOX_edge",
            "_INBOX_edge.",
            "_INBOX_edge.a..b",
            "_INBOX_edge.>",
            "_INBOX_edge.*",
            "_INBOX_edgex.abc",
            "_R_.",
            "_R_",
        ] {
            assert!(!is_inbox(reply), "{reply} was taken for an inbox");
        }
    }

    #[test]
    fn refusals_are_counted() {
        let refused = RefusedReplies::default();
        assert!(refused.admit("mk.orders.get", Some("_INBOX_edge.a.b")));
        assert!(refused.admit("mk.orders.get", None));
        assert!(!refused.admit("mk.orders.get", Some("$JS.API.STREAM.PURGE.AUTH")));
        assert_eq!(refused.count(), 1);
    }
}
