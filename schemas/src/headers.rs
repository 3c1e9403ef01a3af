//! Header names carried on NATS messages (and the HTTP ones the edge translates from).

/// The authenticated caller's user id, set by the edge after verifying the JWT.
pub const USER_ID: &str = "mk-user-id";
/// The caller's roles, comma separated (`customer`, `admin`).
pub const ROLES: &str = "mk-roles";
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
