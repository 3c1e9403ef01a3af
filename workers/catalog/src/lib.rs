//! The catalog worker: products, categories and full-text search in SurrealDB, with a Redis
//! read cache.
//!
//! - The schema ([`store`]) is SCHEMAFULL and applied at start; search uses SurrealDB's
//!   full-text indexes (English stemming on name and description, edge n-grams for prefixes).
//! - Categories form a tree; each product stores its category's path from the root, so a
//!   category filter includes its sub-categories with one `CONTAINS`.
//! - Reads go through [`cache`], invalidated by a generation bump after every write.
//! - Product details ask the inventory service for current stock over NATS; listings filter on
//!   a mirror of it kept by [`stock_mirror`] from inventory events.

pub mod cache;
pub mod domain;
pub mod handlers;
pub mod settings;
pub mod state;
pub mod stock_mirror;
pub mod store;
pub mod worker;

pub use settings::Settings;
pub use worker::Catalog;
