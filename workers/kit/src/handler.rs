//! Typed handlers.
//!
//! A handler is an `async fn(state, Incoming<Req>) -> Result<Resp, E>`; [`route`] erases its
//! types so a [`crate::Worker`] can hold many. Decoding the request, encoding the envelope and
//! turning `E` into a wire error happen here, once, for every endpoint of every worker.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use async_nats::HeaderMap;
use bytes::Bytes;
use menuskart_schemas::{Envelope, headers};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Caller, ReplyError};

/// A decoded request: its body, who sent it, and the edge's request id.
#[derive(Debug, Clone)]
pub struct Incoming<T> {
    pub body: T,
    pub caller: Caller,
    pub request_id: Option<String>,
}

/// A request as it came off the wire, with its caller already verified.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub payload: Bytes,
    pub headers: Option<HeaderMap>,
    pub caller: Caller,
}

/// The edge's request id, if the message carries one.
pub(crate) fn request_id(headers: Option<&HeaderMap>) -> Option<String> {
    headers?
        .get(headers::REQUEST_ID)
        .map(|v| v.as_str().to_owned())
}

impl RawRequest {
    pub fn request_id(&self) -> Option<String> {
        request_id(self.headers.as_ref())
    }

    fn decode<T: DeserializeOwned>(&self) -> Result<Incoming<T>, ReplyError> {
        // An empty payload is an empty object: requests without a body need not send `{}`.
        let payload: &[u8] = if self.payload.is_empty() {
            b"{}"
        } else {
            &self.payload
        };
        Ok(Incoming {
            body: serde_json::from_slice(payload)?,
            caller: self.caller.clone(),
            request_id: self.request_id(),
        })
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<Bytes, ReplyError>> + Send>>;

/// A type-erased handler: raw request in, encoded success envelope or wire error out.
#[derive(Clone)]
pub struct Route(Arc<dyn Fn(RawRequest) -> BoxFuture + Send + Sync>);

impl Route {
    pub async fn call(&self, request: RawRequest) -> Result<Bytes, ReplyError> {
        (self.0)(request).await
    }
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Route")
    }
}

/// Makes a [`Route`] of a typed handler and the state it is called with.
pub fn route<S, Req, Resp, E, F, Fut>(state: S, handler: F) -> Route
where
    S: Clone + Send + Sync + 'static,
    Req: DeserializeOwned + Send + 'static,
    Resp: Serialize,
    E: Into<ReplyError>,
    F: Fn(S, Incoming<Req>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Resp, E>> + Send + 'static,
{
    let handler = Arc::new(handler);
    Route(Arc::new(move |request: RawRequest| {
        let state = state.clone();
        let handler = handler.clone();
        Box::pin(async move {
            let incoming = request.decode::<Req>()?;
            let response = handler(state, incoming).await.map_err(Into::into)?;
            serde_json::to_vec(&Envelope::success(response))
                .map(Bytes::from)
                .map_err(ReplyError::internal)
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ErrorCode;

    #[derive(serde::Deserialize)]
    struct Add {
        a: i64,
        b: i64,
    }

    async fn add(offset: i64, req: Incoming<Add>) -> Result<i64, ReplyError> {
        if req.body.a < 0 {
            return Err(ReplyError::validation("a must not be negative"));
        }
        Ok(req.body.a + req.body.b + offset)
    }

    fn raw(payload: &'static str) -> RawRequest {
        RawRequest {
            payload: Bytes::from_static(payload.as_bytes()),
            headers: None,
            caller: Caller::anonymous(),
        }
    }

    #[tokio::test]
    async fn a_route_decodes_calls_and_wraps_in_the_envelope() {
        let route = route(10_i64, add);
        let reply = route.call(raw(r#"{"a":1,"b":2}"#)).await.unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&reply).unwrap(),
            serde_json::json!({"ok": true, "data": 13})
        );
    }

    #[tokio::test]
    async fn a_route_reports_bad_input_and_handler_errors() {
        let route = route(0_i64, add);
        assert_eq!(
            route.call(raw("{")).await.unwrap_err().code(),
            ErrorCode::BadRequest
        );
        assert_eq!(
            route.call(raw(r#"{"a":1}"#)).await.unwrap_err().code(),
            ErrorCode::ValidationFailed
        );
        assert_eq!(
            route
                .call(raw(r#"{"a":-1,"b":0}"#))
                .await
                .unwrap_err()
                .code(),
            ErrorCode::ValidationFailed
        );
    }
}
