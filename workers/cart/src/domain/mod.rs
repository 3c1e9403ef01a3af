//! The cart's rules, free of I/O: whose cart it is, how many units a line may hold, and how
//! a cart is priced and taxed.

pub mod limits;
pub mod owner;
pub mod pricing;
pub mod tax;

pub use limits::Limits;
pub use owner::{CartOwner, CartToken};
pub use pricing::{StoredLine, price};
pub use tax::TaxRates;
