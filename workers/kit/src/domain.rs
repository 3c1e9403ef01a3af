//! What a worker is: a [`Domain`] declares its service, settings and state, and hands the kit a
//! [`Declaration`] of its endpoints, event consumers and background tasks. The kit does the rest
//! (`crate::application`): telemetry, settings, the NATS connection, registration, serving,
//! and stopping every part at a safe point.
//!
//! ```ignore
//! pub struct Inventory;
//!
//! impl Domain for Inventory {
//!     const SERVICE: Service = inventory::SERVICE;
//!     type Settings = Settings;
//!     type State = Arc<InventoryState>;
//!
//!     async fn declare(settings: Settings, nats: Nats) -> Result<Declaration<Self::State>, StartupError> {
//!         let state = Arc::new(InventoryState::new(&settings, nats).await?);
//!         Ok(Declaration::new(state)
//!             .endpoint(inventory::GET, handlers::get::handle)
//!             .consume(stock_events::SUBSCRIPTION, stock_events::handle))
//!     }
//! }
//! ```
//! and its `main.rs` is `menuskart_kit::application::main::<Inventory>()`.

use std::future::Future;
use std::sync::Arc;

use futures::future::BoxFuture;
use menuskart_schemas::subjects::{Endpoint, EndpointName, Service};
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;

use menuskart_schemas::jetstream::EnsureRequest;
use menuskart_schemas::subjects::events::{Stream, StreamEvent};

use crate::consumer::{Delivery, Subscription};
use crate::events::{EventError, Events};
use crate::handler::Route;
use crate::startup_error::StartupError;
use crate::worker::TaskOutcome;

/// A worker's domain: implemented once per worker crate, on a unit struct named after it.
pub trait Domain: 'static {
    /// The service it registers, from `menuskart_schemas::subjects`; its name also names the
    /// worker's own settings prefix (`MK_ORDERS_*`) and its NATS connection.
    const SERVICE: Service;
    /// Its own settings (`MK_<SERVICE>_*` over `MK_*`), with the shared ones it needs
    /// (`PostgresSettings`, `OutboxSettings`, ...) flattened in. What every worker has
    /// (`WorkerSettings`: NATS, concurrency) the kit reads itself.
    type Settings: DeserializeOwned + Send + 'static;
    /// What its handlers share (usually an `Arc`).
    type State: Clone + Send + Sync + 'static;

    /// Connects what the worker owns, declares its streams and says what it serves. Runs after
    /// the kit connected to NATS; nothing is served until it returns.
    fn declare(
        settings: Self::Settings,
        nats: Nats,
    ) -> impl Future<Output = Result<Declaration<Self::State>, StartupError>> + Send;
}

/// The NATS connection a domain is declared with, as which component, and how many copies
/// streams keep here (what the JetStream keeper makes them with).
#[derive(Debug, Clone)]
pub struct Nats {
    pub client: async_nats::Client,
    component: &'static str,
    js_replicas: usize,
}

impl Nats {
    pub(crate) fn new(
        client: async_nats::Client,
        component: &'static str,
        js_replicas: usize,
    ) -> Self {
        Self {
            client,
            component,
            js_replicas,
        }
    }

    /// Has the JetStream keeper make `streams` (ours, and those of others we consume, so that
    /// either side may start first; each one our declaration names) and returns the publisher
    /// of events.
    pub async fn streams(&self, streams: &[Stream]) -> Result<Events, EventError> {
        let request = EnsureRequest {
            streams: streams.iter().map(|s| s.name.to_owned()).collect(),
            consumers: Vec::new(),
        };
        crate::keeper::ask(&self.client, self.component, &request)
            .await
            .map_err(|e| EventError::Streams(e.into_error_body().message))?;
        Ok(Events::new(self.client.clone()))
    }

    /// How many copies a stream keeps (`MK_JS_REPLICAS`: 1 on one machine, 3 on a cluster).
    pub fn replicas(&self) -> usize {
        self.js_replicas
    }
}

/// Extra data a worker reports with each endpoint's `$SRV.STATS` (e.g. cache hit counts).
pub(crate) type StatsData = Arc<dyn Fn() -> serde_json::Value + Send + Sync>;

/// A task beside the endpoints; it is told to stop with the token and awaited.
pub(crate) struct Task {
    pub name: &'static str,
    pub run:
        Box<dyn FnOnce(async_nats::Client, CancellationToken) -> BoxFuture<'static, ()> + Send>,
}

/// What a worker serves, built in its [`Domain::declare`]: endpoints, consumers, tasks.
pub struct Declaration<S> {
    state: S,
    pub(crate) routes: Vec<(EndpointName, Route)>,
    pub(crate) tasks: Vec<Task>,
    pub(crate) stats: Option<StatsData>,
    /// The consumers, for the worker's `replay` endpoint (dead letters).
    pub(crate) replayers: Vec<crate::replay::Replayer>,
    /// Durables the consumers found gone and recreated (reported in the stats).
    pub(crate) recreated: crate::consumer::RecreatedConsumers,
}

impl<S> std::fmt::Debug for Declaration<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Declaration")
            .field("routes", &self.routes)
            .field(
                "tasks",
                &self.tasks.iter().map(|t| t.name).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl<S: Clone + Send + Sync + 'static> Declaration<S> {
    /// Starts a declaration whose handlers, consumers and tasks are called with `state`.
    pub fn new(state: S) -> Self {
        Self {
            state,
            routes: Vec::new(),
            tasks: Vec::new(),
            stats: None,
            replayers: Vec::new(),
            recreated: crate::consumer::RecreatedConsumers::default(),
        }
    }

    /// Serves `endpoint` (which must be one of the service's) with `handler`, which takes and
    /// returns what the endpoint's contract says.
    pub fn endpoint<Req, Resp, E, F, Fut>(
        mut self,
        endpoint: Endpoint<Req, Resp>,
        handler: F,
    ) -> Self
    where
        Req: serde::de::DeserializeOwned + Send + 'static,
        Resp: serde::Serialize,
        E: Into<crate::ReplyError>,
        F: Fn(S, crate::Incoming<Req>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Resp, E>> + Send + 'static,
    {
        let route = crate::route(self.state.clone(), handler);
        self.routes.push((endpoint.untyped(), route));
        self
    }

    /// Consumes `subscription` with `handler`, one event at a time per `concurrency` slot (see
    /// [`crate::consumer`]). On shutdown it stops pulling and finishes the events it holds.
    /// The same handler takes the consumer's replayed dead letters ([`crate::replay`]).
    pub fn consume<T, E, F, Fut>(mut self, subscription: Subscription, handler: F) -> Self
    where
        T: StreamEvent + Send + 'static,
        E: crate::consumer::HandlerError + 'static,
        F: Fn(S, Delivery<T>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
    {
        let state = self.state.clone();
        let handle = Arc::new(move |delivery: Delivery<T>| handler(state.clone(), delivery));
        self.replayers.push(crate::replay::Replayer::new(
            subscription.clone(),
            handle.clone(),
        ));
        let name = subscription.durable;
        let recreated = self.recreated.clone();
        self.task(name, move |_, nats, stop| {
            crate::consumer::run(nats, subscription, stop, recreated, move |delivery| {
                handle(delivery)
            })
        })
    }

    /// Runs `task` beside the endpoints (a relay, a sweeper) until the worker stops: it gets
    /// the token that is cancelled then, and must return soon after, between two units of work.
    pub fn background<T, F, Fut>(self, name: &'static str, task: F) -> Self
    where
        T: TaskOutcome,
        F: FnOnce(S, CancellationToken) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        self.task(name, move |state, _nats, stop| task(state, stop))
    }

    /// Every task (consumer or background) the same way: it runs with the state, the NATS
    /// client and the stop token, and its outcome is logged under `name`, as a failure only
    /// when it ended without being asked to.
    fn task<T, F, Fut>(mut self, name: &'static str, run: F) -> Self
    where
        T: TaskOutcome,
        F: FnOnce(S, async_nats::Client, CancellationToken) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        let state = self.state.clone();
        self.tasks.push(Task {
            name,
            run: Box::new(move |nats, stop| {
                Box::pin(async move {
                    let outcome = run(state, nats, stop.clone()).await;
                    outcome.log(name, stop.is_cancelled());
                })
            }),
        });
        self
    }

    /// Publishes the worker's transactional outbox through `relay`, unless this instance's
    /// settings turn the relay off.
    #[cfg(feature = "postgres")]
    pub fn outbox(
        self,
        settings: &crate::outbox::OutboxSettings,
        relay: impl Fn(&S) -> crate::outbox::Relay,
    ) -> Self {
        if !settings.outbox_relay {
            return self;
        }
        let relay = relay(&self.state);
        self.background("outbox relay", move |_, stop| relay.run(stop))
    }

    /// Reports `data(state)` as the `data` of every endpoint's stats (`nats micro stats`).
    pub fn stats(mut self, data: impl Fn(&S) -> serde_json::Value + Send + Sync + 'static) -> Self {
        let state = self.state.clone();
        self.stats = Some(Arc::new(move || data(&state)));
        self
    }
}
