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

use menuskart_kit::ReplyError;

/// A value that broke its rules; `field` names the request field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl From<ValidationError> for ReplyError {
    fn from(error: ValidationError) -> Self {
        ReplyError::invalid_field(error.field, error.message)
    }
}
