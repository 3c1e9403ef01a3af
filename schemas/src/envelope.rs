//! The reply envelope every worker answers with.
//!
//! Success is `{"ok":true,"data":...}`; failure is `{"ok":false,"error":{"code":..,"message":..}}`.
//! A failure additionally travels in the NATS service API's error headers (the kit does that), so
//! `nats micro stats` counts it.

use serde::{Deserialize, Serialize};

use crate::error::ErrorBody;

/// A request or reply that carries nothing (`{}`), e.g. the reply to a logout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub ok: bool,
    // No `default` attribute: serde already reads a missing `Option` as `None`, and the
    // attribute would demand `T: Default`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
}

impl<T> Envelope<T> {
    pub fn success(data: T) -> Self {
        Self {
            ok: true,
            data: Some(data),
            error: None,
        }
    }

    pub fn failure(error: ErrorBody) -> Self {
        Self {
            ok: false,
            data: None,
            error: Some(error),
        }
    }

    /// The data of a success, or the error of a failure. An envelope that claims success but
    /// carries no data (or failure without an error) is itself an error: the worker broke the
    /// contract.
    pub fn into_result(self) -> Result<T, ErrorBody> {
        match (self.ok, self.data, self.error) {
            (true, Some(data), _) => Ok(data),
            (false, _, Some(error)) => Err(error),
            _ => Err(ErrorBody::new(
                crate::ErrorCode::Internal,
                "malformed reply envelope",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn success_and_failure_have_the_documented_shape() {
        let ok = serde_json::to_value(Envelope::success(1)).unwrap();
        assert_eq!(ok, serde_json::json!({"ok": true, "data": 1}));
        let err = serde_json::to_value(Envelope::<()>::failure(ErrorBody::new(
            ErrorCode::NotFound,
            "no such product",
        )))
        .unwrap();
        assert_eq!(
            err,
            serde_json::json!({"ok": false, "error": {"code": "not_found", "message": "no such product"}})
        );
    }

    #[test]
    fn an_envelope_without_data_is_a_broken_reply() {
        let broken: Envelope<u32> = serde_json::from_str(r#"{"ok":true}"#).unwrap();
        assert_eq!(broken.into_result().unwrap_err().code, ErrorCode::Internal);
    }
}
