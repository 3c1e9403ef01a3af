//! The order rules, free of I/O.

pub mod delivery_method;
pub mod draft;
pub mod order_filter;
pub mod shipping_address;
pub mod transitions;

pub use draft::OrderDraft;
pub use order_filter::OrderFilter;
pub use shipping_address::ShippingAddress;
