//! The MenusKart contract, shared by the edge and every worker.
//!
//! Everything that crosses a process boundary is written here exactly once:
//! - [`subjects`]: NATS subject names, grouped per service, as [`subjects::Endpoint`] constants;
//! - [`headers`]: the NATS and HTTP header names we set and read;
//! - [`envelope`]: the `{"ok":true,"data":..}` / `{"ok":false,"error":..}` reply envelope;
//! - [`error`]: the closed set of error codes and the HTTP status each one means;
//! - [`components`]: who serves, calls, publishes and consumes what over NATS (the grants);
//! - [`jetstream`]: what a component asks the JetStream keeper for;
//! - [`tax`]: the rounding rule, prices with or without tax, and the [`tax::Totals`] of carts and orders;
//! - [`dead_letters`]: what an operator's replay of a dead letter asks and gets;
//! - [`delivery`]: the delivery methods a shop offers and the one an order has;
//! - [`audit`]: the audit log of price, stock, refund and role changes;
//! - one module per domain with its request, reply and event types ([`auth`], [`catalog`], [`inventory`], [`cart`], [`orders`], [`payments`], [`notify`]).
//!
//! The crate depends on nothing of ours. With the `openapi` feature the types also derive
//! `utoipa::ToSchema`, so the edge's OpenAPI document is generated from the same types the
//! workers speak.

pub mod audit;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod components;
pub mod dead_letters;
pub mod delivery;
pub mod envelope;
pub mod error;
pub mod headers;
pub mod ids;
pub mod inventory;
pub mod jetstream;
pub mod money;
pub mod notify;
pub mod orders;
pub mod paging;
pub mod payments;
pub mod postcode;
pub mod subjects;
pub mod tax;

pub use envelope::{Empty, Envelope};
pub use error::{ErrorBody, ErrorCode};
