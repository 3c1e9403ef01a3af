//! The one place where a worker's errors become wire errors.
//!
//! Every worker's handlers return `Result<_, ReplyError>`. Where a handler decides what a failure
//! means to its caller (a token that is rejected, a link that is dead, a row that is not there),
//! it builds the error on the spot with the helpers below ([`ReplyError::unauthorized`],
//! [`ReplyError::not_found`], ...), with the message the caller will read. Errors from below
//! (stores, codecs, validation, other services) convert with `?` through a
//! `From<TheirError> for ReplyError` impl kept next to that error type. Anything that is not the
//! client's fault goes through [`ReplyError::internal`]: the cause is logged with the request's
//! span, and the client only learns that something failed on our side.

use menuskart_schemas::{ErrorBody, ErrorCode};

/// A wire error on its way out: the contract's [`ErrorBody`], as a Rust error.
#[derive(Debug, thiserror::Error)]
#[error("{:?}: {}", .0.code, .0.message)]
pub struct ReplyError(ErrorBody);

impl ReplyError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self(ErrorBody::new(code, message))
    }

    pub fn with_details(self, details: serde_json::Value) -> Self {
        Self(self.0.with_details(details))
    }

    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::ValidationFailed, message)
    }

    /// A validation failure of one named field.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(ErrorCode::ValidationFailed, format!("{field}: {message}"))
            .with_details(serde_json::json!({ "field": field }))
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Unauthorized, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }

    pub fn too_many_requests(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::TooManyRequests, message)
    }

    /// Something we depend on cannot be reached (a database down or restarting): the client may
    /// retry shortly (503; the edge adds `Retry-After`). Logged here with its cause.
    pub fn unavailable(what: &str, cause: impl std::fmt::Display) -> Self {
        tracing::warn!(error = %cause, "{what} unavailable");
        Self::new(
            ErrorCode::Unavailable,
            format!("the {what} is unavailable; try again in a moment"),
        )
    }

    /// An error that is not the client's fault: logged in full here, opaque on the wire.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal, "internal error")
    }

    pub fn into_body(self) -> ErrorBody {
        self.0
    }

    /// The service API's error: the numeric code is the HTTP status, and the description is the
    /// compact JSON of the error body (the micro protocol sends error replies without a payload,
    /// so the body rides in this header; compact JSON never contains a newline).
    pub fn into_service_error(self) -> async_nats::service::error::Error {
        let code = self.code().status() as usize;
        let status = serde_json::to_string(&self.into_body())
            .unwrap_or_else(|_| r#"{"code":"internal","message":"internal error"}"#.into());
        async_nats::service::error::Error { status, code }
    }

    /// The inverse of [`ReplyError::into_service_error`], for clients (the edge, workers calling
    /// workers): reads the error body from the service API headers.
    pub fn body_from_service_headers(
        code: Option<&str>,
        description: Option<&str>,
    ) -> Option<ErrorBody> {
        let description = description?;
        if let Ok(body) = serde_json::from_str::<ErrorBody>(description) {
            return Some(body);
        }
        // A service that is not ours: keep its text, derive our code from its status.
        let status: u16 = code.and_then(|c| c.trim().parse().ok()).unwrap_or(500);
        let code = match status {
            400 => ErrorCode::BadRequest,
            401 => ErrorCode::Unauthorized,
            402 => ErrorCode::PaymentDeclined,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            422 => ErrorCode::ValidationFailed,
            429 => ErrorCode::TooManyRequests,
            503 => ErrorCode::Unavailable,
            _ => ErrorCode::Internal,
        };
        Some(ErrorBody::new(code, description))
    }
}

impl From<crate::rpc::RpcError> for ReplyError {
    /// Another service's answer, passed on (see [`crate::rpc::RpcError::into_error_body`]): its
    /// client errors (a product that does not exist, a conflict on stock) are the caller's too.
    fn from(error: crate::rpc::RpcError) -> Self {
        Self(error.into_error_body())
    }
}

impl From<serde_json::Error> for ReplyError {
    /// A request body that does not decode: broken syntax is a bad request, a well-formed body
    /// with missing or mistyped fields fails validation.
    fn from(error: serde_json::Error) -> Self {
        use serde_json::error::Category;
        match error.classify() {
            Category::Data => ReplyError::validation(error.to_string()),
            Category::Syntax | Category::Eof | Category::Io => {
                ReplyError::bad_request(format!("malformed JSON: {error}"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_error_carries_the_body_and_the_http_status() {
        let error = ReplyError::invalid_field("email", "is not an email address");
        let service_error = error.into_service_error();
        assert_eq!(service_error.code, 422);
        let body = ReplyError::body_from_service_headers(
            Some(&service_error.code.to_string()),
            Some(&service_error.status),
        )
        .unwrap();
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        assert_eq!(body.message, "email: is not an email address");
        assert_eq!(body.details, Some(serde_json::json!({"field": "email"})));
    }

    #[test]
    fn a_foreign_service_error_keeps_its_text() {
        let body =
            ReplyError::body_from_service_headers(Some("404"), Some("no such thing")).unwrap();
        assert_eq!(body.code, ErrorCode::NotFound);
        assert_eq!(body.message, "no such thing");
    }

    #[test]
    fn internal_errors_say_nothing_internal() {
        let body = ReplyError::internal("connection refused to 10.0.0.5:5432").into_body();
        assert_eq!(body.code, ErrorCode::Internal);
        assert!(!body.message.contains("5432"));
    }

    #[test]
    fn json_errors_are_classified() {
        let syntax = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert_eq!(ReplyError::from(syntax).code(), ErrorCode::BadRequest);
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Needs {
            field: u32,
        }
        let data = serde_json::from_str::<Needs>("{}").unwrap_err();
        assert_eq!(ReplyError::from(data).code(), ErrorCode::ValidationFailed);
    }
}
