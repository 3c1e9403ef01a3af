//! A worker: a set of endpoints registered with the NATS service API and served until shutdown.
//!
//! Each endpoint subscribes with the service API's queue group, so every instance of a worker
//! shares the load, and `$SRV.PING|INFO|STATS` answer for each instance. Requests are handled
//! concurrently up to `max_in_flight`; when that many are running the loop stops pulling, and the
//! backlog waits in the subscription.
//!
//! Shutdown (the mini-redis way): stop the service (unsubscribe), keep answering whatever was
//! already delivered to us until the subscriptions end, wait for every handler, then drain the
//! connection so the last replies reach the server. A request the client saw answered was fully
//! handled; a request we never answered times out at the client, and another instance takes
//! the retry. Background tasks (consumers, the outbox relay, sweepers) are told to stop at the
//! same moment and return at their next safe point: a consumer settles the events it is
//! handling and pulls no more, the relay finishes its batch. One that does not return within
//! [`TASK_GRACE`] is cut off, which is safe too (an unacked event is redelivered), only later.

use std::future::Future;
use std::sync::Arc;

use async_nats::service::{self, ServiceExt};
use futures::StreamExt;
use menuskart_schemas::subjects::{EndpointName, Service, replay};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::Instrument;

use crate::Caller;
use crate::domain::{Declaration, StatsData, Task};
use crate::handler::{RawRequest, Route};
use crate::jwt::TokenVerifier;
use crate::reply_guard::RefusedReplies;
use crate::settings::WorkerSettings;

/// How long shutdown waits for background tasks to reach a safe point before it cuts them off
/// (an event handler waiting on SMTP, say). Below the consumers' ack wait: whatever is cut off
/// is redelivered.
const TASK_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// A worker about to start: its service, version, endpoints and tasks.
pub struct Worker {
    service: Service,
    version: String,
    routes: Vec<(EndpointName, Route)>,
    tasks: Vec<Task>,
    max_in_flight: usize,
    stats: Option<StatsData>,
    verifier: TokenVerifier,
    replayers: Vec<crate::replay::Replayer>,
    recreated: crate::consumer::RecreatedConsumers,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("service", &self.service)
            .field("routes", &self.routes)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("endpoint {0} belongs to another service than {1}")]
    ForeignEndpoint(&'static str, &'static str),
    #[error(
        "consumer {0} is not named after its service {1} (`{1}-...`), so its dead letters could not be replayed"
    )]
    ForeignConsumer(&'static str, &'static str),
    #[error(
        "consumer {0} is not declared for {1} as it is used (stream and filter) in menuskart_schemas::components, so the JetStream keeper will not make it"
    )]
    UndeclaredConsumer(&'static str, &'static str),
    #[error("service {0} consumes events but has no replay endpoint in the schemas")]
    NoReplayEndpoint(&'static str),
    #[error("cannot register with the NATS service API: {0}")]
    Register(async_nats::Error),
    #[error("cannot drain the NATS connection: {0}")]
    Drain(#[from] async_nats::client::DrainError),
}

impl Worker {
    /// The worker that serves `declaration` as `service`.
    pub fn new<S: Clone + Send + Sync + 'static>(
        service: Service,
        version: impl Into<String>,
        settings: &WorkerSettings,
        declaration: Declaration<S>,
    ) -> Self {
        Self {
            service,
            version: version.into(),
            routes: declaration.routes,
            tasks: declaration.tasks,
            max_in_flight: settings.max_in_flight.max(1),
            stats: declaration.stats,
            verifier: settings.jwt.verifier(),
            replayers: declaration.replayers,
            recreated: declaration.recreated,
        }
    }

    /// Registers the service and subscribes every endpoint. When this returns, requests are
    /// being delivered to this instance.
    pub async fn start(mut self, client: async_nats::Client) -> Result<RunningWorker, WorkerError> {
        self.serve_replays(&client)?;
        for (endpoint, _) in &self.routes {
            if endpoint.group != self.service.group {
                return Err(WorkerError::ForeignEndpoint(
                    endpoint.subject,
                    self.service.group,
                ));
            }
        }
        let mut builder = client
            .service_builder()
            .description(self.service.description);
        let refused = RefusedReplies::default();
        let domain_stats = self.stats.clone();
        let counted = refused.clone();
        let recreated = self.recreated.clone();
        builder = builder.stats_handler(move |_endpoint, _stats| {
            stats_data(
                &counted,
                &recreated,
                domain_stats.as_ref().map(|data| data()),
            )
        });
        let service = builder
            .start(self.service.name, self.version)
            .await
            .map_err(WorkerError::Register)?;
        let group = service.group(self.service.group);
        let mut streams = Vec::with_capacity(self.routes.len());
        for (endpoint, route) in self.routes {
            // Named explicitly: otherwise the service API derives `mk-auth-register` from the
            // subject, and `nats micro info` should show the contract's endpoint names.
            let requests = group
                .endpoint_builder()
                .name(endpoint.name)
                .add(endpoint.name)
                .await
                .map_err(WorkerError::Register)?;
            streams.push(
                requests
                    .map(move |request| (endpoint, route.clone(), request))
                    .boxed(),
            );
        }
        // Ready means the server has our subscriptions. `flush` only writes them to the socket,
        // so make a round trip instead: a message to our own inbox over the same connection
        // comes back only after the server processed every SUB sent before it. (Not a ping of
        // our own service: no worker may publish to `$SRV.>`, whose answers the service API
        // sends to any reply subject without asking the kit.)
        round_trip(&client).await.map_err(WorkerError::Register)?;
        let stop = CancellationToken::new();
        let background = self
            .tasks
            .into_iter()
            .map(|task| {
                (
                    task.name,
                    tokio::spawn((task.run)(client.clone(), stop.clone())),
                )
            })
            .collect();
        tracing::info!(service = self.service.name, "worker started");
        Ok(RunningWorker {
            client,
            service,
            name: self.service.name,
            requests: futures::stream::select_all(streams),
            in_flight: Arc::new(Semaphore::new(self.max_in_flight)),
            verifier: self.verifier,
            refused,
            stop,
            background,
        })
    }
}

impl Worker {
    /// A worker with consumers also serves its service's `replay` endpoint, through which the
    /// operators have a consumer handle a dead letter's event again ([`crate::replay`]). Each
    /// consumer must be named after the service, which is how a dead letter finds its owner.
    fn serve_replays(&mut self, client: &async_nats::Client) -> Result<(), WorkerError> {
        if self.replayers.is_empty() {
            return Ok(());
        }
        let service = self.service;
        let endpoint =
            replay::in_group(service.group).ok_or(WorkerError::NoReplayEndpoint(service.name))?;
        if let Some(foreign) = self
            .replayers
            .iter()
            .find(|r| replay::of_consumer(r.durable) != Some(endpoint))
        {
            return Err(WorkerError::ForeignConsumer(foreign.durable, service.name));
        }
        let declared = menuskart_schemas::components::named(service.name);
        if let Some(undeclared) = self.replayers.iter().find(|r| {
            declared
                .and_then(|c| c.consumer(r.durable))
                .is_none_or(|c| c.stream.name != r.stream || c.filter != r.filter)
        }) {
            return Err(WorkerError::UndeclaredConsumer(
                undeclared.durable,
                service.name,
            ));
        }
        let replayers = crate::replay::Replayers {
            js: crate::nats::jetstream(client.clone()),
            consumers: Arc::new(std::mem::take(&mut self.replayers)),
        };
        self.routes
            .push((endpoint, crate::route(replayers, crate::replay::handle)));
        Ok(())
    }
}

/// A started worker; [`RunningWorker::run_until_stopped`] serves it.
pub struct RunningWorker {
    client: async_nats::Client,
    service: service::Service,
    name: &'static str,
    requests: futures::stream::SelectAll<
        futures::stream::BoxStream<'static, (EndpointName, Route, service::Request)>,
    >,
    in_flight: Arc<Semaphore>,
    /// Checks the token that comes with a request, before its handler runs.
    verifier: TokenVerifier,
    /// Requests not answered because their reply subject is not an inbox.
    refused: RefusedReplies,
    /// Cancelled when the worker stops: its background tasks return at their next safe point.
    stop: CancellationToken,
    background: Vec<(&'static str, tokio::task::JoinHandle<()>)>,
}

/// How a background task ended, for the log (it should run until the worker stops).
pub trait TaskOutcome {
    fn log(self, task: &'static str, stopping: bool);
}

impl TaskOutcome for () {
    fn log(self, task: &'static str, stopping: bool) {
        if stopping {
            tracing::debug!(task, "background task stopped");
        } else {
            tracing::warn!(task, "background task ended before the worker stopped");
        }
    }
}

impl<E: std::fmt::Display> TaskOutcome for Result<(), E> {
    fn log(self, task: &'static str, stopping: bool) {
        match self {
            Ok(()) => ().log(task, stopping),
            Err(error) => tracing::error!(%error, task, "background task failed"),
        }
    }
}

impl RunningWorker {
    /// Serves requests until `shutdown` completes, then shuts down gracefully (see module docs).
    pub async fn run_until_stopped(
        mut self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), WorkerError> {
        let tasks = TaskTracker::new();
        tokio::pin!(shutdown);
        if self.requests.is_empty() {
            // A worker without endpoints (its work comes as events) just waits to be stopped.
            (&mut shutdown).await;
        }
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                next = self.requests.next() => match next {
                    Some(item) => dispatch(&self.in_flight, &self.verifier, &self.refused, &tasks, item).await,
                    None => break,
                },
            }
        }
        tracing::info!(
            service = self.name,
            "stopping: unsubscribing, finishing in-flight requests and events"
        );
        self.stop.cancel();
        if let Err(error) = self.service.stop().await {
            tracing::warn!(%error, "service stop");
        }
        // Requests delivered before the unsubscribe took effect are still ours to answer.
        while let Some(item) = self.requests.next().await {
            dispatch(&self.in_flight, &self.verifier, &self.refused, &tasks, item).await;
        }
        tasks.close();
        tasks.wait().await;
        for (name, mut task) in self.background {
            if tokio::time::timeout(TASK_GRACE, &mut task).await.is_err() {
                tracing::warn!(task = name, "background task did not stop in time: cut off");
                task.abort();
            }
        }
        // `drain` only enqueues the unsubscribes and returns; a flush first makes sure every
        // reply written above has reached the server before the process may exit.
        if let Err(error) = self.client.flush().await {
            tracing::warn!(%error, "flushing the last replies");
        }
        self.client.drain().await?;
        tracing::info!(service = self.name, "stopped");
        Ok(())
    }
}

/// Sends a message to our own inbox and waits for it: the server has then processed everything
/// this connection sent before.
async fn round_trip(client: &async_nats::Client) -> Result<(), async_nats::Error> {
    let inbox = client.new_inbox();
    let mut echo = client.subscribe(inbox.clone()).await?;
    client.publish(inbox, "".into()).await?;
    tokio::time::timeout(std::time::Duration::from_secs(10), echo.next())
        .await?
        .ok_or("the subscription ended before the round trip")?;
    Ok(())
}

/// What a worker reports as its stats' `data`: what the kit counts, with the domain's own
/// figures beside it.
fn stats_data(
    refused: &RefusedReplies,
    recreated: &crate::consumer::RecreatedConsumers,
    domain: Option<serde_json::Value>,
) -> serde_json::Value {
    let mut data = match domain {
        Some(serde_json::Value::Object(fields)) => fields,
        Some(other) => serde_json::Map::from_iter([("domain".to_owned(), other)]),
        None => serde_json::Map::new(),
    };
    data.insert("refused_replies".to_owned(), refused.count().into());
    data.insert("consumers_recreated".to_owned(), recreated.count().into());
    serde_json::Value::Object(data)
}

/// Handles one request on its own task, once a concurrency permit is free. A request whose
/// reply subject is not an inbox is dropped unanswered (`crate::reply_guard`). The caller's
/// token is verified next: a request whose token does not verify is answered `unauthorized`
/// and never reaches its handler.
async fn dispatch(
    in_flight: &Arc<Semaphore>,
    verifier: &TokenVerifier,
    refused: &RefusedReplies,
    tasks: &TaskTracker,
    (endpoint, route, request): (EndpointName, Route, service::Request),
) {
    if !refused.admit(
        endpoint.subject,
        request.message.reply.as_ref().map(|reply| reply.as_str()),
    ) {
        return;
    }
    // Closed only if we closed it, which we never do.
    let Ok(permit) = in_flight.clone().acquire_owned().await else {
        return;
    };
    let caller = Caller::from_headers(request.message.headers.as_ref(), verifier);
    let raw = caller.map(|caller| RawRequest {
        payload: request.message.payload.clone(),
        headers: request.message.headers.clone(),
        caller,
    });
    let request_id = crate::handler::request_id(request.message.headers.as_ref());
    let span = tracing::info_span!(
        "request",
        subject = endpoint.subject,
        request_id = request_id.unwrap_or_default(),
    );
    crate::trace_context::adopt_parent(&span, request.message.headers.as_ref());
    tasks.spawn(
        async move {
            let reply = match raw {
                Ok(raw) => route.call(raw).await,
                Err(refused) => Err(refused),
            };
            if let Err(error) = &reply {
                tracing::info!(code = ?error.code(), message = error.message(), "request failed");
            }
            let reply = reply.map_err(|e| e.into_service_error());
            if let Err(error) = request.respond(reply).await {
                tracing::warn!(%error, "cannot send reply");
            }
            drop(permit);
        }
        .instrument(span),
    );
}
