//! Header names carried on NATS messages (and the HTTP ones the edge translates from).

/// The caller's proof: `Bearer <access token>`, forwarded by the edge and by workers calling
/// for a user, and verified by every worker before its handlers run.
pub const AUTHORIZATION: &str = "Authorization";
/// How the value of [`AUTHORIZATION`] starts.
pub const BEARER_PREFIX: &str = "Bearer ";
/// The edge's request id, so a worker's log lines can be matched with the HTTP request.
pub const REQUEST_ID: &str = "mk-request-id";
/// W3C trace context.
pub const TRACEPARENT: &str = "traceparent";
/// JetStream de-duplication and our idempotency id.
pub const NATS_MSG_ID: &str = "Nats-Msg-Id";
/// NATS service API error headers (micro protocol).
pub const SERVICE_ERROR: &str = "Nats-Service-Error";
pub const SERVICE_ERROR_CODE: &str = "Nats-Service-Error-Code";
/// HTTP: the id of a request, echoed back on the response.
pub const HTTP_REQUEST_ID: &str = "x-request-id";
