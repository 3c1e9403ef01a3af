//! `GET /orders/{order_id}/events`: the order's status changes as Server-Sent Events.
//!
//! The edge neither reads the ORDERS stream nor creates consumers: it asks the orders worker to
//! watch the order (`mk.orders.watch`, with the customer's own token and a watch id of its
//! own), and the worker, having checked the caller may see the order, sends that order's status
//! changes to the watch's live subject, which the edge subscribed to before asking. So the edge's
//! NATS key reaches no other customer's order events and nothing of JetStream.
//!
//! The watch is a lease the edge renews every [`RENEW_EVERY`] by asking again; each answer is
//! the order as it is then, so a change missed while NATS was away (a restart, a lost
//! connection) is caught up at the next renewal. Each renewal first has the auth service check
//! the customer's session, so the stream ends within one renewal of a logout or a password
//! reset; it also ends when the token expires or a renewal is refused: it never outlives the
//! token.
//!
//! The stream takes its place under the caps ([`crate::live_streams`]) first, and ends after a
//! final status (`shipped`, `cancelled`), when the client leaves, or when the edge shuts down.
//! Keep-alive comments every 15 seconds keep proxies from closing an idle stream.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use chrono::{DateTime, Utc};
use futures::{Stream, StreamExt};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::auth::TokenRequest;
use menuskart_schemas::ids::{OrderId, WatchId};
use menuskart_schemas::orders::{LiveUpdate, Order, OrderStatus, WatchRequest};
use menuskart_schemas::subjects::{auth, orders};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::auth::AuthUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::PathId;
use crate::state::AppState;

const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How often the watch is renewed: well inside its lease (`WATCH_LEASE_SECS`), so one lost
/// renewal does not end it.
const RENEW_EVERY: Duration = Duration::from_secs(15);

/// What the stream has told its client: a change is sent only when it is newer and different.
struct Seen {
    order_id: OrderId,
    status: OrderStatus,
    at: DateTime<Utc>,
}

impl Seen {
    /// The first event: the order's status now.
    fn start(order: &Order) -> (Self, Event) {
        // The history's last entry is the status now.
        let current = order.history.last().filter(|c| c.status == order.status);
        let event = status_event(
            order.id,
            order.status,
            current.map(|c| c.at),
            current.and_then(|c| c.reason.as_deref()),
        );
        let seen = Self {
            order_id: order.id,
            status: order.status,
            at: order.updated_at,
        };
        (seen, event)
    }

    /// The event for a status reached `at`, unless the client has it already.
    fn advance(
        &mut self,
        status: OrderStatus,
        at: DateTime<Utc>,
        reason: Option<&str>,
    ) -> Option<Event> {
        if at <= self.at || status == self.status {
            return None;
        }
        (self.status, self.at) = (status, at);
        Some(status_event(self.order_id, status, Some(at), reason))
    }

    /// The event for the order as a renewal found it, if it moved on meanwhile.
    fn catch_up(&mut self, order: &Order) -> Option<Event> {
        let current = order.history.last().filter(|c| c.status == order.status);
        self.advance(
            order.status,
            order.updated_at,
            current.and_then(|c| c.reason.as_deref()),
        )
    }
}

/// One SSE `status` event: the status, when it was reached and why (a cancellation's reason).
fn status_event(
    order_id: OrderId,
    status: OrderStatus,
    at: Option<DateTime<Utc>>,
    reason: Option<&str>,
) -> Event {
    let data = serde_json::json!({
        "order_id": order_id,
        "status": status,
        "at": at,
        "reason": reason,
    });
    Event::default().event("status").data(data.to_string())
}

/// Live status of an order (its owner or an admin): `event: status` with
/// `{order_id, status, at, reason}`, the current status first.
#[utoipa::path(get, path = "/orders/{order_id}/events", tag = "orders", security(("bearer" = [])),
    params(("order_id" = Uuid, Path, description = "The order's id")),
    responses(
        (status = 200, description = "text/event-stream of `status` events, current status first; ends at a final status or when the access token expires", content_type = "text/event-stream", body = String),
        (status = 404, description = "No such order, or not yours", body = ErrorResponse),
        (status = 429, description = "Too many live streams open for this user", body = ErrorResponse),
        (status = 503, description = "The edge serves as many live streams as it can", body = ErrorResponse),
    ))]
pub async fn order_events(
    State(state): State<AppState>,
    call: Call,
    user: AuthUser,
    PathId(order_id): PathId<OrderId>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let slot = state.live_streams.open(user.claims.sub)?;
    let closing = state.live_streams.closing();
    let caller = user.caller();
    let session = TokenRequest {
        access_token: user.token.clone(),
    };
    let watch = WatchRequest {
        order_id,
        watch_id: WatchId::new(),
    };
    // Subscribed before asking, so no change sent after the answer is missed.
    let mut changes = state
        .bus
        .client()
        .subscribe(orders::live_subject(watch.watch_id))
        .await
        .map_err(|error| {
            tracing::warn!(%error, "order events unavailable");
            ApiError::new(ErrorCode::Unavailable, "live order status is unavailable")
        })?;
    // The orders worker checks the caller may see the order (404 otherwise).
    let order: Order = call.send(orders::WATCH, &caller, &watch).await?;

    // The stream ends when the customer's token does (a later renewal would be refused anyway).
    let token_left = user.claims.exp - Utc::now().timestamp();
    let token_expiry =
        tokio::time::Instant::now() + Duration::from_secs(u64::try_from(token_left).unwrap_or(0));

    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        // Held until the stream ends: its place under the caps.
        let _slot = slot;
        let (mut seen, first) = Seen::start(&order);
        if tx.send(Ok(first)).await.is_err() || seen.status.is_final() {
            return;
        }
        let mut renew =
            tokio::time::interval_at(tokio::time::Instant::now() + RENEW_EVERY, RENEW_EVERY);
        loop {
            let event = tokio::select! {
                // The client went away, or the edge is shutting down: end the stream.
                () = tx.closed() => return,
                () = closing.cancelled() => return,
                () = tokio::time::sleep_until(token_expiry) => return,
                _ = renew.tick() => match renewal(&call, &caller, &session, &watch).await {
                    Ok(order) => seen.catch_up(&order),
                    // The session ended (logout, password reset), the token expired, or the
                    // order is no longer the caller's to see.
                    Err(error) if ends_the_watch(error.code()) => return,
                    // The orders service is away for now: the next renewal tries again.
                    Err(_) => None,
                },
                message = changes.next() => {
                    let Some(message) = message else { return };
                    match serde_json::from_slice::<LiveUpdate>(&message.payload) {
                        Ok(LiveUpdate::Status(change)) => {
                            seen.advance(change.status, change.at, change.reason.as_deref())
                        }
                        Err(_) => None,
                    }
                }
            };
            if let Some(event) = event
                && (tx.send(Ok(event)).await.is_err() || seen.status.is_final())
            {
                return;
            }
        }
    });
    Ok(Sse::new(ReceiverStream::new(rx)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

/// A renewal: the customer's session must still be open (tokens are checked by signature
/// alone elsewhere, so only auth knows of a logout), then the watch is asked again.
async fn renewal(
    call: &Call,
    caller: &menuskart_kit::Caller,
    session: &TokenRequest,
    watch: &WatchRequest,
) -> Result<Order, ApiError> {
    let _: menuskart_schemas::auth::ValidatedToken =
        call.send(auth::VALIDATE, caller, session).await?;
    call.send(orders::WATCH, caller, watch).await
}

/// Whether a refused renewal ends the stream: the caller is no longer who may watch.
fn ends_the_watch(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::Unauthorized | ErrorCode::Forbidden | ErrorCode::NotFound
    )
}
