//! The cart's rules, free of I/O: whose cart it is, how many units a line may hold, and how
//! a cart is priced.

pub mod limits;
pub mod owner;
pub mod pricing;

pub use limits::Limits;
pub use owner::{CartOwner, CartToken};
pub use pricing::{ShopDefaults, StoredLine, price};
