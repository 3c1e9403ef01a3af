//! The cart worker: what users and visitors are about to buy.
//!
//! A cart is a set of lines (product, quantity) in SurrealDB, keyed by its owner: a signed-in
//! user, or a visitor's anonymous cart token (only its SHA-256 is stored). Nothing about price
//! is stored: every read asks the catalog (`mk.catalog.get_many`) and prices the lines then, so
//! a cart never shows a stale price ([`domain::pricing`]). Adding checks the product exists and
//! has the stock (`mk.catalog.get`, which asks inventory); the hard guarantee against
//! overselling is the reservation when the order is placed. At login the edge asks for the
//! visitor's cart to be merged into the user's.

pub mod catalog_client;
pub mod domain;
pub mod handlers;
pub mod settings;
pub mod state;
pub mod store;
pub mod worker;

pub use settings::Settings;
pub use worker::Cart;
