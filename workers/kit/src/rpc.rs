//! Calling a worker: one NATS request, its reply envelope or service-API error decoded. Used by
//! the edge, by workers that call other workers, and by tests.

use std::time::Duration;

use async_nats::HeaderMap;
use async_nats::client::RequestErrorKind;
use menuskart_schemas::subjects::{Endpoint, EndpointName};
use menuskart_schemas::{Envelope, ErrorBody, headers};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ReplyError;

#[derive(Debug, thiserror::Error)]
pub enum RpcError {
    #[error("no instance of {0} is running")]
    NoResponders(&'static str),
    #[error("{0} did not answer in time")]
    Timeout(&'static str),
    #[error("the request is too large")]
    TooLarge,
    #[error("cannot send the request: {0}")]
    Transport(String),
    #[error("cannot encode or decode: {0}")]
    Codec(#[from] serde_json::Error),
    /// The worker answered with an error.
    #[error("{}: {}", .0.message, serde_json::to_string(&.0.code).unwrap_or_default())]
    Reply(ErrorBody),
}

impl RpcError {
    /// What the caller is told when a call fails: the one mapping of call failures to wire
    /// errors, used by the edge (which turns it into HTTP) and by workers calling workers (which
    /// pass it on). A service's own error reply goes through as it is (its failures are opaque
    /// already); a reply we cannot decode is our bug, so it is logged and opaque.
    pub fn into_error_body(self) -> ErrorBody {
        use menuskart_schemas::ErrorCode;
        match self {
            RpcError::Reply(body) => body,
            RpcError::NoResponders(service) => ErrorBody::new(
                ErrorCode::Unavailable,
                format!("the {service} service is unavailable"),
            ),
            RpcError::Timeout(service) => ErrorBody::new(
                ErrorCode::Timeout,
                format!("the {service} service did not answer in time"),
            ),
            RpcError::TooLarge => {
                ErrorBody::new(ErrorCode::PayloadTooLarge, "the request is too large")
            }
            RpcError::Transport(error) => {
                tracing::warn!(%error, "nats request failed");
                ErrorBody::new(ErrorCode::Unavailable, "the message bus is unavailable")
            }
            RpcError::Codec(error) => ReplyError::internal(error).into_body(),
        }
    }
}

/// Sends `body` to `endpoint` with `headers`, waiting at most `timeout`; the endpoint's
/// contract fixes what goes in and what comes back.
pub async fn request<Req, Resp>(
    client: &async_nats::Client,
    endpoint: Endpoint<Req, Resp>,
    headers: HeaderMap,
    body: &Req,
    timeout: Duration,
) -> Result<Resp, RpcError>
where
    Req: Serialize,
    Resp: DeserializeOwned,
{
    request_raw(client, endpoint.untyped(), headers, body, timeout).await
}

/// Any JSON to any endpoint, outside the contract: for tests that send what no client of the
/// contract can (a malformed or forged request).
pub async fn request_raw<Req, Resp>(
    client: &async_nats::Client,
    endpoint: EndpointName,
    headers: HeaderMap,
    body: &Req,
    timeout: Duration,
) -> Result<Resp, RpcError>
where
    Req: Serialize + ?Sized,
    Resp: DeserializeOwned,
{
    let request = async_nats::client::Request::new()
        .payload(serde_json::to_vec(body)?.into())
        .headers(headers)
        .timeout(Some(timeout));
    let reply = client
        .send_request(endpoint.subject, request)
        .await
        .map_err(|error| match error.kind() {
            RequestErrorKind::NoResponders => RpcError::NoResponders(endpoint.group),
            RequestErrorKind::TimedOut => RpcError::Timeout(endpoint.group),
            RequestErrorKind::MaxPayloadExceeded => RpcError::TooLarge,
            RequestErrorKind::InvalidSubject | RequestErrorKind::Other => {
                RpcError::Transport(error.to_string())
            }
        })?;
    if let Some(reply_headers) = &reply.headers {
        let description = reply_headers
            .get(headers::SERVICE_ERROR)
            .map(|v| v.as_str());
        let code = reply_headers
            .get(headers::SERVICE_ERROR_CODE)
            .map(|v| v.as_str());
        if let Some(body) = ReplyError::body_from_service_headers(code, description) {
            return Err(RpcError::Reply(body));
        }
    }
    serde_json::from_slice::<Envelope<Resp>>(&reply.payload)?
        .into_result()
        .map_err(RpcError::Reply)
}

/// A worker's handle on another service: the connection and how long to wait. Each call says
/// who it is made for (the caller's identity travels on, so the called worker checks it again)
/// and carries the current span's trace context.
#[derive(Debug, Clone)]
pub struct ServiceClient {
    nats: async_nats::Client,
    timeout: Duration,
}

impl ServiceClient {
    pub fn new(nats: async_nats::Client, timeout: Duration) -> Self {
        Self { nats, timeout }
    }

    pub async fn call<Req, Resp>(
        &self,
        endpoint: Endpoint<Req, Resp>,
        on_behalf_of: &crate::Caller,
        body: &Req,
    ) -> Result<Resp, RpcError>
    where
        Req: Serialize,
        Resp: DeserializeOwned,
    {
        let mut headers = HeaderMap::new();
        on_behalf_of.write_headers(&mut headers);
        crate::trace_context::inject(&tracing::Span::current(), &mut headers);
        request(&self.nats, endpoint, headers, body, self.timeout).await
    }
}

#[cfg(test)]
mod tests {
    use menuskart_schemas::ErrorCode;

    use super::*;

    fn status(error: RpcError) -> (u16, String) {
        let body = error.into_error_body();
        (body.code.status(), body.message)
    }

    #[test]
    fn call_failures_map_to_one_status_each_for_edge_and_workers() {
        assert_eq!(status(RpcError::NoResponders("mk.cart")).0, 503);
        assert_eq!(status(RpcError::Timeout("mk.cart")).0, 504);
        assert_eq!(status(RpcError::TooLarge).0, 413);
        assert_eq!(status(RpcError::Transport("closed".into())).0, 503);
        let undecodable = serde_json::from_str::<u8>("\"x\"").unwrap_err();
        assert_eq!(
            status(RpcError::Codec(undecodable)),
            (500, "internal error".to_owned())
        );
        let conflict = ErrorBody::new(ErrorCode::Conflict, "only 2 left");
        assert_eq!(
            RpcError::Reply(conflict.clone()).into_error_body(),
            conflict
        );
    }
}
