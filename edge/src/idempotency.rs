//! The `Idempotency-Key` header, passed on to the worker that honours it (orders, payments).

use axum::http::HeaderMap;
use menuskart_schemas::ErrorCode;

use crate::errors::ApiError;

pub const HEADER: &str = "idempotency-key";

/// The header's value, if sent; the worker checks its form.
pub fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    headers
        .get(HEADER)
        .map(|value| {
            value.to_str().map(str::to_owned).map_err(|_| {
                ApiError::new(
                    ErrorCode::ValidationFailed,
                    "Idempotency-Key: visible ASCII only",
                )
            })
        })
        .transpose()
}
