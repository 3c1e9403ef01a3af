//! Live order status for the edge's live view (`GET /orders/{id}/events`), without the edge
//! touching JetStream.
//!
//! The edge asks `mk.orders.watch` with the customer's own token and a watch id of its
//! choosing ([`crate::handlers::watch`]): this worker checks the caller may see the order,
//! takes a lease ([`watches`]) and answers the order as it is. From then on [`forward`] sends
//! each of that order's status changes to the watch's own live subject until the lease ends.
//! So the edge hears only about orders a customer proved they may see, and needs no right to
//! read the ORDERS stream, create consumers or delete them.

pub mod forward;
pub mod watches;

pub use watches::Watches;
