//! Serving HTTP with the limits `axum::serve` leaves unset, on the same hyper machinery.
//!
//! - **A request must arrive within the header-read timeout, whatever the protocol.** hyper's
//!   own header-read timeout covers HTTP/1 requests only once hyper knows the connection is
//!   HTTP/1, and that takes the first 24 bytes (the length of HTTP/2's preface): a client that
//!   sends nothing, or part of the preface, or an HTTP/2 preface and then no request, would be
//!   kept forever. So each connection has a deadline for its first request ([`first_request`]);
//!   past it, the connection is dropped. After that, HTTP/1's timeout bounds the headers of each
//!   further request (and idle keep-alive), and HTTP/2 pings the client and closes the
//!   connection if the pings go unanswered.
//! - **At most `max_connections` connections at once.** Beyond it the edge stops accepting:
//!   new connections wait in the listen backlog (and beyond that the kernel drops their SYNs,
//!   which clients retry) until a connection ends. Waiting rather than accepting and closing:
//!   a burst of real customers is served a moment later instead of seeing errors, and slots
//!   free up on their own because every connection is bounded by the deadlines above.
//!   Closing beyond the cap would cost an accept and a close per attempt and punish everyone
//!   alike, the attacker no more than the customers.
//! - Bodies have their own timeout, a layer of the router (`crate::startup::router`).
//!
//! Shutdown is graceful: the listener closes, each connection finishes the request it is
//! serving, and the function returns when every connection has closed.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tower::ServiceExt;

/// How often an HTTP/2 connection is pinged, and how long the client has to answer.
const HTTP2_PING_EVERY: Duration = Duration::from_secs(20);
const HTTP2_PING_TIMEOUT: Duration = Duration::from_secs(10);

/// What one listener allows its clients.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// A connection's first request, and each HTTP/1 request's headers, must arrive within it.
    pub header_read_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

/// Serves `router` on `listener` until `shutdown`, then closes gracefully. Handlers see the
/// peer's address as `ConnectInfo<SocketAddr>` (the rate limits key on it).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(HTTP2_PING_EVERY)
        .keep_alive_timeout(HTTP2_PING_TIMEOUT);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let connections = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (slot, (stream, peer)) = tokio::select! {
            () = &mut shutdown => break,
            accepted = accept(&listener, &slots) => accepted,
        };
        // Told when a request arrives: the first one lifts the connection's deadline.
        let requested = Arc::new(Notify::new());
        let service = router.clone().map_request({
            let requested = requested.clone();
            move |mut request: Request<Incoming>| {
                requested.notify_one();
                request.extensions_mut().insert(ConnectInfo(peer));
                request.map(Body::new)
            }
        });
        let connection = builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = connections.watch(connection);
        let deadline = limits.header_read_timeout;
        tokio::spawn(async move {
            match first_request(connection, &requested, deadline).await {
                Some(Err(error)) => {
                    tracing::debug!(%error, %peer, "connection ended with an error")
                }
                Some(Ok(())) => {}
                None => tracing::debug!(%peer, "no request in time: connection closed"),
            }
            // The slot is free once the connection is.
            drop(slot);
        });
    }
    drop(listener);
    connections.shutdown().await;
}

/// Waits for a free slot, then for a connection.
async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> (
    tokio::sync::OwnedSemaphorePermit,
    (tokio::net::TcpStream, std::net::SocketAddr),
) {
    let slot = slots
        .clone()
        .acquire_owned()
        .await
        .expect("the semaphore is never closed");
    loop {
        match listener.accept().await {
            Ok(accepted) => return (slot, accepted),
            Err(error) => {
                // Out of file descriptors, say: wait instead of spinning.
                tracing::warn!(%error, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// Runs `connection` to its end, unless no request has arrived on it within `deadline`: then
/// drops it (closing the socket) and returns `None`.
async fn first_request<F: Future>(
    connection: F,
    requested: &Notify,
    deadline: Duration,
) -> Option<F::Output> {
    tokio::pin!(connection);
    tokio::select! {
        output = &mut connection => return Some(output),
        // `notify_one` keeps a permit, so a request that came before this wait still counts.
        () = requested.notified() => {}
        () = tokio::time::sleep(deadline) => return None,
    }
    Some(connection.await)
}
