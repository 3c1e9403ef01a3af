//! The error of a domain value that broke its rules, shared by every worker's `domain/` types.

use crate::ReplyError;

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

impl From<menuskart_schemas::paging::PagingError> for ReplyError {
    fn from(error: menuskart_schemas::paging::PagingError) -> Self {
        ValidationError::from(error).into()
    }
}

impl From<menuskart_schemas::paging::PagingError> for ValidationError {
    fn from(error: menuskart_schemas::paging::PagingError) -> Self {
        Self::new(error.field, error.message)
    }
}

/// A currency is always the field `currency`.
impl From<menuskart_schemas::money::UnknownCurrency> for ValidationError {
    fn from(error: menuskart_schemas::money::UnknownCurrency) -> Self {
        Self::new("currency", error.to_string())
    }
}

impl From<ValidationError> for ReplyError {
    fn from(error: ValidationError) -> Self {
        ReplyError::invalid_field(error.field, error.message)
    }
}
