//! `GET /orders/{order_id}/events`: the order's status changes as Server-Sent Events, fed from
//! the ORDERS JetStream stream. The edge stores nothing: each connection has an ephemeral
//! ordered consumer (new messages only), so any number of edge instances can serve these.
//!
//! The order service first checks that the caller may see the order (404 otherwise), and the
//! stream takes its place under the caps ([`crate::live_streams`]); only then is a consumer
//! created. The order is read again after that, as the baseline, so a change between the two
//! is not missed; events not newer than the baseline are skipped. The first event is the current
//! status; the stream ends after a final status (`shipped`, `cancelled`), when the client
//! leaves, or when the edge shuts down. Keep-alive comments every 15 seconds keep proxies from
//! closing an idle stream.
//!
//! The consumer filters on the order's own status subject (`mk.evt.orders.status.<id>`), so the
//! server sends this stream only its order's changes.

use std::convert::Infallible;
use std::time::Duration;

use async_nats::jetstream::{self, consumer::DeliverPolicy, consumer::push::OrderedConfig};
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use chrono::{DateTime, Utc};
use futures::{Stream, StreamExt};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::ids::OrderId;
use menuskart_schemas::orders::{Order, OrderEvent, OrderRef, OrderStatus};
use menuskart_schemas::subjects::events::orders::{STREAM, status_subject};
use menuskart_schemas::subjects::orders;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::auth::AuthUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::PathId;
use crate::state::AppState;

const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn unavailable(error: impl std::fmt::Display) -> ApiError {
    tracing::warn!(%error, "order events unavailable");
    ApiError::new(ErrorCode::Unavailable, "live order status is unavailable")
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
        (status = 200, description = "text/event-stream of `status` events, current status first; ends at a final status", content_type = "text/event-stream", body = String),
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
    // The order service checks the caller may see it (404 otherwise), before anything is
    // created for this stream.
    let caller = user.caller();
    let _visible: Order = call
        .send(orders::GET, &caller, &OrderRef { order_id })
        .await?;
    let slot = state.live_streams.open(user.claims.sub)?;
    let closing = state.live_streams.closing();
    let client = state.bus.client().clone();
    let stream = jetstream::new(client.clone())
        .get_stream(STREAM.name)
        .await
        .map_err(unavailable)?;
    let consumer = stream
        .create_consumer(OrderedConfig {
            deliver_subject: client.new_inbox(),
            filter_subject: status_subject(order_id),
            deliver_policy: DeliverPolicy::New,
            ..Default::default()
        })
        .await
        .map_err(unavailable)?;
    let mut messages = consumer.messages().await.map_err(unavailable)?;
    // The baseline, read after the consumer exists: any later change reaches the consumer.
    let order: Order = call
        .send(orders::GET, &caller, &OrderRef { order_id })
        .await?;

    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        // Held until the stream ends: its place under the caps.
        let _slot = slot;
        let (mut status, mut seen_at) = (order.status, order.updated_at);
        // The history's last entry is the status now.
        let current = order.history.last().filter(|c| c.status == status);
        if tx
            .send(Ok(status_event(
                order_id,
                status,
                current.map(|c| c.at),
                current.and_then(|c| c.reason.as_deref()),
            )))
            .await
            .is_err()
            || status.is_final()
        {
            return;
        }
        loop {
            let message = tokio::select! {
                // The client went away: stop consuming.
                () = tx.closed() => return,
                // The edge is shutting down: end the stream so the connection can close.
                () = closing.cancelled() => return,
                message = messages.next() => message,
            };
            let Some(Ok(message)) = message else { return };
            let Ok(event) = serde_json::from_slice::<OrderEvent>(&message.payload) else {
                continue;
            };
            if event.at <= seen_at || event.status == status {
                continue;
            }
            (status, seen_at) = (event.status, event.at);
            if tx
                .send(Ok(status_event(
                    order_id,
                    status,
                    Some(event.at),
                    event.reason.as_deref(),
                )))
                .await
                .is_err()
                || status.is_final()
            {
                return;
            }
        }
    });
    Ok(Sse::new(ReceiverStream::new(rx)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}
