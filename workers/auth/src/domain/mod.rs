//! Domain values of the auth worker: parsed once at the boundary ("parse, don't validate"), so
//! code past a handler's first lines never re-checks them.

mod display_name;
mod email;
mod password;
mod phone;
mod postal_address;

pub use display_name::DisplayName;
pub use email::Email;
pub use password::Password;
pub use phone::Phone;
pub use postal_address::{MAX_ADDRESSES, PostalAddress};

pub use menuskart_kit::ValidationError;
