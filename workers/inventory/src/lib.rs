//! The inventory worker: stock levels and reservations in Redis.
//!
//! Each product's stock is a hash `{available, reserved}`. Reserving an order's lines is one Lua
//! script ([`store::scripts`]): Redis runs it atomically, so it checks every line and then takes
//! them all, or takes nothing; concurrent orders can never oversell. The reservation is stored
//! under the order id, so a retried reserve finds it and changes nothing. Release (give back)
//! and commit (sold) are one-way moves from `reserved`, also scripts, also idempotent.
//!
//! The Redis that holds stock must persist (AOF): `scripts/dev` starts one of ours with
//! `appendonly yes`. Events (`mk.evt.inventory.*`) go to the INVENTORY stream with the order id
//! in `Nats-Msg-Id`; a retried request republishes and JetStream keeps one copy.

pub mod domain;
pub mod handlers;
pub mod settings;
pub mod state;
pub mod store;
pub mod worker;

pub use settings::Settings;
pub use worker::Inventory;
