//! The one place where failures become HTTP responses: `{"error":{"code","message"}}` with the
//! status the code means (`ErrorCode::status`). A 500 never carries internal detail.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use menuskart_schemas::{ErrorBody, ErrorCode};
use serde::Serialize;

/// Every error response of the public API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorResponse {
    pub error: ErrorBody,
}

#[derive(Debug)]
pub struct ApiError(pub ErrorBody);

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self(ErrorBody::new(code, message))
    }

    pub fn code(&self) -> ErrorCode {
        self.0.code
    }
}

/// A page or page length out of range: 422 naming the field, as a worker would answer.
impl From<menuskart_schemas::paging::PagingError> for ApiError {
    fn from(error: menuskart_schemas::paging::PagingError) -> Self {
        Self(
            ErrorBody::new(ErrorCode::ValidationFailed, error.to_string())
                .with_details(serde_json::json!({ "field": error.field })),
        )
    }
}

/// A malformed product id (in a path): 422 naming `product_id`, as a worker would answer a
/// message carrying it.
impl From<menuskart_schemas::ids::InvalidProductId> for ApiError {
    fn from(error: menuskart_schemas::ids::InvalidProductId) -> Self {
        Self(
            ErrorBody::new(ErrorCode::ValidationFailed, error.to_string()).with_details(
                serde_json::json!({ "field": menuskart_schemas::ids::InvalidProductId::FIELD }),
            ),
        )
    }
}

impl From<ErrorBody> for ApiError {
    fn from(body: ErrorBody) -> Self {
        Self(body)
    }
}

/// How long a client should wait before retrying a 503 (a worker or its database out of reach:
/// restarts and failovers take seconds).
const RETRY_UNAVAILABLE_AFTER_SECS: &str = "2";

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let unavailable = self.0.code == ErrorCode::Unavailable;
        let mut response = (status, Json(ErrorResponse { error: self.0 })).into_response();
        if unavailable {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static(RETRY_UNAVAILABLE_AFTER_SECS),
            );
        }
        response
    }
}

/// Unknown paths.
pub async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such route")
}

/// Known paths, wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "method not allowed on this route",
    )
}

/// A handler panicked (a bug): the client gets a plain 500, the log gets the panic.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "handler panicked");
    ApiError::new(ErrorCode::Internal, "internal error").into_response()
}
