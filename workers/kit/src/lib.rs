//! The worker kit: everything a MenusKart worker needs except its own handlers.
//!
//! A worker implements [`Domain`]: its service, settings and state, and a [`Declaration`] of its
//! endpoints, consumers and background tasks. Its `main` is [`application::main`]; the kit does
//! the rest:
//! - [`application`]: the one lifecycle (settings, telemetry, NATS, declare, serve, stop) and
//!   [`StartupError`], the one start-up error;
//! - [`settings`]: typed configuration from `MK_*` environment variables (secrets never print);
//! - [`nats`]: the NATS connection, authenticated as the component's own NATS user (an NKey),
//!   with reconnects logged; [`ops`]: how the operator tools connect;
//! - [`worker`]: registration with the NATS service API (`$SRV.PING|INFO|STATS`, so `nats micro ls`
//!   lists the pool), queue-group subscriptions, bounded concurrency, and graceful shutdown that
//!   answers every request already received before draining the connection;
//! - [`consumer`]: durable JetStream consumers with explicit ack and bounded redelivery;
//! - [`dead_letters`]: listing and replaying what consumers gave up on (`mk-dead-letters`), and
//!   [`replay`]: the `replay` endpoint through which a consumer's own worker handles them again;
//! - [`events`]: JetStream streams declared at start-up and events published with `Nats-Msg-Id`;
//! - `postgres` (feature `postgres`): a PostgreSQL pool with the worker's migrations applied;
//! - `outbox` (feature `postgres`): events written in the same PostgreSQL transaction as the
//!   change they announce, and the relay that publishes them to JetStream;
//! - [`handler`]: turns a typed `async fn(state, Incoming<Req>) -> Result<Resp, E>` into an endpoint:
//!   JSON decoding, the reply envelope, and errors through the service API's error path;
//! - [`idempotency_key`]: a client's `Idempotency-Key` and the id it pins down;
//! - [`rpc`]: calling a worker (the edge, workers calling workers, tests);
//! - [`reply_guard`]: a worker answers only to a reply inbox, never to a subject a caller aimed
//!   its answer at (the JetStream API, another service);
//! - [`reply_error`]: the one place where a worker's errors become wire error codes;
//! - [`caller`]: who is asking, proven by the user's access token that travels with the request
//!   and is verified before any handler runs, so workers check authorization themselves;
//! - [`telemetry`] and [`trace_context`]: tracing, optional OTLP export, and W3C `traceparent`
//!   carried in NATS headers;
//! - [`jwt`]: access tokens, EdDSA with key ids: the auth worker signs, the edge and every
//!   worker verify with public keys only;
//! - [`service_api`]: the client side of `$SRV.PING|INFO|STATS` (the `mk-micro` tool, tests);
//! - `surreal` (feature `surreal`): a SurrealDB connection, embedded or to a shared server, with
//!   the namespace, database and schema in place;
//! - [`periodic`]: rounds of background work (sweepers, reconcilers) until the worker stops;
//! - [`shutdown`]: the SIGINT/SIGTERM future binaries pass to `run_until_stopped`.
//!
//! The kit knows no domain: it never names a subject itself (they come from `menuskart-schemas`).

pub mod application;
pub mod caller;
pub mod consumer;
pub mod dead_letters;
pub mod domain;
pub mod events;
pub mod grants;
pub mod grants_doc;
pub mod handler;
pub mod idempotency_key;
pub mod jwt;
pub mod keeper;
pub mod nats;
pub mod ops;
#[cfg(feature = "postgres")]
pub mod outbox;
pub mod periodic;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod replay;
pub mod reply_error;
pub mod reply_guard;
pub mod rpc;
pub mod service_api;
pub mod settings;
pub mod shutdown;
pub mod startup_error;
#[cfg(feature = "surreal")]
pub mod surreal;
pub mod telemetry;
pub mod trace_context;
pub mod validation;
pub mod worker;

pub use application::Application;
pub use caller::Caller;
pub use domain::{Declaration, Domain, Nats};
pub use handler::{Incoming, route};
pub use idempotency_key::IdempotencyKey;
pub use reply_error::ReplyError;
pub use startup_error::{Context, StartupError};
/// What a background task is told to stop with (see [`Declaration::background`]).
pub use tokio_util::sync::CancellationToken;
pub use validation::ValidationError;
pub use worker::{RunningWorker, Worker};
