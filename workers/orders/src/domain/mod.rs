//! The order rules, free of I/O.

pub mod draft;
pub mod idempotency_key;
pub mod shipping_address;
pub mod transitions;

pub use draft::OrderDraft;
pub use idempotency_key::IdempotencyKey;
pub use shipping_address::ShippingAddress;
