//! Error codes of the wire contract, and the HTTP status each one means.
//!
//! The set is closed on purpose: a client can switch on `code`. Workers map their own typed errors
//! onto these; anything unexpected becomes `internal` with a message that says nothing internal.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is malformed (bad query, bad header, bad JSON syntax).
    BadRequest,
    /// The JSON is well formed but a field is missing, of the wrong type or out of its rules.
    ValidationFailed,
    /// No or bad credentials.
    Unauthorized,
    /// Authenticated, but not allowed.
    Forbidden,
    NotFound,
    MethodNotAllowed,
    /// The payment provider refused the payment (declined card, insufficient funds); the
    /// message carries the provider's reason.
    PaymentDeclined,
    /// The resource exists already or is in a state that forbids the change.
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    /// Something failed on our side; the log has the details.
    Internal,
    /// No worker answered (none running).
    Unavailable,
    /// A worker did not answer in time.
    Timeout,
}

impl ErrorCode {
    /// The HTTP status of this code; also the `Nats-Service-Error-Code` a worker answers with.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::PaymentDeclined => 402,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::ValidationFailed => 422,
            ErrorCode::TooManyRequests => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable => 503,
            ErrorCode::Timeout => 504,
        }
    }
}

/// The `error` object of a failed reply (and of every HTTP error response).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// For humans; never carries internal detail.
    pub message: String,
    /// Optional structured detail, e.g. which field failed validation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            details: None,
        }
    }

    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_on_the_wire() {
        assert_eq!(
            serde_json::to_string(&ErrorCode::ValidationFailed).unwrap(),
            "\"validation_failed\""
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>("\"too_many_requests\"").unwrap(),
            ErrorCode::TooManyRequests
        );
    }

    #[test]
    fn every_code_maps_to_a_client_or_server_error_status() {
        for code in [
            ErrorCode::BadRequest,
            ErrorCode::ValidationFailed,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::NotFound,
            ErrorCode::MethodNotAllowed,
            ErrorCode::Conflict,
            ErrorCode::PaymentDeclined,
            ErrorCode::PayloadTooLarge,
            ErrorCode::UnsupportedMediaType,
            ErrorCode::TooManyRequests,
            ErrorCode::Internal,
            ErrorCode::Unavailable,
            ErrorCode::Timeout,
        ] {
            assert!((400..600).contains(&code.status()), "{code:?}");
        }
    }
}
