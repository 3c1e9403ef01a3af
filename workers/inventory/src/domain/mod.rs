//! Domain values of the inventory worker, parsed at the boundary.

mod quantity;
mod reservation_lines;

pub use menuskart_kit::ValidationError;
pub use quantity::Quantity;
pub use reservation_lines::ReservationLines;
