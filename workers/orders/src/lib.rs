//! The order worker: turns a cart into an order and walks it through its life.
//!
//! Placing is a small saga ([`handlers::place`]): the order and its frozen lines are written as
//! `placing`; the inventory reserves every line or none (idempotent per order id); then one
//! transaction makes the order `pending_payment` and writes its `placed` event to the outbox;
//! then the cart is emptied. An `Idempotency-Key` fixes the order id (a UUIDv5 of user and key),
//! so a retried request finds the same order, or resumes it where the first attempt stopped.
//!
//! Every later status change ([`store::transitions`]) is one transaction with its outbox row;
//! the [`menuskart_kit::outbox::Relay`] publishes them to the ORDERS stream. Side effects on
//! stock follow from those events ([`stock_settler`]: paid -> commit, cancelled -> release),
//! so a crash after the commit still settles the stock when the event is redelivered. Payment
//! events drive `paid`/`cancelled` ([`payment_events`]); [`sweeper`] expires unpaid orders
//! and cleans up abandoned placements. [`live`] sends a watched order's status changes to the
//! edge's live view.

pub mod clients;
pub mod domain;
pub mod handlers;
pub mod live;
pub mod payment_events;
pub mod settings;
pub mod state;
pub mod stock_settler;
pub mod store;
pub mod sweeper;
pub mod worker;

pub use settings::Settings;
pub use worker::Orders;
