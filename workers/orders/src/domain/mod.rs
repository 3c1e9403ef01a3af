//! The order rules, free of I/O.

pub mod draft;
pub mod shipping_address;
pub mod transitions;

pub use draft::OrderDraft;
pub use shipping_address::ShippingAddress;
