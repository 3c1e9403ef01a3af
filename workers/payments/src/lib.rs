//! The payment worker: charges an order's frozen total through a provider, refunds, and
//! applies the provider's signed webhooks.
//!
//! A charge ([`handlers::charge`]) is written as `pending` before the provider is called, with
//! the transaction id as the provider's idempotency key: a crash or a lost reply in between is
//! resumed by the client's retry (same `Idempotency-Key`, same transaction id) or by the
//! [`reconciler`], without charging twice; a webhook finds such a payment by the transaction id
//! in the provider's metadata. The
//! provider's verdict is one transaction with its `mk.evt.payments.*` event in the outbox
//! ([`store::payments`]); the relay publishes it to PAYMENTS and the order service marks the
//! order paid or cancelled. A unique index allows one live payment per order, so an order is
//! never paid twice. A payment that succeeds for an order that was cancelled meanwhile is
//! refunded automatically ([`refund_on_cancel`]).

pub mod handlers;
pub mod orders_client;
pub mod provider;
pub mod reconciler;
pub mod refund_on_cancel;
pub mod refunding;
pub mod settings;
pub mod signature;
pub mod state;
pub mod store;
pub mod worker;

pub use settings::Settings;
pub use worker::Payments;
