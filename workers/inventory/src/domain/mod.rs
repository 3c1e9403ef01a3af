//! Domain values of the inventory worker, parsed at the boundary.

mod product_id;
mod quantity;
mod reservation_lines;

pub use menuskart_kit::ValidationError;
pub use product_id::ProductId;
pub use quantity::Quantity;
pub use reservation_lines::ReservationLines;
