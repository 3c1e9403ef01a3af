//! HTTP call -> NATS request -> HTTP reply.
//!
//! Every request carries the caller (`mk-user-id`, `mk-roles`), the request id and the W3C trace
//! context. No worker subscribed means NATS answers "no responders" at once: 503. A worker that
//! does not answer within the timeout: 504. The edge never hangs.

use std::time::Duration;

use async_nats::HeaderMap;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use menuskart_kit::Caller;
use menuskart_kit::rpc::{self, RpcError};
use menuskart_schemas::headers;
use menuskart_schemas::subjects::Endpoint;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::ApiError;
use crate::state::AppState;

/// A handler's way onto the bus: the shared [`Bus`] and this HTTP request's id, extracted
/// together so every route is one `call.send(endpoint, caller, body)`.
#[derive(Debug, Clone)]
pub struct Call {
    bus: Bus,
    request_id: Option<String>,
}

impl Call {
    pub async fn send<Req, Resp>(
        &self,
        endpoint: Endpoint<Req, Resp>,
        caller: &Caller,
        body: &Req,
    ) -> Result<Resp, ApiError>
    where
        Req: Serialize,
        Resp: DeserializeOwned,
    {
        self.bus
            .request(endpoint, caller, self.request_id.as_deref(), body)
            .await
    }
}

impl FromRequestParts<AppState> for Call {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Set by the request-id layer when the client sent none.
        let request_id = parts
            .headers
            .get(headers::HTTP_REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Self {
            bus: state.bus.clone(),
            request_id,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Bus {
    client: async_nats::Client,
    timeout: Duration,
}

impl Bus {
    pub fn new(client: async_nats::Client, timeout: Duration) -> Self {
        Self { client, timeout }
    }

    pub fn client(&self) -> &async_nats::Client {
        &self.client
    }

    /// Sends `body` to `endpoint` as `caller` and decodes the reply.
    #[tracing::instrument(skip(self, caller, body), fields(subject = endpoint.subject))]
    pub async fn request<Req, Resp>(
        &self,
        endpoint: Endpoint<Req, Resp>,
        caller: &Caller,
        request_id: Option<&str>,
        body: &Req,
    ) -> Result<Resp, ApiError>
    where
        Req: Serialize,
        Resp: DeserializeOwned,
    {
        let mut headers = HeaderMap::new();
        caller.write_headers(&mut headers);
        if let Some(request_id) = request_id {
            headers.insert(headers::REQUEST_ID, request_id);
        }
        menuskart_kit::trace_context::inject(&tracing::Span::current(), &mut headers);
        let outcome = rpc::request(&self.client, endpoint, headers, body, self.timeout)
            .await
            .map_err(api_error);
        let label = match &outcome {
            Ok(_) => "ok".to_owned(),
            Err(error) => serde_json::to_value(error.code())
                .ok()
                .and_then(|code| code.as_str().map(str::to_owned))
                .unwrap_or_default(),
        };
        metrics::counter!(crate::metrics::NATS_REQUESTS, "subject" => endpoint.subject, "outcome" => label)
            .increment(1);
        outcome
    }
}

/// A failed call as the HTTP client sees it: the kit's one mapping of call failures.
fn api_error(error: RpcError) -> ApiError {
    error.into_error_body().into()
}
